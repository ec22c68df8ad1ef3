"""Coverage across sources for one event: merged facts x sources, blindspots, timeline.

What Ground News shows for a story, from our own attribution: for every merged sentence
(a fact) and every article of the event (a source), whether the source

* ``reported`` it: the article is among the sentence's supporting sources;
* is ``conflicting``: the article takes part in a conflict (:mod:`.conflicts`) found among
  the sentence's members (their refs overlap), its value recorded in ``values``; a source
  in a conflict reported the fact too, but says something else about it, which is what a
  reader needs to see first;
* ``not-reported`` it otherwise.

Blindspots are the facts one source alone reports (``agreement == 1``).  The timeline lists
the event's articles by publication time (:attr:`CleanArticle.date`, ISO 8601; undated ones
last, by id).  Everything is derived from the merged summary the pipeline already built, so
the table says no more than the attribution does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from summarize.lang.dates import iso_datetime
from summarize.types import (
    Blindspot,
    CleanArticle,
    Conflict,
    Coverage,
    CoverageRow,
    MergedSentence,
    MergedSummary,
    TimelineEntry,
)

__all__ = ["REPORTED", "NOT_REPORTED", "CONFLICTING", "CELL_STATES", "coverage_table"]

REPORTED = "reported"
NOT_REPORTED = "not-reported"
CONFLICTING = "conflicting"
CELL_STATES = (REPORTED, CONFLICTING, NOT_REPORTED)


def _conflicts_of(sentence: MergedSentence, conflicts: Sequence[Conflict]) -> list[Conflict]:
    """The conflicts found among this sentence's members (a shared reference)."""
    mine = {(r.article_id, r.paragraph, r.sentence) for r in sentence.refs}
    return [
        c for c in conflicts if any((r.article_id, r.paragraph, r.sentence) in mine for r in c.refs)
    ]


def _row(
    index: int, s: MergedSentence, sources: list[str], conflicts: list[Conflict]
) -> CoverageRow:
    values: dict[str, str] = {}
    for c in _conflicts_of(s, conflicts):
        for aid, value in c.values.items():
            values[aid] = f"{values[aid]}; {value}" if aid in values else value
    cells = {}
    for aid in sources:
        if aid in values:
            cells[aid] = CONFLICTING
        elif aid in s.sources:
            cells[aid] = REPORTED
        else:
            cells[aid] = NOT_REPORTED
    return CoverageRow(index, s.text, cells, {a: v for a, v in values.items() if a in cells})


def timeline(articles: Sequence[CleanArticle]) -> list[TimelineEntry]:
    far = datetime.max.replace(tzinfo=timezone.utc)
    ordered = sorted(articles, key=lambda a: (iso_datetime(a.date) or far, a.id))
    return [TimelineEntry(a.id, a.title, a.date) for a in ordered]


def coverage_table(merged: MergedSummary, articles: Sequence[CleanArticle]) -> Coverage:
    """The coverage of ``merged`` over ``articles`` (the event's cleaned articles, in order)."""
    sources = [a.id for a in articles]
    rows = [_row(i, s, sources, merged.conflicts) for i, s in enumerate(merged.sentences)]
    blind = [
        Blindspot(i, s.sources[0])
        for i, s in enumerate(merged.sentences)
        if len(set(s.sources)) == 1
    ]
    return Coverage(sources, rows, blind, timeline(articles))
