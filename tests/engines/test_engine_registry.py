"""The engine registry: what each engine accepts, and the errors for what it does not (no models)."""

from __future__ import annotations

import inspect

import pytest

from summarize.engines.base import GENERATION_DEFAULTS, Engine, create_engine, engine_class
from summarize.engines.registry import ENGINES, check_engine_section
from summarize.errors import ConfigError


@pytest.mark.parametrize(
    ("engine", "options", "bad"),
    [
        ("ctranslate2", {"use_vmaps": True}, "use_vmaps"),
        ("ctranslate2", {"inter_thread": 4}, "inter_thread"),
        ("indictrans2", {"use_vmap": True}, "use_vmap"),
        ("hf-seq2seq", {"inter_threads": 1}, "inter_threads"),
    ],
)
def test_unknown_option_names_option_engine_and_allowed(engine, options, bad) -> None:
    allowed = sorted(ENGINES[engine].options) or ["(none)"]
    for check in (
        lambda: check_engine_section(engine, options=options, where="translation.engine"),
        lambda: create_engine(
            {"engine": engine, "model": "x", "options": options}, config_key="translation.engine"
        ),
    ):
        with pytest.raises(ConfigError) as info:
            check()
        msg = str(info.value)
        assert f"`{bad}`" in msg and f"the {engine} engine" in msg
        assert "translation.engine" in msg
        assert all(name in msg for name in allowed)


def test_known_options_are_accepted_and_set() -> None:
    eng = create_engine(
        {"engine": "ctranslate2", "model": "x", "options": {"use_vmap": True, "inter_threads": 2}}
    )
    assert eng.use_vmap is True and eng.inter_threads == 2 and eng.dtype == "int8"


def test_declared_options_are_the_constructor_keywords() -> None:
    shared = set(inspect.signature(Engine.__init__).parameters)
    for name, info in ENGINES.items():
        own = set(inspect.signature(engine_class(name).__init__).parameters) - shared
        assert own - {"kwargs"} == set(info.options), name


def test_dtypes_per_backend_family() -> None:
    check_engine_section("ctranslate2", "int8_float16")
    with pytest.raises(ConfigError, match="allowed: float32"):
        check_engine_section("indictrans2", "int8_float16")
    with pytest.raises(ConfigError, match="dtype 'float64'"):
        create_engine({"engine": "ctranslate2", "model": "x", "dtype": "float64"})


def test_indictrans2_refuses_a_separate_tokenizer() -> None:
    with pytest.raises(ConfigError, match="tokenizer"):
        create_engine({"engine": "indictrans2", "model": "x", "tokenizer": "y"})


def test_one_decoding_default_for_every_engine() -> None:
    """IndicTrans2's published 5 beams live in configs/default.yaml, not in the engine."""
    for name in ENGINES:
        settings = engine_class(name)("x").settings()
        assert settings["num_beams"] == GENERATION_DEFAULTS["num_beams"] == 4
        assert settings["max_length"] == GENERATION_DEFAULTS["max_length"]
