"""Sentence selection for the strategies, over :mod:`summarize.salience` (LexRank + MMR).

Two questions, one method: which ``k`` sentences summarise an article (the extractive
strategy), and which sentences fill a model's input window best (extract-then-abstract
input fitting).  Both embed the sentences with the run's embedder and rank them by
centrality with MMR redundancy (Erkan & Radev 2004; Carbonell & Goldstein 1998).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.strategies.fit import Selector

if TYPE_CHECKING:
    from summarize.engines.embeddings import Embedder


def window_selector(embedder: Embedder) -> Selector:
    """``select(texts, token_counts, budget)`` for :func:`summarize.strategies.fit.fit_input`."""
    from summarize.salience import rank_for_window

    def select(sentences: list[str], counts: list[int], budget: int) -> list[int]:
        emb = embedder.embed(list(sentences), kind="query")
        return list(rank_for_window(emb, token_counts=counts, budget=budget))

    return select


def top_sentences(embedder: Embedder, sentences: list[str], k: int) -> list[int]:
    """Indices of the ``k`` most central, non-redundant sentences, in document order."""
    from summarize.salience import extract

    return sorted(extract(sentences, embedder, k))
