"""The app as a new user meets it (issue 14): one banner for missing models with the offline
config as the alternative, Run only for a config that can run, a subtitle that promises no
English when translation is off, the user's file names in errors, record field names,
system fonts, and a startup config that does not load failing at start."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

pytest.importorskip("gradio")

from summarize.app.banner import subtitle  # noqa: E402
from summarize.app.inputs import gather_articles  # noqa: E402
from summarize.app.state import (  # noqa: E402
    AppState,
    banner_html,
    can_run_config,
    discover_configs,
    offline_label,
)
from summarize.config import load_config  # noqa: E402
from summarize.errors import ConfigError  # noqa: E402

DEFAULT_MODELS = (
    "ai4bharat/indictrans2-indic-en-dist-200M",
    "csebuetnlp/mT5_multilingual_XLSum",
    "csebuetnlp/mT5_m2o_english_crossSum",
    "intfloat/multilingual-e5-small",
)
HINDI = "दिल्ली में सोमवार को भारी बारिश हुई। कई इलाकों में पानी भर गया। यातायात बाधित रहा।"


@pytest.fixture()
def offline_hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf" / "hub"))


def _state(initial: str = "default") -> AppState:
    first, choices = discover_configs(initial)
    return AppState(choices=choices, initial=first)


def test_one_banner_lists_every_missing_model_and_offers_offline(offline_hub: None) -> None:
    state = _state()
    html = banner_html(state, "default")
    assert html.count("sm-error") == 1  # one box, not one per model
    for model in DEFAULT_MODELS:
        assert html.count(model) == 1, model
    assert html.count("Provide them in one of three ways") == 1
    assert "Run is disabled" in html and "<code>offline</code>" in html
    assert offline_label(state) == "offline"
    assert not can_run_config(state, "default")
    assert can_run_config(state, "offline")
    assert "sm-error" not in banner_html(state, "offline")


def test_subtitle_promises_english_only_with_translation() -> None:
    assert "English translation" in subtitle(load_config("default"))
    off = subtitle(load_config("offline"))
    assert "English" not in off and "translation is off" in off


def test_upload_errors_name_the_users_file_not_the_temp_path(tmp_path: Path) -> None:
    upload = tmp_path / "gradio" / "3f9c0a1b2c" / "my news.jsonl"
    upload.parent.mkdir(parents=True)
    upload.write_text(
        json.dumps({"text": HINDI}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8"
    )
    articles, errors = gather_articles([str(upload)], [], load_config("offline"))
    assert [e.source for e in errors] == ["my news.jsonl"]
    assert all(str(tmp_path) not in a.source for a in articles)
    assert articles[0].source.startswith("my news.jsonl")


def test_record_fields_of_an_upload_and_the_error_names_the_box(tmp_path: Path) -> None:
    upload = tmp_path / "g" / "news.csv"
    upload.parent.mkdir()
    upload.write_text(f'headline,body\nबारिश,"{HINDI}"\n', encoding="utf-8")
    cfg = load_config("offline")
    with pytest.raises(Exception) as info:  # nothing readable: InputError listing the error
        gather_articles([str(upload)], [], cfg)
    assert "Text field" in str(info.value) or "Text field" in repr(info.value)
    articles, errors = gather_articles(
        [str(upload)], [], cfg, fields={"text": "body", "title": "headline"}
    )
    assert not errors and articles[0].title == "बारिश"


def test_the_missing_text_field_error_names_the_apps_box(tmp_path: Path) -> None:
    upload = tmp_path / "g" / "news.csv"
    upload.parent.mkdir()
    upload.write_text(f'headline,body\nबारिश,"{HINDI}"\n', encoding="utf-8")
    extra = tmp_path / "g" / "ok.txt"
    extra.write_text(f"शीर्षक\n{HINDI}\n", encoding="utf-8")
    _, errors = gather_articles([str(upload), str(extra)], [], load_config("offline"))
    (error,) = errors
    assert error.source == "news.csv"
    assert "'Text field' box" in error.message and "--text-field" not in error.message


def test_theme_uses_system_fonts_only() -> None:
    from summarize.app.header import SYSTEM_FONTS, app_theme

    theme = app_theme()
    assert [str(f) for f in theme._font] == list(SYSTEM_FONTS)
    assert all(isinstance(f, str) for f in [*theme._font, *theme._font_mono])  # no web font
    assert not theme._stylesheets


def test_a_startup_config_that_does_not_load_fails_at_start() -> None:
    from summarize.app.layout import launch
    from summarize.cli.main import main

    with pytest.raises(ConfigError, match="nosuch"):
        launch("nosuch", prevent_thread_lock=True, quiet=True)
    err = io.StringIO()
    assert main(["app", "--config", "nosuch"], out=io.StringIO(), err=err) == 2
    assert "Config 'nosuch' not found" in err.getvalue()
