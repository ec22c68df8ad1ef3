"""summarize.group: events from a record field, in order of first appearance."""

from __future__ import annotations

from summarize.group import ALL_INPUTS_EVENT, event_of, group_articles, no_field_event
from summarize.types import Article


def _art(aid: str, **meta: object) -> Article:
    return Article(id=aid, source=f"{aid}.txt", raw_text="x", title=f"T{aid}", meta=dict(meta))


def test_without_a_field_all_inputs_are_one_event() -> None:
    arts = [_art("a"), _art("b")]
    assert group_articles(arts, None) == {ALL_INPUTS_EVENT: arts}


def test_groups_by_meta_field_in_first_appearance_order() -> None:
    a, b, c, d = _art("a", event="y"), _art("b", event=" x "), _art("c", event="y"), _art("d")
    groups = group_articles([a, b, c, d], "event")
    assert list(groups) == ["y", "x", no_field_event("event")]
    assert groups["y"] == [a, c] and groups["(no event)"] == [d]


def test_article_attributes_can_name_the_event() -> None:
    assert event_of(_art("a"), "title") == "Ta"
    assert event_of(_art("a", event=""), "event") is None
