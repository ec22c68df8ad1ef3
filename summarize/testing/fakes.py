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
