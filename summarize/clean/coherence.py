"""Lexical topic coherence of the blocks of one page: TF-IDF over character n-grams.

The topic check is lexical on purpose (no model): TF-IDF over character 3-5-grams of
content words (:data:`summarize.lang.lexicon.TOPIC_STOP` removed), which works for Hindi's
rich morphology and for the English names mixed into Hindi news.  The blocks of one article
are the documents for the IDF.  A block after a "next story" marker is another story when
its similarity to the article is under ``CleanConfig.off_topic_threshold`` or under
:data:`RELATIVE_OFF_TOPIC` times the median similarity of the article's own paragraphs
(:func:`off_topic_bar`: very coherent texts get a higher bar).

With an embedder (pass 5b, :mod:`summarize.clean.story_blocks`) the block after any
story-boundary line is judged by both signals, :func:`block_is_off_topic`: far from the
article's centroid in meaning (multilingual e5) *and* not close in wording (TF-IDF).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from summarize.clean.patterns import WORD_RE
from summarize.lang.lexicon import TOPIC_STOP

__all__ = [
    "BlockScores",
    "LEXICAL_CLOSE",
    "MARKER_LEXICAL_CLOSE",
    "NEAREST_BAR",
    "RELATIVE_OFF_TOPIC",
    "SEMANTIC_MARGIN",
    "TfIdf",
    "Vector",
    "block_is_off_topic",
    "ngrams",
    "off_topic_bar",
]

RELATIVE_OFF_TOPIC = 0.3
# Pass 5b (with an embedder).  Set on tests/data/unseen/dev and the older gold sets: other
# stories' blocks sat 0.054-0.084 under the article's own paragraphs in mean e5 cosine to
# the centroid (on-topic blocks with real paragraphs: up to 0.098, a photo gallery), and
# 0.12-0.24 in TF-IDF similarity to title and lead (on-topic blocks: 0.27 and more).
SEMANTIC_MARGIN = 0.045
LEXICAL_CLOSE = 0.25
# A short block (a brief: a headline and a paragraph or two) after an explicit marker of
# another story ("दूसरी ख़बर", "Agli Khabar ›", "— इसी चैनल पर अगली पोस्ट —") is judged by
# wording alone, with a looser bar than a block after any boundary: the marker itself says
# "another story".  Briefs of the same beat (dengue in two cities, procurement in two
# states) measured 0.19-0.29 on the development halves; no block after such a marker was
# on topic there, and the article's own sections under a heading measured 0.35-0.41.
MARKER_LEXICAL_CLOSE = 0.32
# A passage that drifts (the history of a bazaar in a metro story) keeps close neighbours in
# the article: the mean of its lines' best e5 cosine to an article line was 0.851-0.890 on
# those sets; other stories' lines 0.814-0.828.  (A value for multilingual-e5-small, the
# configured embedder; another model needs its own.)
NEAREST_BAR = 0.84


class BlockScores(NamedTuple):
    """What pass 5b measures of a block after a story boundary."""

    semantic_margin: float  # article paragraphs' mean cosine to the centroid minus the block's
    nearest: float  # mean over the block's lines of the best cosine to an article line
    lexical: float  # TF-IDF similarity of the block to the title and lead


_NGRAM_CHARS = 4000  # only the start of a block counts for its topic (and stays fast)
# a sparse, L2-normalised TF-IDF vector
Vector = dict[str, float]


def content_words(text: str) -> list[str]:
    """The lowercased words of ``text`` that carry its topic (no :data:`TOPIC_STOP`, no bare number)."""
    return [
        w
        for w in (x.lower() for x in WORD_RE.findall(text))
        if w not in TOPIC_STOP and not w.isdigit()
    ]


@functools.lru_cache(maxsize=4096)
def ngrams(text: str, lo: int = 3, hi: int = 5) -> Counter[str]:
    """Character n-grams of the content words (cached: treat the result as read-only).

    Only the first few thousand characters of a block count: enough for its topic, and a
    5 MB one-line article stays fast."""
    c: Counter[str] = Counter()
    text = text[:_NGRAM_CHARS]
    for w in content_words(text):
        w = f" {w} "
        for n in range(lo, hi + 1):
            if len(w) < n:
                if n == lo:
                    c[w] += 1
                break
            for i in range(len(w) - n + 1):
                c[w[i : i + n]] += 1
    return c


class TfIdf:
    """TF-IDF over the blocks of one article (the blocks are the documents for IDF)."""

    def __init__(self, docs: Iterable[str]):
        self.grams = [ngrams(d) for d in docs]
        n = len(self.grams)
        df: Counter[str] = Counter()
        for g in self.grams:
            df.update(g.keys())
        self.idf = {k: math.log((1 + n) / (1 + v)) + 1.0 for k, v in df.items()}

    def weights(self, grams: Counter[str]) -> dict[str, float]:
        return {k: c * self.idf.get(k, 1.0) for k, c in grams.items()}

    def vec(self, grams: Counter[str]) -> Vector:
        v = self.weights(grams)
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {k: x / norm for k, x in v.items()}

    def text_vec(self, text: str) -> Vector:
        return self.vec(ngrams(text))

    @staticmethod
    def cos(a: Vector, b: Vector) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(k, 0.0) for k, x in a.items())

    def coherence(self, texts: list[str], ref: Vector) -> list[float]:
        """For each text: max(cosine to ``ref``, cosine to all the *other* texts together).

        The leave-one-out cosine is computed from dot products with the total, so it costs
        one pass over each text (weights are linear in counts, so rest = total - own)."""
        own = [self.weights(ngrams(t)) for t in texts]
        total: dict[str, float] = {}
        for w in own:
            for k, x in w.items():
                total[k] = total.get(k, 0.0) + x
        tt = sum(x * x for x in total.values())
        out = []
        for w in own:
            aa = sum(x * x for x in w.values())
            at = sum(x * total[k] for k, x in w.items())
            rr = tt - 2 * at + aa
            rest = (at - aa) / math.sqrt(aa * rr) if aa > 0 and rr > 1e-12 else 0.0
            na = math.sqrt(aa) or 1.0
            to_ref = sum(x * ref.get(k, 0.0) for k, x in w.items()) / na
            out.append(max(rest, to_ref))
        return out


def off_topic_bar(tfidf: TfIdf, paragraphs: list[str], ref: Vector, threshold: float) -> float:
    """The similarity under which a block is off the topic of ``paragraphs`` (see the module)."""
    long_ones = [t for t in paragraphs if len(t) >= 60]
    own_sims = sorted(tfidf.coherence(long_ones, ref)) if len(long_ones) >= 2 else []
    median_sim = own_sims[len(own_sims) // 2] if own_sims else 0.0
    return max(threshold, RELATIVE_OFF_TOPIC * median_sim)


def block_is_off_topic(scores: BlockScores) -> bool:
    """Another story: far in meaning (mean e5 cosine to the centroid under the article's own
    by :data:`SEMANTIC_MARGIN`, and no close neighbour in the article: :data:`NEAREST_BAR`)
    and not close in wording (TF-IDF under :data:`LEXICAL_CLOSE`).

    A passage that drifts in wording but not in meaning keeps close neighbours and stays;
    one that keeps the article's names and terms has a high TF-IDF and stays."""
    return (
        scores.semantic_margin >= SEMANTIC_MARGIN
        and scores.nearest < NEAREST_BAR
        and scores.lexical < LEXICAL_CLOSE
    )
