"""serialize: the one JSON writer/loader of the dataclasses, and the named flat views."""

from __future__ import annotations

import json

from test_report import _result

from summarize.serialize import (
    article_row,
    canonical_json,
    clean_view,
    error_row,
    event_row,
    from_jsonable,
    to_jsonable,
    translation_view,
)
from summarize.types import RunResult, SkippedInput


def test_roundtrip_keeps_types() -> None:
    r = _result()
    data = to_jsonable(r)
    assert json.loads(json.dumps(data)) == data  # plain JSON values only
    back = from_jsonable(RunResult, data)
    assert back == r and back.articles[0].summaries[0].used_input == [(0, 0), (1, 0)]
    assert canonical_json({"b": 1, "a": (1, 2)}) == '{"a":[1,2],"b":1}'


def test_views_have_their_documented_shapes() -> None:
    r = _result()
    art = r.articles[0]
    view = clean_view(art.article)
    assert list(view) == [
        "id",
        "source",
        "title",
        "date",
        "paragraphs",
        "removed",
        "flagged",
        "lang",
    ]
    assert view["removed"] == [{"text": art.article.removed[0].text, "reason": "ticker"}]
    tv = translation_view(art.translation, checked=True)  # type: ignore[arg-type]
    assert list(tv["number_check"]) == ["sentences", "sentences_with_missing", "missing", "checked"]
    assert tv["number_check"]["missing"] == [{"paragraph": 0, "sentence": 1, "numbers": ["5"]}]
    row = article_row("ev", art)
    assert row["event"] == "ev" and row["article_id"] == "a1"
    assert json.loads(row["missing_numbers"]) == tv["number_check"]["missing"]
    assert (
        row["summary_cross_lingual"] == art.summaries[0].text and row["summary_extractive"] is None
    )
    ev = event_row("ev", r)
    assert ev["article_ids"] == ["a1", "a2 & <b>"] and ev["merged"]["sentences"]
    assert error_row(SkippedInput("f.jsonl", "line 3", "bad")) == {
        "source": "f.jsonl",
        "where": "line 3",
        "message": "bad",
    }
