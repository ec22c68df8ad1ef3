"""The unseen-layout evaluation sets are well formed (schema of tests/data/unseen/README.md).

A gold file that drifts from its page would make the figures of
``benchmarks/cleaning_unseen.py`` wrong without anyone noticing: every non-blank line has one
entry and no blank line has one, each entry's text is its line's first 80 characters, there is
one title line and it is the ``title``, and inline spans sit at the start of a body line.
This reads only the schema, never the cleaner's output (the held-apart halves stay unread).
"""

from __future__ import annotations

import json

import pytest

from benchmarks.cleaning_unseen import HALVES, HELD_APART, half_folder, main

LABELS = {
    "body", "title", "ticker", "metadata", "caption", "related-link", "navigation",
    "author-bio", "duplicate", "off-topic", "tracking", "section-label", "artefact",
}  # fmt: skip


@pytest.mark.parametrize("half", HALVES)
def test_every_gold_file_matches_its_page(half: str) -> None:
    golds = sorted(half_folder(half).glob("*.json"))
    assert len(golds) >= 15
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        lines = (path.parent / gold["file"]).read_text(encoding="utf-8").split("\n")
        entries = {e["line"]: e for e in gold["lines"]}
        assert len(entries) == len(gold["lines"]), path.name
        assert set(entries) == {k for k, ln in enumerate(lines) if ln.strip()}, path.name
        for k, e in entries.items():
            assert e["text"] == lines[k][:80], (path.name, k)
            assert e["label"] in LABELS, (path.name, k)
        titles = [e for e in gold["lines"] if e["label"] == "title"]
        assert len(titles) == 1 and lines[titles[0]["line"]] == gold["title"], path.name
        for span in gold["inline"]:
            assert entries[span["line"]]["label"] == "body", path.name
            assert lines[span["line"]].startswith(span["text"]), path.name


@pytest.mark.parametrize("half", HELD_APART)
def test_per_line_failures_of_a_held_apart_half_are_refused(half: str) -> None:
    with pytest.raises(SystemExit):
        main(["--lines", half])
