"""The CLI's messages and flags a new user meets first (issue 14): missing inputs, record
fields, usage lines, the strategy message, no foreign progress bars."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from summarize.cli.main import main

HINDI = "दिल्ली में सोमवार को भारी बारिश हुई। कई इलाकों में पानी भर गया। यातायात बाधित रहा।"


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "news.csv"
    path.write_text(
        f'story,headline,published,body\nn1,भारी बारिश,2024-07-01,"{HINDI}"\n', encoding="utf-8"
    )
    return path


def test_a_missing_directory_is_named_a_directory_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out"
    code, _, err = _run(
        ["run", f"{tmp_path / 'nosuch'}/", "--config", "offline", "--out", str(target)]
    )
    assert code == 2
    assert "(directory): no such directory" in err
    assert "(file)" not in err
    assert not target.exists()


def test_a_missing_file_stops_the_run_before_the_output_dir_exists(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    target = tmp_path / "out"
    missing = tmp_path / "typo.jsonl"
    code, _, err = _run(
        ["run", str(seed_paths[0]), str(missing), "--config", "offline", "--out", str(target)]
    )
    assert code == 2
    assert f"{missing} (path): no such file or directory" in err
    assert not target.exists()


def test_run_names_the_flag_when_the_text_column_has_another_name(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, _, err = _run(
        ["run", str(_csv(tmp_path)), "--config", "offline", "--out", str(out_dir), "--quiet"]
    )
    assert code == 1
    assert "no 'text' field (fields: story, headline, published, body)" in err
    assert "--text-field FIELD" in err


def test_run_reads_renamed_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    argv = ["run", str(_csv(tmp_path)), "--config", "offline", "--out", str(out_dir)]
    argv += ["--text-field", "body", "--title-field", "headline", "--id-field", "story"]
    argv += ["--date-field", "published", "--format", "jsonl"]
    code, _, err = _run(argv)
    assert code == 0, err
    (row,) = [json.loads(x) for x in (out_dir / "articles.jsonl").read_text().splitlines()]
    assert row["article_id"] == "n1"
    assert row["title"] == "भारी बारिश"
    assert row["date"] == "2024-07-01"
    # datasets' own "Generating train split" bar is not shown (ours, or none off a terminal)
    assert "Generating" not in capsys.readouterr().err + err


def test_clean_takes_the_same_field_flags(tmp_path: Path) -> None:
    code, out, _ = _run(
        ["clean", str(_csv(tmp_path)), "--text-field", "body", "--title-field", "headline"]
    )
    assert code == 0
    (article,) = json.loads(out)["articles"]
    assert article["title"] == "भारी बारिश" and article["id"] != "n1"


def test_usage_errors_show_the_subcommands_usage(seed_paths: list[Path]) -> None:
    code, _, err = _run(["run", str(seed_paths[0])])
    assert code == 2
    assert err.startswith("usage: summarize run ")
    assert "--out" in err.splitlines()[-1]
    code, _, err = _run(["clean", "--format", "xml", str(seed_paths[0])])
    assert code == 2 and err.startswith("usage: summarize clean ")


def test_a_strategy_without_its_model_is_said_in_words(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    argv = ["run", str(seed_paths[0]), "--config", "offline", "--strategy", "cross-lingual"]
    code, _, err = _run(argv + ["--out", str(tmp_path / "o")])
    assert code == 2
    assert "(top level)" not in err
    assert "strategy 'cross-lingual' needs a cross-lingual summariser model" in err
    assert "config 'offline' has no `summarization.cross_lingual` section" in err
