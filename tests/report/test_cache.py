"""The content-addressed stage cache: keys, roundtrips, atomic writes, bypass."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarize.cache import Cache, atomic_write_text, code_fingerprint, content_hash
from summarize.config import CleanConfig
from summarize.types import CleanArticle, Removed


def _article() -> CleanArticle:
    return CleanArticle(
        "a1",
        "seeds/x.txt",
        "शीर्षक",
        "2023-09-13",
        None,
        [["पहला वाक्य।", "दूसरा।"], ["तीसरा।"]],
        removed=[Removed("facebookmetapixel", "tracking", 0)],
    )


def test_key_depends_on_every_part() -> None:
    base = Cache.key("clean", "m", {"a": 1}, {"text": "x"})
    assert base == Cache.key("clean", "m", {"a": 1}, {"text": "x"})
    assert (
        len(
            {
                base,
                Cache.key("translate", "m", {"a": 1}, {"text": "x"}),
                Cache.key("clean", "m2", {"a": 1}, {"text": "x"}),
                Cache.key("clean", "m", {"a": 2}, {"text": "x"}),
                Cache.key("clean", "m", {"a": 1}, {"text": "y"}),
            }
        )
        == 5
    )
    # pydantic settings and dataclasses hash by content, key order does not matter
    assert content_hash(CleanConfig()) == content_hash(CleanConfig())
    assert content_hash({"a": 1, "b": 2}) == content_hash({"b": 2, "a": 1})
    assert content_hash(_article()) == content_hash(_article())


def test_roundtrip_typed(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = Cache.key("clean", None, {}, "x")
    assert cache.get("clean", key, CleanArticle) is None
    cache.put("clean", key, _article())
    got = cache.get("clean", key, CleanArticle)
    assert got == _article()
    assert cache.hits == 1 and cache.misses == 1


def test_disabled_cache_never_reads_or_writes(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c", enabled=False)
    cache.put("clean", "k" * 64, _article())
    assert cache.get("clean", "k" * 64, CleanArticle) is None
    assert not (tmp_path / "c").exists()


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = "ab" + "0" * 62
    cache.put("clean", key, _article())
    path = tmp_path / "clean" / "ab" / f"{key}.json"
    path.write_text("{ half a file", encoding="utf-8")
    assert cache.get("clean", key, CleanArticle) is None
    path.write_text('{"unexpected": true}', encoding="utf-8")
    assert cache.get("clean", key, CleanArticle) is None


def test_atomic_write_leaves_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    atomic_write_text(target, "old")

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_code_fingerprint_changes_with_module() -> None:
    assert code_fingerprint("summarize.cache") == code_fingerprint("summarize.cache")
    assert code_fingerprint("summarize.cache") != code_fingerprint("summarize.report")
