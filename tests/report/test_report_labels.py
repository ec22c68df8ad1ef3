"""Reports cite sources by short labels with a legend, explain "+" chips, give run notes their
own heading, and lay the articles out in one row (issue 14)."""

from __future__ import annotations

import re

from summarize.report import to_html, to_markdown
from summarize.types import (
    ArticleResult,
    CleanArticle,
    Conflict,
    MergedSentence,
    MergedSummary,
    RunResult,
    SourceRef,
)

LONG_TITLE = "एक बहुत लंबा शीर्षक जो हर विलय वाक्य पर दोहराया जाए तो पढ़ना कठिन हो जाता है"


def _result(n: int = 4) -> RunResult:
    articles = [
        ArticleResult(
            CleanArticle(
                f"a{i}", f"{i}.txt", f"{LONG_TITLE} {i}", None, None, [["पहला।", "दूसरा।"]]
            ),
            None,
            [],
        )
        for i in range(n)
    ]
    merged = MergedSummary(
        "hi",
        "extractive",
        [
            MergedSentence(
                "बैठक हुई।",
                ["a0", "a2"],
                0.9,
                2,
                refs=[
                    SourceRef("a0", 0, 0, "पहला।"),
                    SourceRef("a2", 0, 0, "पहला।"),
                    SourceRef("a0", 0, 1, "दूसरा।"),  # a second sentence of a0
                ],
            )
        ],
        conflicts=[Conflict("number", "two vs three", {"a0": "2", "a3": "3"})],
        notes=["8 sentences of 4 articles grouped into 5 facts"],
    )
    return RunResult(articles=articles, merged=merged, config={"name": "t"})


def test_markdown_cites_labels_with_a_legend_and_run_notes_heading() -> None:
    md = to_markdown(_result(), title="Event: बैठक")
    assert md.startswith("# Event: बैठक\n")
    for i in range(4):
        assert f"- **A{i + 1}** {LONG_TITLE} {i}" in md  # the legend, once per article
        assert md.count(f"{LONG_TITLE} {i}") == 2  # legend + the article's own heading
    assert "1. बैठक हुई। — A1, A3 (agree: 2" in md
    assert "(A1: 2; A4: 3)" in md
    conflicts, notes = md.index("### Conflicts"), md.index("### Run notes")
    assert conflicts < notes < md.index("8 sentences of 4 articles")
    assert "## A1 · " in md


def test_html_chips_are_coloured_labels_and_the_plus_chip_is_explained() -> None:
    html = to_html(_result())
    merged = html[html.index("<ol class='merged'>") : html.index("</ol>")]
    chips = re.findall(r"<a class='(chip[^']*)'[^>]*>([^<]+)</a>", merged)
    assert chips == [("chip c0", "A1"), ("chip c2", "A3"), ("chip more c0", "+A1")]
    assert LONG_TITLE not in merged.split("title=")[0]  # titles only in tooltips, not as text
    legend = html[html.index("<ul class='legend'>") : html.index("</ul>")]
    assert all(f">A{i + 1}</a> {LONG_TITLE} {i}" in legend for i in range(4))
    assert "<b>+A1</b> links to a further sentence of the same article" in html
    assert "<h3>Run notes</h3>" in html


def test_html_articles_stand_in_one_row() -> None:
    html = to_html(_result())
    css = html[html.index("<style>") : html.index("</style>")]
    rule = re.search(r"\.cols\{([^}]*)\}", css)
    assert rule and "grid-auto-flow:column" in rule.group(1) and "overflow-x:auto" in rule.group(1)
    assert "auto-fit" not in rule.group(1)  # auto-fit wraps four articles as 3 + 1
