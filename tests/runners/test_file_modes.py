"""Atomic writes end with the mode a plain open() gives under the umask, not mkstemp's 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.cache import Cache, atomic_write_text, plain_file_mode
from summarize.runners.local import run_batch
from summarize.testing.fakes import fake_pipeline


@pytest.fixture(params=[0o022, 0o027, 0o077], ids=["022", "027", "077"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _plain_mode(tmp_path: Path) -> int:
    """What an ordinary open() gives here and now: the reference, not a formula."""
    ref = tmp_path / "plain-reference"
    with open(ref, "w", encoding="utf-8") as fh:
        fh.write("x")
    mode = _mode(ref)
    ref.unlink()
    return mode


def test_plain_file_mode_is_what_open_gives(tmp_path: Path, umask: int) -> None:
    assert plain_file_mode() == _plain_mode(tmp_path) == 0o666 & ~umask


def test_atomic_write_and_cache_entries(tmp_path: Path, umask: int) -> None:
    expected = _plain_mode(tmp_path)
    atomic_write_text(tmp_path / "a.txt", "hello")
    assert _mode(tmp_path / "a.txt") == expected
    cache = Cache(tmp_path / "cache")
    cache.put("clean", "ab" * 32, {"x": 1})
    (entry,) = [p for p in (tmp_path / "cache").rglob("*.json")]
    assert _mode(entry) == expected


def test_every_file_of_a_batch_run(seed_paths: list[Path], tmp_path: Path, umask: int) -> None:
    expected = _plain_mode(tmp_path)
    out = tmp_path / "out"
    run_batch(seed_paths, config={}, out_dir=out, pipeline=fake_pipeline(cache_dir=tmp_path / "c"))
    files = [p for p in out.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".jsonl", ".parquet", ".json", ".md", ".html"}
    wrong = {str(p.relative_to(out)): oct(_mode(p)) for p in files if _mode(p) != expected}
    assert not wrong, f"expected {oct(expected)}: {wrong}"
