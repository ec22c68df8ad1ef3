"""The batch runner and `summarize run`: outputs, grouping, bad records, resume after a crash."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from summarize.cli.main import main
from summarize.runners.local import run_batch
from summarize.testing.fakes import fake_pipeline


def _records(seed_paths: list[Path], path: Path, bad_line: bool = True) -> Path:
    lines = []
    for i, p in enumerate(seed_paths):
        event = "kim-putin" if i < 3 else "second event"
        lines.append(
            json.dumps(
                {"id": f"r{i}", "text": p.read_text(encoding="utf-8"), "event": event},
                ensure_ascii=False,
            )
        )
    if bad_line:
        lines.insert(2, "{this is not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _stable(out: Path) -> dict[str, object]:
    """Everything a run wrote, minus timings (which differ between runs)."""
    files: dict[str, object] = {}
    for p in sorted(out.rglob("*")):
        if not p.is_file() or p.name.startswith("."):
            continue
        rel = str(p.relative_to(out))
        if p.suffix == ".parquet":
            from datasets import Dataset

            files[rel] = Dataset.from_parquet(str(p)).to_list()
        elif rel.endswith("result.json"):
            data = json.loads(p.read_text(encoding="utf-8"))
            data.pop("timings")
            files[rel] = data
        elif rel == "manifest.json":
            files[rel] = json.loads(p.read_text(encoding="utf-8"))
        elif p.suffix in (".md", ".html"):
            text = p.read_text(encoding="utf-8")
            files[rel] = text.split("Timings")[0].split("Models and timings")[0]
        else:
            files[rel] = p.read_text(encoding="utf-8")
    for entry in files.get("manifest.json", {}).get("events", []):  # type: ignore[union-attr]
        entry.pop("status", None)
    return files


def test_batch_outputs_on_seeds(seed_paths: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch(
        seed_paths, config={}, out_dir=out, pipeline=fake_pipeline(cache_dir=tmp_path / "c")
    )
    # one event without --group-by, named after the words its titles share (not "all")
    assert result.exit_code == 0 and [e.name for e in result.events] == ["पुतिन कोरिया किम जोंग"]
    slug = result.events[0].slug
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] and manifest["n_articles"] == 4 and manifest["n_errors"] == 0
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert [r["article_id"] for r in rows] == [p.stem for p in seed_paths]
    assert all(r["summary_cross_lingual"] and r["summary_extractive"] for r in rows)
    from datasets import Dataset

    assert Dataset.from_parquet(str(out / "articles.parquet")).num_rows == 4
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert events[0]["event"] == result.events[0].name and events[0]["merged"]["sentences"]
    for name in ("result.json", "summary.md", "report.html", ".done"):
        assert (out / "events" / slug / name).is_file()
    assert (out / "errors.jsonl").read_text() == ""
    assert not list(out.rglob("*.tmp"))


def test_group_by_and_bad_record(seed_paths: list[Path], tmp_path: Path) -> None:
    records = _records(seed_paths, tmp_path / "in.jsonl")
    out = tmp_path / "out"
    result = run_batch(
        [records],
        config={},
        out_dir=out,
        group_by="event",
        strategies=["extractive", "cross-lingual"],
        pipeline=fake_pipeline(cache_dir=tmp_path / "c"),
    )
    assert [e.name for e in result.events] == ["kim-putin", "second event"]
    assert [len(e.article_ids) for e in result.events] == [3, 1]
    assert result.exit_code == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and "in.jsonl" in errors[0]["source"] and "3" in errors[0]["where"]
    rows = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert [r["event"] for r in rows] == ["kim-putin"] * 3 + ["second event"]
    assert rows[0]["summary_translate_then_summarize"] is None


def test_resume_after_crash_matches_uninterrupted_run(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    records = _records(seed_paths, tmp_path / "in.jsonl", bad_line=False)
    clean_out = tmp_path / "clean"
    run_batch(
        [records],
        config={},
        out_dir=clean_out,
        group_by="event",
        pipeline=fake_pipeline(cache_dir=tmp_path / "c1"),
    )

    out = tmp_path / "crashed"
    crashing = fake_pipeline(cache_dir=tmp_path / "c2")
    calls = {"n": 0}
    real = crashing._engines["summarization.cross_lingual"].generate

    def crash_on_second_event(texts, **kw):
        calls["n"] += 1
        if calls["n"] == 2:  # the first call is event 1; die in the middle of event 2
            raise KeyboardInterrupt
        return real(texts, **kw)

    crashing._engines["summarization.cross_lingual"].generate = crash_on_second_event
    with pytest.raises(KeyboardInterrupt):
        run_batch([records], config={}, out_dir=out, group_by="event", pipeline=crashing)
    manifest = json.loads((out / "manifest.json").read_text())
    assert not manifest["complete"] and len(manifest["events"]) == 1
    assert not (out / "articles.jsonl").exists()

    resumed_pipe = fake_pipeline(cache_dir=tmp_path / "c2")
    result = run_batch([records], config={}, out_dir=out, group_by="event", pipeline=resumed_pipe)
    assert [e.status for e in result.events] == ["resumed", "done"]
    assert resumed_pipe._translator.calls == 0  # event 2's translation survived in the cache
    assert _stable(out) == _stable(clean_out)
    rows = (out / "articles.jsonl").read_text().splitlines()
    assert len(rows) == 4 and len(set(rows)) == 4  # nothing lost or duplicated


def test_cli_offline_config_end_to_end(seeds_dir: Path, tmp_path: Path, repo_root: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "run",
            str(seeds_dir),
            "--config",
            str(repo_root / "configs" / "offline.yaml"),
            "--out",
            str(tmp_path / "out"),
            "--cache-dir",
            str(tmp_path / "c"),
        ],
        out,
        err,
    )
    assert code == 0, err.getvalue()
    assert "translation is off" in err.getvalue().lower()
    (event_dir,) = (tmp_path / "out" / "events").iterdir()
    result = json.loads((event_dir / "result.json").read_text())
    assert any("translation is off" in n.lower() for n in result["notices"])
    assert len(result["articles"]) == 4
    for ar in result["articles"]:
        (summary,) = ar["summaries"]
        assert summary["strategy"] == "extractive" and summary["lang"] == "hi"
        body = {s for p in ar["article"]["paragraphs"] for s in p}
        assert summary["sentences"] and set(summary["sentences"]) <= body
    merged = result["merged"]
    assert merged["lang"] == "hi" and merged["sentences"]
    flagged = {r["text"] for ar in result["articles"] for r in ar["article"]["flagged"]}
    ids = {ar["article"]["id"] for ar in result["articles"]}
    for s in merged["sentences"]:
        assert s["sources"] and set(s["sources"]) <= ids  # every merged sentence cites a source
        assert s["refs"]
        assert not any(s["text"] in f or f in s["text"] for f in flagged)
    assert max(s["agreement"] for s in merged["sentences"]) >= 3
    # the two-missile launch is reported by three seeds: one merged sentence, three sources
    missiles = [s for s in merged["sentences"] if "मिसाइल" in s["text"]]
    assert missiles and max(s["agreement"] for s in missiles) >= 3
    html = (event_dir / "report.html").read_text()
    assert "Translation is off" in html
    # a second run is served from the done-marker
    out2 = io.StringIO()
    assert (
        main(
            [
                "run",
                str(seeds_dir),
                "--config",
                str(repo_root / "configs" / "offline.yaml"),
                "--out",
                str(tmp_path / "out"),
                "--cache-dir",
                str(tmp_path / "c"),
            ],
            out2,
            io.StringIO(),
        )
        == 0
    )
    assert "already done" in out2.getvalue()


def test_cli_unavailable_model_fails_cleanly(seeds_dir: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "run",
            str(seeds_dir),
            "--config",
            "default",
            "--out",
            str(tmp_path / "out"),
            "--cache-dir",
            str(tmp_path / "c"),
        ],
        out,
        err,
    )
    assert code == 1
    message = err.getvalue()
    assert "not available" in message and "translation.engine" in message
    assert "Traceback" not in message
    assert not (tmp_path / "out").exists()  # nothing written before the models are known to load


def test_html_escapes_script_article(tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "<script>alert(1)</script> शीर्षक\n\nप्योंगयांग में <script>alert(2)</script> बैठक हुई। "
        "बैठक दो घंटे चली। दोनों नेताओं ने <img src=x onerror=alert(3)> बात की।\n",
        encoding="utf-8",
    )
    run_batch(
        [evil],
        config={},
        out_dir=tmp_path / "out",
        strategies=["extractive"],
        pipeline=fake_pipeline(cache_dir=tmp_path / "c"),
    )
    (event_dir,) = (tmp_path / "out" / "events").iterdir()
    html = (event_dir / "report.html").read_text()
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;" in html
