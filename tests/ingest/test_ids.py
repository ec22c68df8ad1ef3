"""summarize.ingest.ids: the one unique-id rule (``id``, ``id~2``, ``id~3``...)."""

from __future__ import annotations

from summarize.ingest.ids import UniqueIds, content_id, with_unique_ids
from summarize.types import Article


def test_repeats_get_tilde_suffixes() -> None:
    ids = UniqueIds()
    assert [ids.take(i) for i in ["a", "b", "a", "a"]] == ["a", "b", "a~2", "a~3"]


def test_a_suffix_already_taken_is_skipped() -> None:
    ids = UniqueIds()
    assert [ids.take(i) for i in ["a", "a~2", "a", "a~2"]] == ["a", "a~2", "a~3", "a~2~2"]


def test_pre_taken_ids_are_not_handed_out() -> None:
    ids = UniqueIds(["pasted-1"])
    assert "pasted-1" in ids
    assert ids.take("pasted-1") == "pasted-1~2"
    assert ids.take("pasted-2") == "pasted-2"


def test_with_unique_ids_keeps_order_and_other_fields() -> None:
    arts = [
        Article(id="x", source="s1", raw_text="t1"),
        Article(id="x", source="s2", raw_text="t2"),
    ]
    out = with_unique_ids(arts)
    assert [(a.id, a.source) for a in out] == [("x", "s1"), ("x~2", "s2")]
    assert out[0] is arts[0]


def test_content_id_is_stable() -> None:
    assert content_id("नमस्ते") == content_id("नमस्ते")
    assert content_id("a").startswith("sha1-") and len(content_id("a")) == 17
