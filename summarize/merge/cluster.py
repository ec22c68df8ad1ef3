"""Sentences of several articles grouped by the fact they report (steps 1-4 of :mod:`summarize.merge`).

* **Units**: every body sentence of every cleaned article, minus the sentences the cleaner
  flagged, questions, fragments shorter than :data:`MIN_CHARS` and repeats in one article.
* **Same-fact score**: the CSLS-corrected cosine of Conneau et al. (2018, "Word Translation
  Without Parallel Data") -- ``cos(i, j) - (r_i + r_j) / 2`` with ``r`` the mean cosine to
  the :data:`HUB_K` nearest sentences of *other* articles, the margin criterion of
  parallel-sentence mining (Artetxe & Schwenk, 2019) in difference form -- plus
  :data:`LEXICAL_WEIGHT` times the idf-weighted cosine of content stems and stem bigrams
  (:func:`summarize.lang.numbers.content_stems`: number words and Indic digits as digits).
* **Clusters**: average-linkage agglomerative clustering while the best average link is at
  least :data:`FACT_THRESHOLD` and the plain cosine passes ``merge.similarity_threshold``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from summarize.config import MergeConfig
from summarize.lang.numbers import content_stems
from summarize.lang.script import tokens
from summarize.merge.represent import choose
from summarize.salience import EMBED_KIND, centrality
from summarize.types import CleanArticle, Conflict, SourceRef

if TYPE_CHECKING:
    from summarize.engines.embeddings import Embedder

__all__ = [
    "MIN_CHARS",
    "FACT_THRESHOLD",
    "LEXICAL_WEIGHT",
    "fact_similarity",
    "cluster_sentences",
    "fact_clusters",
    "prepare",
    "Prepared",
    "Unit",
    "Cluster",
]

MIN_CHARS = 25  # shorter "sentences" are headings or fragments
FACT_THRESHOLD = 0.03  # CSLS-corrected cosine + weighted lexical overlap, see fact_similarity
LEXICAL_WEIGHT = 0.5
HUB_K = 4  # neighbours for the hubness correction
SAME_ARTICLE_LEXICAL = 0.5  # lexical overlap above which two sentences of one article repeat a fact
_HEADING_END_RE = re.compile(r"[।.!?\"'”’|]\s*$")


# --- the same-fact similarity -------------------------------------------------------------


def lexical_similarity(texts: Sequence[str]) -> np.ndarray:
    """idf-weighted cosine over content stems and stem bigrams (binary tf), idf from the texts."""
    bags = []
    for t in texts:
        stems = content_stems(t)
        # adjacent pairs too: "2 घंट" (two hours) and "बैलिस मिसाइ" (ballistic missile)
        # say more about a fact than "घंट" or "मिसाइ" alone
        bags.append(set(stems) | {f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)})
    n = len(bags)
    df = Counter(s for b in bags for s in b)
    vocab = {s: i for i, s in enumerate(df)}
    mat = np.zeros((n, max(1, len(vocab))), dtype=np.float64)
    for i, b in enumerate(bags):
        for s in b:
            mat[i, vocab[s]] = math.log((n + 1) / (df[s] + 0.5))
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    mat /= norms
    return mat @ mat.T


def fact_similarity(
    cos: np.ndarray,
    groups: Sequence[int],
    texts: Sequence[str],
    lexical_weight: float = LEXICAL_WEIGHT,
    lexical: np.ndarray | None = None,
) -> np.ndarray:
    """Same-fact score: CSLS-corrected cosine + ``lexical_weight`` * lexical overlap.

    ``groups`` gives each sentence's article; the hubness term ``r_i`` is the mean cosine
    of sentence i to its :data:`HUB_K` nearest sentences of other articles (of any other
    sentence when there is one article only).
    """
    n = cos.shape[0]
    if n == 0:
        return np.zeros((0, 0))
    g = np.asarray(groups)
    other = g[:, None] != g[None, :]
    if not other.any():
        other = ~np.eye(n, dtype=bool)
    masked = np.where(other, cos, -np.inf)
    k = max(1, min(HUB_K, int(other.sum(axis=1).min()) or 1))
    top = -np.sort(-masked, axis=1)[:, :k]
    top = np.where(np.isfinite(top), top, np.nan)
    r = np.nan_to_num(np.nanmean(top, axis=1), nan=float(np.mean(cos)))
    score = cos - (r[:, None] + r[None, :]) / 2.0
    if lexical_weight:
        lex = lexical_similarity(texts) if lexical is None else lexical
        score = score + lexical_weight * lex
    return score


def cluster_sentences(
    score: np.ndarray,
    allowed: np.ndarray,
    threshold: float = FACT_THRESHOLD,
    cos: np.ndarray | None = None,
    min_cos: float = 0.0,
) -> list[list[int]]:
    """Average-linkage agglomerative clustering on ``score``.

    Two clusters merge while their average ``score`` is at least ``threshold`` and, when
    ``cos`` is given, their average cosine is at least ``min_cos``.  ``allowed[i, j]`` False
    forbids i and j from being one fact: such a pair adds a strong negative link (-1) to
    the average, so the two end up together only if everything else pulls hard.
    """
    n = score.shape[0]
    if n == 0:
        return []
    link = np.where(allowed, score, -1.0).astype(np.float64)
    np.fill_diagonal(link, -np.inf)
    avg_cos = np.ones((n, n)) if cos is None else np.asarray(cos, dtype=np.float64).copy()
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    while True:
        ok = alive[:, None] & alive[None, :] & (avg_cos >= min_cos)
        masked = np.where(ok, link, -np.inf)
        flat = int(np.argmax(masked))
        a, b = divmod(flat, n)
        if not np.isfinite(masked[a, b]) or masked[a, b] < threshold:
            break
        # Lance-Williams update for average linkage (both matrices)
        wa, wb = size[a] / (size[a] + size[b]), size[b] / (size[a] + size[b])
        for mat in (link, avg_cos):
            new = wa * mat[a] + wb * mat[b]
            mat[a, :] = new
            mat[:, a] = new
            mat[b, :] = -np.inf
            mat[:, b] = -np.inf
        link[a, a] = -np.inf
        size[a] += size[b]
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
    return [sorted(m) for m, ok in zip(members, alive, strict=False) if ok]


# --- units and clusters ---------------------------------------------------------------------


@dataclass
class Unit:
    """One sentence that takes part in the merge."""

    article: int
    article_id: str
    paragraph: int
    sentence: int
    text: str
    position: float  # relative position in the article, 0 = first sentence
    heading: bool = False
    split: bool = False  # one half of a sentence the segmenter cut at a decimal point


@dataclass
class Cluster:
    """The sentences (unit indices) that report one fact, and what the merge needs of them."""

    members: list[int]
    sources: list[str] = field(default_factory=list)
    rep: int = -1
    centrality: float = 0.0
    position: float = 1.0
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class Prepared:
    units: list[Unit]
    left_out: Counter[str]
    cos: np.ndarray
    score: np.ndarray
    cent: np.ndarray
    clusters: list[Cluster]
    n_articles: int
    # indices of the articles the cleaner flagged no kept line of (a clean source)
    clean_sources: frozenset[int] = frozenset()


def _norm_text(text: str) -> str:
    return " ".join(tokens(text))


def _flag_index(article: CleanArticle) -> list[tuple[str, str]]:
    return [(_norm_text(f.text), f.reason) for f in article.flagged if f.text.strip()]


def _flag_reason(text: str, flagged: list[tuple[str, str]]) -> str | None:
    norm = _norm_text(text)
    if not norm:
        return None
    for ftext, reason in flagged:
        if not ftext:
            continue
        if (
            norm == ftext
            or (len(ftext) >= 15 and ftext in norm)
            or (len(norm) >= 15 and norm in ftext)
        ):
            return reason or "flagged"
    return None


def _left_out_reason(text: str, flagged: list[tuple[str, str]]) -> str | None:
    """Why a sentence does not take part in the merge (None: it does)."""
    reason = _flag_reason(text, flagged)
    if reason:
        return f"flagged by the cleaner ({reason})"
    if text.rstrip("\"'”’»)").endswith("?"):
        return "questions"
    if len(text) < MIN_CHARS:
        return f"fragments shorter than {MIN_CHARS} characters"
    return None


_ENDS_IN_NUMBER_RE = re.compile(r"[0-9०-९]\.$")
_STARTS_WITH_DIGIT_RE = re.compile(r"^[0-9०-९]")


def _split_at_number(paragraph: list[str], si: int) -> bool:
    """Sentence ``si`` is one half of a number cut at its decimal point ("... ४८." + "१ ओवर ...")."""
    here = paragraph[si].strip()
    before = paragraph[si - 1].strip() if si > 0 else ""
    after = paragraph[si + 1].strip() if si + 1 < len(paragraph) else ""
    return bool(
        (_ENDS_IN_NUMBER_RE.search(before) and _STARTS_WITH_DIGIT_RE.match(here))
        or (_ENDS_IN_NUMBER_RE.search(here) and _STARTS_WITH_DIGIT_RE.match(after))
    )


def _units(articles: Sequence[CleanArticle], left_out: Counter[str]) -> list[Unit]:
    """Step 1: the sentences that take part; the others are counted in ``left_out``."""
    units: list[Unit] = []
    for ai, art in enumerate(articles):
        flagged = _flag_index(art)
        seen: set[str] = set()
        sents = art.sentences()
        total = max(1, len(sents))
        for ordinal, ((pi, si), text) in enumerate(zip(art.sentence_index(), sents, strict=False)):
            clean = text.strip()
            if not clean:
                continue
            reason = _left_out_reason(clean, flagged)
            key = _norm_text(clean)
            if reason is None and key in seen:
                reason = "repeated sentences"
            if reason:
                left_out[reason] += 1
                continue
            seen.add(key)
            heading = len(art.paragraphs[pi]) == 1 and not _HEADING_END_RE.search(clean)
            split = _split_at_number(art.paragraphs[pi], si)
            units.append(Unit(ai, art.id, pi, si, clean, ordinal / total, heading, split))
    return units


def _cosines(units: Sequence[Unit], embedder: Embedder) -> np.ndarray:
    """Step 2: cosine similarities of the units' e5 embeddings."""
    emb = np.asarray(embedder.embed([u.text for u in units], kind=EMBED_KIND), dtype=np.float64)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    emb = emb / norms
    return np.clip(emb @ emb.T, -1.0, 1.0)


def _describe(
    c: Cluster,
    units: Sequence[Unit],
    articles: Sequence[CleanArticle],
    score: np.ndarray,
    cent: np.ndarray,
) -> None:
    """Sources, representative sentence, centrality and position of cluster ``c``."""
    c.sources = [articles[a].id for a in sorted({units[i].article for i in c.members})]
    # readable first, then central (summarize.merge.represent); a heading only if nothing else
    c.rep = choose(
        c.members,
        lambda i: (units[i].text, articles[units[i].article].lang or "hi"),
        lambda i: units[i].heading,
        lambda i: units[i].split,
        lambda i: not articles[units[i].article].flagged,
        score,
        cent,
    )
    c.centrality = float(max(cent[i] for i in c.members))
    c.position = min(units[i].position for i in c.members)


def prepare(articles: Sequence[CleanArticle], embedder: Embedder, gate: float) -> Prepared:
    """Steps 1-4: units, embeddings, same-fact score, clusters."""
    left_out: Counter[str] = Counter()
    units = _units(articles, left_out)
    if not units:
        empty = np.zeros((0, 0))
        return Prepared(units, left_out, empty, empty, np.zeros(0), [], 0)
    cos = _cosines(units, embedder)
    groups = [u.article for u in units]
    lex = lexical_similarity([u.text for u in units])
    score = fact_similarity(cos, groups, [u.text for u in units], lexical=lex)
    # Two sentences of one article are one fact only when they (nearly) repeat each other
    # (a heading and its paragraph): articles do not restate a fact, and their own style
    # makes their sentences look alike to the embedding.
    allowed = ~np.equal.outer(groups, groups) | (lex >= SAME_ARTICLE_LEXICAL)
    members = cluster_sentences(score, allowed, FACT_THRESHOLD, cos=cos, min_cos=gate)
    clusters = [Cluster(m) for m in members]
    cent = centrality(cos)
    for c in clusters:
        _describe(c, units, articles, score, cent)
    n_articles = len({u.article for u in units})
    clean = frozenset(ai for ai, a in enumerate(articles) if not a.flagged)
    return Prepared(units, left_out, cos, score, cent, clusters, n_articles, clean)


def fact_clusters(
    articles: Sequence[CleanArticle], embedder: Embedder, config: MergeConfig | None = None
) -> list[list[SourceRef]]:
    """The sentences of ``articles`` grouped by the fact they report (steps 1-4).

    Each group lists its sentences as :class:`SourceRef` (similarity: to the group's most
    central sentence), the groups reported by the most articles first.  For inspection and
    tests; :func:`summarize.merge.merge_articles` builds on the same clustering.
    """
    cfg = config or MergeConfig()
    prep = prepare(articles, embedder, cfg.similarity_threshold)
    out = []
    for c in sorted(prep.clusters, key=lambda c: (-len(c.sources), -c.centrality)):
        units = [prep.units[i] for i in c.members]
        out.append(
            [
                SourceRef(
                    u.article_id,
                    u.paragraph,
                    u.sentence,
                    u.text,
                    float(round(prep.cos[c.rep, i], 4)),
                )
                for u, i in zip(units, c.members, strict=True)
            ]
        )
    return out
