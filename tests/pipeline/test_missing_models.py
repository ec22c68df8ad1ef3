"""Missing and gated models: every missing model of a run in one message, once (issue 14)."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from summarize.cli.main import main
from summarize.engines.base import is_gated_error, resolve_model_dir
from summarize.errors import GatedModelError, ModelsUnavailableError, ModelUnavailableError
from summarize.pipeline import Pipeline

DEFAULT_MODELS = (
    "ai4bharat/indictrans2-indic-en-dist-200M",
    "csebuetnlp/mT5_multilingual_XLSum",
    "csebuetnlp/mT5_m2o_english_crossSum",
    "intfloat/multilingual-e5-small",
)


def _missing_config(tmp_path: Path) -> dict[str, object]:
    """Three models under paths that do not exist (no Hub involved)."""
    return {
        "translation": {
            "enabled": True,
            "engine": {"engine": "hf-seq2seq", "model": str(tmp_path / "no-mt")},
        },
        "summarization": {
            "strategies": ["extractive", "translate-then-summarize"],
            "summarizer": {"engine": "hf-seq2seq", "model": str(tmp_path / "no-sum")},
        },
        "embeddings": {"engine": "sentence-transformers", "model": str(tmp_path / "no-emb")},
    }


def test_every_missing_model_is_named_once_with_the_ways_said_once(tmp_path: Path) -> None:
    pipe = Pipeline(_missing_config(tmp_path), cache_dir=tmp_path / "c")
    with pytest.raises(ModelsUnavailableError) as info:
        pipe.require_models()
    err = info.value
    assert isinstance(err, ModelUnavailableError)  # callers catching the one-model error still do
    assert [e.config_key for e in err.errors] == [
        "translation.engine",
        "summarization.summarizer",
        "embeddings.model",
    ]
    msg = str(err)
    listed = [line for line in msg.splitlines() if line.startswith("  - ")]
    for name in ("no-mt", "no-sum", "no-emb"):
        assert sum(name in line for line in listed) == 1, msg
    assert "no such directory" in listed[0]
    assert msg.count("Provide them in one of three ways") == 1
    assert msg.count("summarize models pull") == 1


def test_one_missing_model_keeps_its_own_message(tmp_path: Path) -> None:
    cfg = _missing_config(tmp_path)
    cfg["summarization"] = {"strategies": ["extractive"]}
    cfg.pop("embeddings")
    with pytest.raises(ModelUnavailableError) as info:
        Pipeline(cfg, cache_dir=tmp_path / "c").require_models()
    assert not isinstance(info.value, ModelsUnavailableError)
    assert "no-mt" in str(info.value) and "Provide it in one of three ways" in str(info.value)


def test_run_with_the_default_config_names_all_four_models_once(
    seed_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "out"
    code = main(["run", str(seed_paths[0].parent), "--out", str(target)], out=out, err=err)
    text = err.getvalue()
    assert code == 1
    for model in DEFAULT_MODELS:
        assert text.count(f"'{model}'") == 1, text
    assert text.count("Provide them") == 1
    assert "make run CONFIG=configs/offline.yaml" in text
    assert "--config configs/offline.yaml" in text
    assert not target.exists()  # nothing written when the run cannot start


def _fake_response(status: int) -> SimpleNamespace:
    return SimpleNamespace(status_code=status, headers={}, request=None, url="https://hf.co/x")


def test_a_gated_repo_says_how_to_get_access(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub
    from huggingface_hub.errors import GatedRepoError

    model = "ai4bharat/indictrans2-indic-en-dist-200M"

    def fake_snapshot_download(repo_id: str, **kwargs: object) -> str:
        if kwargs.get("local_files_only"):
            raise FileNotFoundError("not cached")
        raise GatedRepoError(
            f"401 Client Error. Cannot access gated repo for url https://huggingface.co/{repo_id}",
            response=_fake_response(401),
        )

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot_download)
    with pytest.raises(GatedModelError) as info:
        resolve_model_dir(model, "translation.engine")
    msg = str(info.value)
    assert f"https://huggingface.co/{model}" in msg
    assert "request access" in msg
    assert "hf auth login" in msg and "HF_TOKEN" in msg
    assert "configs/nllb.yaml" in msg
    assert "translation.engine" in msg
    assert "Provide it in one of three ways" not in msg  # not the generic "missing" advice


def test_gated_among_missing_models_gets_its_own_advice() -> None:
    errors = [
        GatedModelError("org/gated", "translation.engine", "no access"),
        ModelUnavailableError("org/plain", "embeddings.model", "not cached"),
    ]
    msg = str(ModelsUnavailableError(errors))
    assert "org/gated" in msg and "org/plain" in msg
    assert msg.count("hf auth login") == 1 and "Provide it in one of three ways" in msg


def test_which_hub_errors_count_as_gated() -> None:
    from huggingface_hub.errors import GatedRepoError, HfHubHTTPError, RepositoryNotFoundError

    assert is_gated_error(GatedRepoError("gated", response=_fake_response(401)))
    msg = "403 Forbidden: You are trying to access a gated repo."
    assert is_gated_error(HfHubHTTPError(msg, response=_fake_response(403)))
    wrapped = RuntimeError("load failed")
    wrapped.__cause__ = GatedRepoError("gated", response=_fake_response(401))
    assert is_gated_error(wrapped)
    assert not is_gated_error(HfHubHTTPError("403 Forbidden", response=_fake_response(403)))
    assert not is_gated_error(
        RepositoryNotFoundError("404 not found", response=_fake_response(404))
    )
    assert not is_gated_error(OSError("Name or service not known"))
