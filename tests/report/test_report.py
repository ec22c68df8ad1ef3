"""Reports: JSON roundtrip and schema version, Markdown, self-contained escaped HTML."""

from __future__ import annotations

import json

import pytest

from summarize.errors import SummarizeError
from summarize.report import from_json, sentence_anchor, to_html, to_json, to_markdown
from summarize.types import (
    ArticleResult,
    ArticleSummary,
    CleanArticle,
    Conflict,
    Flag,
    MergedSentence,
    MergedSummary,
    Removed,
    RunResult,
    SentencePair,
    SourceRef,
    TranslatedArticle,
)

EVIL = "<script>alert('x')</script>"


def _result() -> RunResult:
    a1 = CleanArticle(
        "a1",
        "one.txt",
        f"Title {EVIL}",
        "2023-09-13",
        "https://example.org/?a=1&b=<2>",
        [["बैठक दो घंटे चली।", f"उसने कहा {EVIL}"], ["तीसरा वाक्य।"]],
        removed=[Removed(f"ticker {EVIL}", "ticker", 0)],
        flagged=[Removed("maybe off-topic", "off-topic", 4)],
    )
    a2 = CleanArticle("a2 & <b>", "two.txt", None, None, None, [["बैठक दो घंटे से अधिक चली।"]])
    tr = TranslatedArticle(
        "a1",
        "m-mt",
        "hf-seq2seq",
        "hin_Deva",
        "eng_Latn",
        [
            SentencePair(0, 0, "बैठक दो घंटे चली।", "The meeting lasted two hours."),
            SentencePair(0, 1, f"उसने कहा {EVIL}", f"He said {EVIL}", missing_numbers=["5"]),
            SentencePair(1, 0, "तीसरा वाक्य।", "Third sentence."),
        ],
    )
    s1 = ArticleSummary(
        "a1",
        "cross-lingual",
        "en",
        f"Summary {EVIL} 7 hours.",
        "crosssum",
        used_input=[(0, 0), (1, 0)],
        omitted_note="saw 2 of 3",
        sentences=[f"Summary {EVIL} 7 hours."],
        flags=[Flag("unsupported-number", "7", 0, "in no source")],
    )
    merged = MergedSummary(
        "en",
        "extractive",
        [
            MergedSentence(
                f"The meeting lasted two hours {EVIL}.",
                ["a1", "a2 & <b>"],
                0.9,
                2,
                refs=[
                    SourceRef("a1", 0, 0, "बैठक दो घंटे चली।", 0.95),
                    SourceRef("a2 & <b>", 0, 0, "बैठक", 0.9),
                ],
            ),
            MergedSentence(
                "Only one says this.",
                ["a1"],
                0.3,
                1,
                refs=[SourceRef("a1", 1, 0, "तीसरा")],
                unique=True,
            ),
        ],
        conflicts=[
            Conflict(
                "number",
                f"duration {EVIL}",
                {"a1": "2 hours", "a2 & <b>": "more than 2 hours"},
                refs=[SourceRef("a1", 0, 0, "x")],
            )
        ],
        notes=["note"],
    )
    return RunResult(
        articles=[ArticleResult(a1, tr, [s1]), ArticleResult(a2, None, [])],
        merged=merged,
        config={"name": "test"},
        models={"translation.engine": "m-mt"},
        timings={"clean": 0.1},
        notices=["Translation is off."],
    )


def test_json_roundtrip() -> None:
    r = _result()
    text = to_json(r)
    data = json.loads(text)
    assert data["schema_version"] == r.schema_version
    back = from_json(text)
    assert back == r
    assert back.articles[0].summaries[0].used_input == [(0, 0), (1, 0)]
    assert to_json(back) == text


def test_json_refuses_other_major_version() -> None:
    data = json.loads(to_json(_result()))
    data["schema_version"] = "99.0"
    with pytest.raises(SummarizeError, match="schema version 99.0"):
        from_json(json.dumps(data))
    with pytest.raises(SummarizeError):
        from_json("not json")


def test_html_escapes_everything_and_links_sources() -> None:
    page = to_html(_result(), title=f"Event {EVIL}")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert "a2 &amp; &lt;b&gt;" in page
    # chips link to the anchors of the source sentences, which exist
    anchor = sentence_anchor("a1", 0, 0)
    assert f"href='#{anchor}'" in page and f"id='{anchor}'" in page
    anchor2 = sentence_anchor("a2 & <b>", 0, 0)
    assert f"href='#{anchor2}'" in page and f"id='{anchor2}'" in page
    # removed text with reasons, flags, conflicts, notices, missing numbers
    assert "ticker" in page and "off-topic" in page
    assert "unsupported-number" in page
    assert "more than 2 hours" in page
    assert "Translation is off." in page
    assert "numbers not in the translation" in page
    # self-contained: no external resources
    assert "http://" not in page.replace("https://example.org", "")
    assert "<link" not in page and "src=" not in page


def test_markdown_has_every_part() -> None:
    md = to_markdown(_result())
    assert "## Merged summary" in md and "agree: 2" in md
    assert "one source only" in md
    assert "### Conflicts" in md
    assert "Cross-lingual" in md and "saw 2 of 3" in md
    assert "&lt;script&gt;" in md and "<script>" not in md
    assert "### Removed" in md and "*ticker*" in md


def test_labels_and_titles_come_from_one_place() -> None:
    """Strategy labels are the registry's; an untitled article is named by its id in reports
    and by its opening sentence in the app."""
    from summarize.report.common import article_title
    from summarize.strategies.registry import strategy_label

    r = _result()
    r.articles[0].summaries[0].strategy = "translate-then-summarize"
    label = strategy_label("translate-then-summarize")
    assert label == "Translate → summarize"
    assert f"### {label} (en" in to_markdown(r)
    assert f"<h3>{label} <span" in to_html(r)
    untitled = r.articles[1].article
    assert article_title(untitled) == "a2 & <b>"
    assert article_title(untitled, preview=True) == "बैठक दो घंटे से अधिक चली।"
    long = CleanArticle("x", "x.txt", None, None, None, [["क" * 100]])
    assert article_title(long, preview=True) == "क" * 77 + "…"
