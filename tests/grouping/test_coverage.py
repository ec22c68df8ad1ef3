"""Coverage per event (summarize.merge.coverage) and its table in the reports and the app."""

from __future__ import annotations

from summarize.app.render import render_merged
from summarize.merge.coverage import CONFLICTING, NOT_REPORTED, REPORTED, coverage_table
from summarize.report import to_html, to_markdown
from summarize.report.json import from_json, to_json
from summarize.types import (
    ArticleResult,
    CleanArticle,
    Conflict,
    MergedSentence,
    MergedSummary,
    RunResult,
    SourceRef,
)


def _article(aid: str, date: str | None) -> CleanArticle:
    return CleanArticle(aid, aid, f"title {aid}", date, None, [["s0.", "s1."]])


def _result() -> RunResult:
    arts = [
        _article("a", "2024-01-02T10:00:00+05:30"),
        _article("b", None),
        _article("c", "2024-01-01"),
    ]
    s0 = MergedSentence(
        "<script>x</script> 5 dead",
        ["a", "b"],
        0.9,
        2,
        refs=[SourceRef("a", 0, 0, "5 dead"), SourceRef("b", 0, 0, "7 dead")],
    )
    s1 = MergedSentence(
        "only c says this", ["c"], 0.5, 1, refs=[SourceRef("c", 0, 1, "x")], unique=True
    )
    conflict = Conflict(
        "number",
        "deaths differ",
        {"a": "5 dead", "b": "7 dead"},
        refs=[SourceRef("b", 0, 0, "7 dead")],
    )
    merged = MergedSummary("hi", "extractive", [s0, s1], conflicts=[conflict])
    merged.coverage = coverage_table(merged, arts)
    return RunResult(articles=[ArticleResult(a) for a in arts], merged=merged)


def test_cells_blindspots_and_timeline() -> None:
    cov = _result().merged.coverage  # type: ignore[union-attr]
    assert cov is not None
    assert cov.sources == ["a", "b", "c"]
    first, second = cov.rows
    assert first.cells == {"a": CONFLICTING, "b": CONFLICTING, "c": NOT_REPORTED}
    assert first.values == {"a": "5 dead", "b": "7 dead"}
    assert second.cells == {"a": NOT_REPORTED, "b": NOT_REPORTED, "c": REPORTED}
    assert [(b.sentence, b.article_id) for b in cov.blindspots] == [(1, "c")]
    assert [t.article_id for t in cov.timeline] == ["c", "a", "b"]  # by time, undated last


def test_a_conflict_elsewhere_does_not_mark_a_fact() -> None:
    r = _result()
    assert r.merged is not None
    r.merged.conflicts[0].refs = [SourceRef("c", 0, 1, "x")]  # now among fact 2's members
    cov = coverage_table(r.merged, [a.article for a in r.articles])
    assert cov.rows[0].cells["a"] == REPORTED
    assert cov.rows[1].cells["a"] == CONFLICTING


def test_coverage_round_trips_through_result_json() -> None:
    r = _result()
    back = from_json(to_json(r))
    assert back.merged is not None and back.merged.coverage == r.merged.coverage  # type: ignore[union-attr]


def test_reports_and_app_show_the_table_escaped() -> None:
    r = _result()
    md = to_markdown(r)
    assert "### Coverage" in md and "| fact | A1 | A2 | A3 |" in md
    assert "≠ 5 dead" in md and "fact 2: only A3" in md
    html = to_html(r)
    assert "<table class='cov'>" in html and "<script>x" not in html
    assert "chip c2'>✓" in html  # a reported cell in its source's chip colour
    app = render_merged(r)
    assert "sm-cov" in app and "sm-chip sm-c2'>✓" in app and "<script>x" not in app
