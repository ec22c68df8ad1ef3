"""``summarize run FEED --group-by auto``: events found in a feed, written with memberships."""

from __future__ import annotations

import io
import json
from pathlib import Path

from summarize.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
# three stories of the mixture: RBI Oct 2023 (3 articles, hi+en), the Buxar derailment (4),
# the UP budget (1); 8 articles
KEEP = ("rbi-policy-2023-10", "buxar-derailment-2023-10", "up-budget-2024-02")


def _feed(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    gold = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["articles"]
    lines = [
        line
        for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if gold[json.loads(line)["id"]] in KEEP
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")  # not in date order
    return feed, {k: v for k, v in gold.items() if v in KEEP}


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


def test_run_group_by_auto(tmp_path: Path) -> None:
    feed, gold = _feed(tmp_path)
    out = tmp_path / "out"
    argv = ["run", str(feed), "--config", "offline", "--group-by", "auto", "--out", str(out)]
    argv += ["--no-cache", "--quiet"]
    code, stdout, err = _run(argv)
    assert code == 0, err
    rows = [json.loads(x) for x in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert row["event"].startswith("ev-2023") or row["event"].startswith("ev-2024")
        assert len({gold[a] for a in row["article_ids"]}) == 1  # one story per event
        members = row["members"]
        assert [m["article_id"] for m in members] == row["article_ids"]
        assert members[0]["founded"] and all(m["score"] > 0 for m in members[1:])
        result = json.loads((out / "events" / row["event"] / "result.json").read_text("utf-8"))
        cov = result["merged"]["coverage"]
        assert cov["sources"] == row["article_ids"]
        assert len(cov["rows"]) == len(result["merged"]["sentences"])
    assert sorted(len(r["article_ids"]) for r in rows) == [1, 3, 4]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["group_by"] == "auto" and manifest["complete"]
    code, stdout, _ = _run(argv)  # a rerun finds the same events done
    assert code == 0 and "3 event(s) already done" in stdout


def test_usage_errors(tmp_path: Path) -> None:
    feed, _ = _feed(tmp_path)
    base = ["run", str(feed), "--config", "offline", "--out", str(tmp_path / "o")]
    code, _, err = _run([*base, "--group-by", "auto", "--window-days", "-1"])
    assert code == 2 and "cannot be negative" in err
    code, _, err = _run([*base, "--address", "127.0.0.1:6379"])
    assert code == 2 and "--address needs --executor ray" in err
    assert not (tmp_path / "o").exists()
