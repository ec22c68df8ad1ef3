"""The top of the app's page: title, subtitle, the banner and the offline button, the theme.

The subtitle says what the chosen config produces (no English is promised when translation
is off); the banner (:func:`summarize.app.state.banner_html`, built by
:mod:`summarize.app.banner`) says once what is missing; for a config that cannot run, Run is
disabled and a button switches to the offline config in one click.  The theme uses system
fonts only, so nothing is fetched for fonts and labels never fall back to broken glyphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from summarize.app.banner import subtitle
from summarize.app.state import (
    AppState,
    available_strategies,
    banner_html,
    can_run_config,
    offline_label,
    startup_banner_html,
)
from summarize.config import Config
from summarize.strategies.registry import strategy_label

__all__ = ["Header", "app_theme", "build_header", "strategy_choices", "wire_config"]

# System fonts only (as report.css): a web font that cannot load offline leaves labels in
# broken glyphs; Devanagari comes from the system's Noto or Lohit font.
SYSTEM_FONTS = (
    "system-ui",
    "-apple-system",
    "Segoe UI",
    "Noto Sans",
    "Noto Sans Devanagari",
    "Lohit Devanagari",
    "sans-serif",
)
MONO_FONTS = ("ui-monospace", "DejaVu Sans Mono", "Consolas", "monospace")


def app_theme() -> gr.themes.Base:
    """Gradio's default theme with system fonts (nothing fetched or served for fonts)."""
    return gr.themes.Default(font=list(SYSTEM_FONTS), font_mono=list(MONO_FONTS))


def strategy_choices(names: list[str]) -> list[tuple[str, str]]:
    return [(strategy_label(s), s) for s in names]


@dataclass
class Header:
    subtitle: gr.Markdown
    banner: gr.HTML
    offline_btn: gr.Button


def build_header(state: AppState, initial: str, cfg0: Config | None) -> Header:
    """Title, a subtitle that says what this config produces, the banner, the offline button."""
    gr.Markdown("## summarize — several Hindi news articles about one event, side by side")
    subtitle_md = gr.Markdown(subtitle(cfg0), elem_id="sm-subtitle")
    banner = gr.HTML(
        banner_html(state, initial, check=False)
        + '<div class="sm-msg sm-muted">Checking the models of this config…</div>',
        elem_id="sm-banner",
        js_on_load=None,
    )
    offline_btn = gr.Button(
        "Use the offline config (no downloads)",
        elem_id="sm-offline-btn",
        size="sm",
        visible=False,
    )
    return Header(subtitle_md, banner, offline_btn)


def wire_config(
    demo: gr.Blocks,
    state: AppState,
    header: Header,
    config_dd: gr.Dropdown,
    strategies: gr.CheckboxGroup,
    run_btn: gr.Button,
) -> None:
    """A new config redraws the subtitle and the banner, offers only the strategies it has
    models for, and enables Run only when it can run (else offers the offline config)."""
    offline = offline_label(state)

    def status(label: str) -> list[Any]:
        runnable = can_run_config(state, label)
        return [
            banner_html(state, label),
            gr.update(interactive=runnable),
            gr.update(visible=not runnable and offline is not None and label != offline),
        ]

    def on_config(label: str) -> list[Any]:
        choice = state.config(label)
        update: Any = gr.update()
        if choice.config is not None:
            avail = available_strategies(choice.config)
            value = [s for s in choice.config.summarization.strategies if s in avail]
            update = gr.update(choices=strategy_choices(avail), value=value)
        return [subtitle(choice.config), update, *status(label)]

    def on_load(label: str) -> Iterator[list[Any]]:
        # While the startup task (the Space's conversion) runs: its progress, Run disabled.
        while (progress := state.startup_progress(label)) is not None:
            banner = startup_banner_html(state, label, progress)
            yield [banner, gr.update(interactive=False), gr.update(visible=False)]
            state.wait_startup(progress, timeout=30.0)
        yield status(label)

    outputs = [header.banner, run_btn, header.offline_btn]
    config_dd.change(
        on_config,
        inputs=config_dd,
        outputs=[header.subtitle, strategies, *outputs],
        api_visibility="private",
    )
    # No concurrency limit: a page load only waits for the model check, it runs no model.
    demo.load(
        on_load,
        inputs=config_dd,
        outputs=outputs,
        api_visibility="private",
        concurrency_limit=None,
    )
    if offline is not None:
        header.offline_btn.click(lambda: offline, outputs=config_dd, api_visibility="private")
