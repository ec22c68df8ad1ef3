"""The merged summary: selection, order, text, fusion, attribution (steps 5-9 of :mod:`summarize.merge`).

* **Selection**: clusters ranked by the number of articles that report them, then by the
  LexRank centrality of their most central sentence; up to ``merge.max_sentences`` taken by
  MMR (Carbonell & Goldstein, 1998; :func:`summarize.salience.mmr_select`) so that two
  clusters saying nearly the same thing are not both taken.  A lone heading is not eligible.
* **Order**: by the earliest relative position of any member in its article (news puts the
  main facts first).
* **Text**: the cluster's representative sentence; with translations its English
  translation (else the Hindi sentence, said in the notes).  With ``fuse`` a generator
  writes one text per selected cluster instead; when it fails the extractive text is kept.
* **Attribution**: sources, agreement, support, references, faithfulness flags
  (:func:`summarize.faithfulness.check_summary`) and conflicts (:mod:`.conflicts`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from summarize.config import MergeConfig
from summarize.merge.cluster import Cluster, Prepared, Unit, prepare
from summarize.merge.conflicts import find_conflicts
from summarize.merge.represent import choose
from summarize.salience import mmr_select
from summarize.types import (
    CleanArticle,
    Conflict,
    Flag,
    MergedSentence,
    MergedSummary,
    SourceRef,
    TranslatedArticle,
)

if TYPE_CHECKING:
    from summarize.engines.embeddings import Embedder

__all__ = ["merge_articles", "Translations", "Fuse"]

Translations = Mapping[str, TranslatedArticle | None] | Sequence[TranslatedArticle | None]
# a generator called with one input per selected cluster, returning one text per input
Fuse = Callable[[list[str]], list[str] | str]
# article id -> (paragraph, sentence) -> English translation of that sentence
_Lookup = dict[str, dict[tuple[int, int], str]]


def _translation_lookup(
    articles: Sequence[CleanArticle], translations: Translations | None
) -> _Lookup:
    if translations is None:
        return {}
    if isinstance(translations, Mapping):
        items = {a.id: translations.get(a.id) for a in articles}
    else:
        items = {a.id: t for a, t in zip(articles, translations, strict=False)}
    out: _Lookup = {}
    for aid, tr in items.items():
        if tr is None:
            continue
        out[aid] = {(p.paragraph, p.sentence): p.tgt for p in tr.pairs if p.tgt and p.tgt.strip()}
    return out


def _english(tr: _Lookup, u: Unit | SourceRef) -> str | None:
    return tr.get(u.article_id, {}).get((u.paragraph, u.sentence))


def _select(prep: Prepared, cfg: MergeConfig) -> list[int]:
    """Step 5: cluster indices by support then centrality, taken with MMR."""
    clusters, units, cos = prep.clusters, prep.units, prep.cos
    rel = np.array(
        [(len(c.sources) - 1 + c.centrality) / max(1, prep.n_articles) for c in clusters]
    )
    rel = rel / rel.max() if rel.max() > 0 else rel
    reps = [c.rep for c in clusters]
    off = cos[~np.eye(len(units), dtype=bool)]
    base = float(np.median(off)) if off.size else 0.0
    # redundancy: the representatives' cosine above the median, rescaled to 0..1
    red = np.clip((cos[np.ix_(reps, reps)] - base) / max(1e-6, 1 - base), 0, 1)
    eligible = np.array([not units[c.rep].heading or len(c.sources) > 1 for c in clusters])
    chosen = mmr_select(rel, red, cfg.mmr_lambda, eligible, cfg.max_sentences)
    # step 6: in the order of the facts in their articles (ties: in selection order)
    rank_of = {ci: r for r, ci in enumerate(chosen)}
    return sorted(chosen, key=lambda ci: (clusters[ci].position, rank_of[ci]))


def _unit_text(prep: Prepared, tr: _Lookup, i: int) -> tuple[str, bool]:
    """The English translation of unit ``i`` if there is one (True), else its Hindi text."""
    en = _english(tr, prep.units[i])
    return (en, True) if en else (prep.units[i].text, False)


def _choose_on_english(prep: Prepared, tr: _Lookup, c: Cluster) -> None:
    """With translation on, the representative is chosen on the English side (the same
    rules, :mod:`.represent`) among the members that have a translation."""
    with_en = [i for i in c.members if _english(tr, prep.units[i])]
    if not with_en:
        return
    units = prep.units
    c.rep = choose(
        with_en,
        lambda i: (_english(tr, units[i]) or units[i].text, "en"),
        lambda i: units[i].heading,
        lambda i: units[i].split,
        lambda i: units[i].article in prep.clean_sources,
        prep.score,
        prep.cent,
    )


def _texts(prep: Prepared, tr: _Lookup, chosen: list[int], notes: list[str]) -> list[str]:
    """Step 7: the text of each chosen cluster (English when translations are there)."""
    want_english = bool(tr)
    texts: list[str] = []
    hindi_fallback = 0
    for ci in chosen:
        c = prep.clusters[ci]
        if want_english:
            _choose_on_english(prep, tr, c)
        text, is_en = _unit_text(prep, tr, c.rep)
        if want_english and not is_en:
            alt = next(
                (_unit_text(prep, tr, i) for i in c.members if _unit_text(prep, tr, i)[1]), None
            )
            if alt:
                text = alt[0]
            else:
                hindi_fallback += 1
        texts.append(text)
    if want_english and hindi_fallback:
        notes.append(
            f"{hindi_fallback} merged sentence(s) are quoted in Hindi: no translation of their source sentences."
        )
    return texts


def _fuse(
    prep: Prepared, tr: _Lookup, chosen: list[int], texts: list[str], fuse: Fuse, notes: list[str]
) -> list[str] | None:
    """Fused texts (one input per cluster: one sentence per article, the representative
    first), or None when fusion fails (the reason goes to the notes)."""
    inputs = []
    for ci in chosen:
        c = prep.clusters[ci]
        per_article: dict[str, int] = {}
        for i in [c.rep] + [i for i in c.members if i != c.rep]:
            per_article.setdefault(prep.units[i].article_id, i)
        inputs.append(" ".join(_unit_text(prep, tr, i)[0] for i in per_article.values()))
    try:
        got = fuse(inputs)
        fused: list[str] | None = (
            ([got] if len(inputs) == 1 else None) if isinstance(got, str) else got
        )
        if fused is None or len(fused) != len(inputs):
            raise ValueError("the fusion model returned a different number of texts")
        return [f.strip() or t for f, t in zip(fused, texts, strict=False)]
    except Exception as exc:  # noqa: BLE001 - fall back to the extractive text, say so
        notes.append(
            f"Abstractive fusion failed ({type(exc).__name__}: {exc}); extractive text used."
        )
        return None


def _ref(prep: Prepared, c: Cluster, i: int) -> SourceRef:
    u = prep.units[i]
    return SourceRef(
        u.article_id,
        u.paragraph,
        u.sentence,
        u.text,
        float(round(prep.cos[c.rep, i], 4)),
        representative=i == c.rep,
    )


def _conflicts(prep: Prepared, tr: _Lookup, chosen: set[int]) -> list[Conflict]:
    """Step 9: conflicts inside every cluster that two or more articles report."""
    conflicts: list[Conflict] = []
    for ci, c in enumerate(prep.clusters):
        if len(c.sources) < 2:
            continue
        members = []
        for i in c.members:
            ref = _ref(prep, c, i)
            members.append((ref.article_id, ref.text, ref))
            en = _english(tr, ref)
            if en:
                members.append((ref.article_id, en, ref))
        found = find_conflicts(members)
        if ci not in chosen:
            for f in found:
                f.description += " (in a fact not included in the summary)"
        conflicts.extend(found)
        c.conflicts = found
    return conflicts


def _attribute(prep: Prepared, tr: _Lookup, ci: int, text: str, lang: str) -> MergedSentence:
    """Step 8: one merged sentence with its sources, references and flags."""
    from summarize.faithfulness import check_summary

    c = prep.clusters[ci]
    units = prep.units
    order = sorted(
        c.members, key=lambda i: (units[i].article, units[i].paragraph, units[i].sentence)
    )
    refs = [_ref(prep, c, i) for i in order]
    sources_text = [r.text for r in refs] + [en for r in refs if (en := _english(tr, r))]
    flags = check_summary(text, sources_text, lang)
    for conf in c.conflicts:
        flags.append(
            Flag(
                kind=f"conflict-{conf.kind}",
                text=", ".join(conf.values.values()),
                detail=conf.description,
            )
        )
    return MergedSentence(
        text=text,
        sources=list(c.sources),
        support=round(len(c.sources) / max(1, prep.n_articles), 4),
        agreement=len(c.sources),
        refs=refs,
        unique=len(c.sources) == 1,
        flags=flags,
    )


def _notes(prep: Prepared, chosen: set[int], max_sentences: int, notes: list[str]) -> None:
    """The summary line (first) and what was not included (last)."""
    clusters, n_articles = prep.clusters, prep.n_articles
    multi = sum(1 for c in clusters if len(c.sources) > 1)
    dropped_multi = sum(
        1 for ci, c in enumerate(clusters) if len(c.sources) > 1 and ci not in chosen
    )
    dropped_single = sum(
        1 for ci, c in enumerate(clusters) if len(c.sources) == 1 and ci not in chosen
    )
    notes.insert(
        0,
        f"{len(prep.units)} sentences of {n_articles} article{'' if n_articles == 1 else 's'} grouped "
        f"into {len(clusters)} facts; {multi} reported by two or more sources.",
    )
    if dropped_multi:
        notes.append(
            f"Not included: {dropped_multi} fact(s) reported by two or more sources "
            f"(over the budget of {max_sentences} sentences, or redundant with an included one)."
        )
    if dropped_single:
        notes.append(f"Not included: {dropped_single} fact(s) reported by one source only.")


def merge_articles(
    articles: Sequence[CleanArticle],
    translations: Translations | None,
    embedder: Embedder,
    config: MergeConfig | None = None,
    fuse: Fuse | None = None,
) -> MergedSummary:
    """Merge ``articles`` into one attributed summary (see :mod:`summarize.merge`).

    ``translations``: article id -> :class:`TranslatedArticle` (or a list aligned with
    ``articles``; ``None`` entries for untranslated articles), or ``None`` when translation
    is off (the summary is then Hindi).  ``embedder``: anything with
    ``embed(texts, kind) -> (n, d)`` vectors.  ``config``: ``max_sentences``,
    ``similarity_threshold``, ``mmr_lambda`` (defaults: :class:`~summarize.config.MergeConfig`).
    ``fuse``: optional generator called once with one input per selected cluster (the
    cluster's sentences of different articles joined, most central first) returning one
    text per input -- e.g. an abstractive summariser's ``generate``.
    """
    cfg = config or MergeConfig()
    tr = _translation_lookup(articles, translations)
    prep = prepare(articles, embedder, cfg.similarity_threshold)
    notes = [f"Left out of the merge: {n} {what}." for what, n in prep.left_out.items()]
    # English when any article has a translation (a list of Nones means translation is off)
    lang = "en" if tr else (articles[0].lang if articles else "hi")
    method = "abstractive" if fuse is not None else "extractive"
    if not prep.units:
        notes.append("No sentence to merge.")
        return MergedSummary(lang=lang, method=method, sentences=[], conflicts=[], notes=notes)

    chosen = _select(prep, cfg)
    texts = _texts(prep, tr, chosen, notes)
    if fuse is not None and chosen:
        fused = _fuse(prep, tr, chosen, texts, fuse, notes)
        if fused is None:
            method = "extractive"
        else:
            texts = fused
    chosen_set = set(chosen)
    conflicts = _conflicts(prep, tr, chosen_set)
    sentences = [
        _attribute(prep, tr, ci, text, lang) for ci, text in zip(chosen, texts, strict=False)
    ]
    _notes(prep, chosen_set, cfg.max_sentences, notes)
    return MergedSummary(
        lang=lang, method=method, sentences=sentences, conflicts=conflicts, notes=notes
    )
