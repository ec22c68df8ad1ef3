"""Extractive sentence selection: graph centrality + Maximal Marginal Relevance.

The extractive strategy, the merge and the pipeline's extract-then-abstract input fitting
all pick "the most central, non-redundant sentences" from sentence embeddings:

* **Centrality** follows LexRank (Erkan & Radev, 2004, "LexRank: Graph-based Lexical
  Centrality as Salience in Text Summarization"): sentences are nodes, edges are cosine
  similarities, and a sentence's salience is its eigenvector centrality (PageRank power
  iteration with damping 0.85) or, as an option, its degree.  LexRank used tf-idf cosine;
  we use multilingual sentence embeddings (multilingual-e5-small), which work for Hindi and
  English alike.  e5 embeddings are anisotropic -- unrelated sentences of one article
  still score ~0.8 -- so the graph is built from similarities *above the median
  off-diagonal similarity* (LexRank's threshold, set adaptively), rescaled to 0..1.
* **Redundancy** follows MMR (Carbonell & Goldstein, 1998, "The Use of MMR,
  Diversity-Based Reranking for Reordering Documents and Producing Summaries"): the next
  sentence maximises ``lambda * relevance - (1 - lambda) * max similarity to those already
  chosen``, with relevance = normalised centrality (times an optional prior) and the same
  rescaled similarity as the graph.

The result is returned in document order.  Empty input gives an empty result.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

__all__ = [
    "EMBED_KIND",
    "MMR_LAMBDA",
    "similarity_matrix",
    "centrality",
    "mmr_select",
    "mmr_order",
    "select_sentences",
    "rank_for_window",
    "extract",
]


# e5 prefix for sentence-to-sentence similarity: the e5 authors advise "query: " on both sides
# for symmetric tasks.  The merge uses the same kind, so the embedder's memo serves both.
EMBED_KIND = "query"


class SentenceEmbedder(Protocol):
    """What selection needs of an embedder (:class:`summarize.engines.embeddings.Embedder`)."""

    def embed(self, texts: list[str], kind: str = ...) -> np.ndarray: ...


# sentence embeddings (an (n, d) array or rows), or the sentence texts to embed
Items = np.ndarray | Sequence[str] | Sequence[Sequence[float]]

# MMR's relevance/novelty trade-off for sentence selection (the merge has its own setting,
# ``MergeConfig.mmr_lambda``).
MMR_LAMBDA = 0.7


def similarity_matrix(embeddings: np.ndarray) -> np.ndarray:
    """Cosine similarities of L2-normalised rows (re-normalised defensively)."""
    emb = np.asarray(embeddings, dtype=np.float32)
    if emb.ndim != 2 or emb.shape[0] == 0:
        return np.zeros((0, 0), dtype=np.float32)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    emb = emb / norms
    return np.clip(emb @ emb.T, -1.0, 1.0)


def _rescaled(sim: np.ndarray) -> np.ndarray:
    """Similarities above the median off-diagonal value, mapped to 0..1 (diagonal 1)."""
    n = sim.shape[0]
    if n < 2:
        return np.ones_like(sim)
    off = sim[~np.eye(n, dtype=bool)]
    base = float(np.median(off))
    span = max(1.0 - base, 1e-6)
    out = np.clip((sim - base) / span, 0.0, 1.0)
    np.fill_diagonal(out, 1.0)
    return out


def centrality(
    sim: np.ndarray,
    method: str = "eigenvector",
    damping: float = 0.85,
    iterations: int = 100,
    tol: float = 1e-6,
) -> np.ndarray:
    """LexRank salience of each node of a cosine-similarity matrix, scaled to max 1.

    ``method``: ``"eigenvector"`` (PageRank power iteration over the row-normalised graph)
    or ``"degree"`` (sum of edge weights).
    """
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.float64)
    if n == 1:
        return np.ones(1, dtype=np.float64)
    w = _rescaled(np.asarray(sim, dtype=np.float64))
    np.fill_diagonal(w, 0.0)
    if method == "degree":
        score = w.sum(axis=1)
    elif method == "eigenvector":
        rows = w.sum(axis=1, keepdims=True)
        # a node with no edge links uniformly (the PageRank dangling-node convention)
        trans = np.where(rows > 0, w / np.where(rows > 0, rows, 1.0), 1.0 / n)
        score = np.full(n, 1.0 / n)
        for _ in range(iterations):
            new = (1.0 - damping) / n + damping * (trans.T @ score)
            if np.abs(new - score).sum() < tol:
                score = new
                break
            score = new
    else:
        raise ValueError(f"unknown centrality method {method!r}; allowed: eigenvector, degree")
    top = score.max()
    return score / top if top > 0 else np.ones(n)


def mmr_select(
    rel: np.ndarray,
    red: np.ndarray,
    mmr_lambda: float,
    eligible: Sequence[bool] | np.ndarray | None = None,
    k: int | None = None,
) -> list[int]:
    """Greedy MMR: up to ``k`` (default: all) eligible indices, best first.

    ``rel``: relevance per item (0..1); ``red``: pairwise redundancy (0..1).  The next item
    maximises ``mmr_lambda * rel - (1 - mmr_lambda) * max redundancy to those chosen``.
    """
    n = len(rel)
    ok = np.ones(n, dtype=bool) if eligible is None else np.asarray(eligible, dtype=bool).copy()
    limit = n if k is None else k
    order: list[int] = []
    max_red = np.zeros(n, dtype=np.float64)
    while len(order) < limit and ok.any():
        score = np.where(ok, mmr_lambda * rel - (1.0 - mmr_lambda) * max_red, -np.inf)
        best = int(np.argmax(score))
        order.append(best)
        ok[best] = False
        max_red = np.maximum(max_red, red[best])
    return order


def mmr_order(
    embeddings: np.ndarray,
    mmr_lambda: float = MMR_LAMBDA,
    *,
    prior: Sequence[float] | np.ndarray | None = None,
    eligible: Sequence[bool] | np.ndarray | None = None,
    method: str = "eigenvector",
    sim: np.ndarray | None = None,
) -> list[int]:
    """All eligible sentence indices in MMR order (most salient, least redundant first).

    ``prior`` multiplies the centrality (e.g. support counts in the merge); ``eligible``
    masks out sentences that may inform the graph but must not be chosen.
    """
    sim = similarity_matrix(embeddings) if sim is None else np.asarray(sim, dtype=np.float64)
    n = sim.shape[0]
    if n == 0:
        return []
    rel = centrality(sim, method=method)
    if prior is not None:
        rel = rel * np.asarray(prior, dtype=np.float64)
        top = rel.max()
        rel = rel / top if top > 0 else rel
    return mmr_select(rel, _rescaled(sim), mmr_lambda, eligible)


def _embeddings_of(
    items: Items, embedder: SentenceEmbedder | None
) -> tuple[np.ndarray, list[str] | None]:
    """(embeddings, texts): ``items`` is an (n, d) array, or sentences embedded with ``embedder``."""
    if isinstance(items, np.ndarray):
        return items, None
    seq = list(items)
    if not seq:
        return np.zeros((0, 0), dtype=np.float32), []
    if isinstance(seq[0], str):
        if embedder is None:
            raise TypeError(
                "sentences given without an embedder (an object with .embed(texts, kind))"
            )
        texts = [str(t) for t in seq]
        return np.asarray(embedder.embed(texts, kind=EMBED_KIND)), texts
    return np.asarray(seq, dtype=np.float32), None


def select_sentences(
    items: Items,
    k: int,
    mmr_lambda: float = MMR_LAMBDA,
    *,
    embedder: SentenceEmbedder | None = None,
    lengths: Sequence[int] | None = None,
    min_chars: int = 0,
    prior: Sequence[float] | np.ndarray | None = None,
    method: str = "eigenvector",
) -> list[int]:
    """Indices of the ``k`` most central, non-redundant sentences, in document order.

    ``items``: an (n, d) embedding array, or the sentence texts with ``embedder`` (lengths
    are then taken from the texts).  ``lengths`` (characters per sentence) with
    ``min_chars`` keeps headings and fragments out of the selection; they still take part
    in the centrality graph.  If no sentence is long enough, the length filter is dropped
    rather than returning nothing.
    """
    emb, texts = _embeddings_of(items, embedder)
    n = emb.shape[0] if emb.ndim == 2 else 0
    if n == 0 or k <= 0:
        return []
    if lengths is None and texts is not None:
        lengths = [len(t) for t in texts]
    eligible = np.ones(n, dtype=bool)
    if lengths is not None and min_chars > 0:
        eligible = np.asarray(lengths) >= min_chars
        if not eligible.any():
            eligible = np.ones(n, dtype=bool)
    order = mmr_order(emb, mmr_lambda, prior=prior, eligible=eligible, method=method)
    return sorted(order[:k])


def rank_for_window(
    items: Items,
    embedder: SentenceEmbedder | None = None,
    *,
    token_counts: Sequence[int] | None = None,
    budget: int | None = None,
    mmr_lambda: float = MMR_LAMBDA,
    separator_tokens: int = 0,
    method: str = "eigenvector",
) -> list[int]:
    """Sentences for a model window: salience order, or the ones that fit, in document order.

    ``items``: sentence texts (embedded with ``embedder``) or an (n, d) embedding array;
    ``token_counts`` and ``budget`` are keyword arguments.

    * Without ``budget``: every index, most salient first (MMR order) -- the caller takes
      sentences in this order while they fit, then restores document order (this is what
      the pipeline's extract-then-abstract fitting does, with the model's own token counts).
    * With ``token_counts`` and ``budget``: sentences are taken in MMR order while they fit
      (one that does not fit is skipped and a shorter, later-ranked one may still be taken;
      ``separator_tokens`` is added per sentence after the first), returned in document
      order.  A sentence longer than the whole budget is never chosen: if nothing fits the
      result is empty and the caller must split the sentence; nothing is cut here.
    """
    emb, _ = _embeddings_of(items, embedder)
    n = emb.shape[0] if emb.ndim == 2 else 0
    if n == 0:
        return []
    if budget is None:
        return mmr_order(emb, mmr_lambda, method=method)
    if budget <= 0:
        return []
    if token_counts is None or len(token_counts) != n:
        raise ValueError(
            f"{0 if token_counts is None else len(token_counts)} token counts for {n} sentences"
        )
    counts = [int(c) for c in token_counts]
    if sum(counts) + separator_tokens * (n - 1) <= budget:
        return list(range(n))
    chosen: list[int] = []
    used = 0
    for i in mmr_order(emb, mmr_lambda, method=method):
        cost = counts[i] + (separator_tokens if chosen else 0)
        if used + cost <= budget:
            chosen.append(i)
            used += cost
    return sorted(chosen)


def extract(
    sentences: Sequence[str],
    embedder: SentenceEmbedder,
    k: int,
    mmr_lambda: float = MMR_LAMBDA,
    *,
    min_chars: int = 0,
) -> list[int]:
    """Convenience: :func:`select_sentences` over sentence texts."""
    return select_sentences(list(sentences), k, mmr_lambda, embedder=embedder, min_chars=min_chars)
