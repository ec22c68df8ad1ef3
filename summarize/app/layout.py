"""The Gradio Blocks of the web app: inputs, live progress, side-by-side outputs, and serving.

A thin shell over :class:`summarize.pipeline.Pipeline`; everything shown is rendered by
:mod:`summarize.app.render` (escaped HTML) and every run goes through
:mod:`summarize.app.runner`.  Models are loaded once per process by the engine cache and
shared between users; the queue bounds how many runs go at once
(``app.concurrency_limit``), and the upload size and article count are bounded
(``app.max_upload_mb``, ``app.max_articles``) with a clear message.

The page's stylesheet and script are the package files ``app/static/app.css`` and
``app/static/app.js``.  The seed example button offers the ``*.txt`` files of ``seeds_dir``
(default: ``./seeds`` in the working directory, as in a checkout or a Space) and is hidden
when there are none.

Use :func:`launch` (what ``python app.py`` and ``summarize app`` call) rather than
``build_app(...).launch()``: it adds the page's CSS and script and the server limits.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import gradio as gr

from summarize.app import render
from summarize.app.header import app_theme, build_header, strategy_choices, wire_config
from summarize.app.inputs import APP_FIELD_LABELS, UPLOAD_TYPES
from summarize.app.runner import make_runner
from summarize.app.state import (
    AppState,
    ConfigSource,
    PipelineFactory,
    StartupTask,
    available_strategies,
    config_notices,
    default_pipeline_factory,
    discover_configs,
)
from summarize.config import CONFIG_DIR, AppConfig, Config, load_config
from summarize.ingest.records import FIELD_FLAGS
from summarize.strategies.registry import STRATEGY_NAMES

DEFAULT_SEEDS_DIR = Path("seeds")  # relative to the working directory


@cache
def _static(name: str) -> str:
    return resources.files("summarize.app").joinpath("static", name).read_text("utf-8")


def app_css() -> str:
    """The page's stylesheet (package data)."""
    return _static("app.css")


def app_head() -> str:
    """The page's ``<head>`` addition: its script (package data)."""
    return f"<script>\n{_static('app.js')}</script>\n"


# --- the parts of the page ------------------------------------------------------------------


@dataclass
class _Inputs:
    seed_btn: gr.Button
    files: gr.File
    urls: gr.Textbox
    n_boxes: gr.State
    boxes: list[gr.Textbox]
    add_btn: gr.Button
    del_btn: gr.Button
    fields: list[gr.Textbox]  # record field names, in the order of FIELD_FLAGS


@dataclass
class _Controls:
    config_dd: gr.Dropdown
    strategies: gr.CheckboxGroup
    run_btn: gr.Button
    cancel_btn: gr.Button
    status: gr.HTML


@dataclass
class _Results:
    messages: gr.HTML
    merged: gr.HTML
    articles: gr.HTML
    strategies: gr.HTML
    downloads: gr.File
    json: gr.JSON


def _inputs_column(state: AppState, limits: AppConfig) -> _Inputs:
    """Seed example button, file upload, and the paste boxes (one shown, more on demand)."""
    with gr.Row():
        seed_btn = gr.Button(
            f"Seed example: the {len(state.seeds)} bundled Hindi articles",
            elem_id="sm-seed-btn",
            variant="secondary",
            size="sm",
            visible=bool(state.seeds),
        )
    files = gr.File(
        label=f"Upload .txt / .jsonl / .csv / .html files (at most {limits.max_articles} articles, {limits.max_upload_mb:g} MB)",
        file_count="multiple",
        file_types=UPLOAD_TYPES,
        type="filepath",
        elem_id="sm-files",  # no fixed height: every uploaded file is listed without scrolling
    )
    urls = gr.Textbox(
        label="Links to news pages or RSS/Atom feeds (one per line)",
        lines=2,
        max_lines=8,
        placeholder="https://www.example.com/news/story.html",
        elem_id="sm-urls",
    )
    with gr.Accordion("Field names of CSV / JSONL records", open=False, elem_id="sm-fields"):
        fields = [
            gr.Textbox(
                label=APP_FIELD_LABELS[role],
                value="",  # optional in the API too: "" keeps the field's own name
                placeholder=role,
                max_lines=1,
                elem_id=f"sm-field-{role}",
            )
            for role in FIELD_FLAGS
        ]
    with gr.Accordion("Paste articles", open=False, elem_id="sm-paste"):
        n_boxes = gr.State(1)
        boxes = [
            gr.Textbox(
                label=f"Article {i + 1}",
                lines=4,
                max_lines=12,
                placeholder="Paste a Hindi news article (first line: title)",
                visible=i == 0,
                elem_id=f"sm-paste-{i}",
            )
            for i in range(int(limits.max_articles))
        ]
        with gr.Row():
            add_btn = gr.Button("+ Add article box", size="sm", elem_id="sm-add")
            del_btn = gr.Button("− Remove last box", size="sm", elem_id="sm-del")
    return _Inputs(seed_btn, files, urls, n_boxes, boxes, add_btn, del_btn, fields)


def _controls_column(state: AppState, cfg0: Config | None) -> _Controls:
    """Config dropdown, strategy checkboxes, Run / Cancel and the status line."""
    config_dd = gr.Dropdown(
        choices=list(state.choices),
        value=state.initial,
        label="Config / profile",
        elem_id="sm-config",
    )
    names = available_strategies(cfg0) if cfg0 else list(STRATEGY_NAMES)
    strategies = gr.CheckboxGroup(
        choices=strategy_choices(names),
        value=list(cfg0.summarization.strategies) if cfg0 else ["extractive"],
        label="Strategies",
        elem_id="sm-strategies",
    )
    with gr.Row():
        run_btn = gr.Button("Run", variant="primary", elem_id="sm-run")
        cancel_btn = gr.Button("Cancel", variant="stop", elem_id="sm-cancel")
    status = gr.HTML("", elem_id="sm-status", js_on_load=None)
    return _Controls(config_dd, strategies, run_btn, cancel_btn, status)


def _results() -> _Results:
    """Messages, merged summary, article columns, and the tabs for strategies/downloads/JSON."""
    messages = gr.HTML("", elem_id="sm-messages", js_on_load=None)
    merged = gr.HTML(render.render_merged(None), elem_id="sm-merged-out", js_on_load=None)
    articles = gr.HTML(render.render_articles(None), elem_id="sm-articles-out", js_on_load=None)
    with gr.Tabs():
        with gr.Tab("Strategies side by side", id="strategies"):
            strategies = gr.HTML(
                render.render_strategies(None), elem_id="sm-strategies-out", js_on_load=None
            )
        with gr.Tab("Downloads", id="downloads"):
            downloads = gr.File(
                label="JSON, Markdown and HTML report of the run",
                file_count="multiple",
                interactive=False,
                elem_id="sm-downloads",
            )
        with gr.Tab("Result JSON", id="json"):
            result_json = gr.JSON(label="RunResult", elem_id="sm-json")
    return _Results(messages, merged, articles, strategies, downloads, result_json)


# --- events ---------------------------------------------------------------------------------


def _wire_inputs(state: AppState, inputs: _Inputs) -> None:
    """The seed button fills the upload; + / − show and hide paste boxes."""
    seeds = [str(p) for p in state.seeds]
    inputs.seed_btn.click(lambda: seeds, outputs=inputs.files, api_name="load_seeds")
    max_boxes = len(inputs.boxes)

    def set_boxes(n: int) -> list[Any]:
        return [n, *[gr.update(visible=i < n) for i in range(max_boxes)]]

    def remove(n: int) -> list[Any]:
        n = max(1, int(n) - 1)
        out = set_boxes(n)
        out[1 + n] = gr.update(visible=False, value="")  # the box just hidden
        return out

    box_outputs = [inputs.n_boxes, *inputs.boxes]
    inputs.add_btn.click(
        lambda n: set_boxes(min(max_boxes, int(n) + 1)),
        inputs=inputs.n_boxes,
        outputs=box_outputs,
        api_visibility="private",
    )
    inputs.del_btn.click(
        remove, inputs=inputs.n_boxes, outputs=box_outputs, api_visibility="private"
    )


def _wire_run(
    state: AppState, limits: AppConfig, inputs: _Inputs, controls: _Controls, results: _Results
) -> None:
    """Run streams the pipeline into the results; Cancel stops it."""
    run_event = controls.run_btn.click(
        make_runner(state),
        inputs=[
            inputs.files,
            inputs.urls,
            *inputs.boxes,
            controls.config_dd,
            controls.strategies,
            *inputs.fields,
        ],
        # in the order of summarize.app.runner.Outputs
        outputs=[
            results.messages,
            controls.status,
            results.merged,
            results.articles,
            results.strategies,
            results.downloads,
            results.json,
        ],
        api_name="run",
        concurrency_limit=int(limits.concurrency_limit),
        concurrency_id="summarize-run",
    )

    def on_cancel(request: gr.Request) -> str:
        state.cancel(getattr(request, "session_hash", None) or "default")
        return render.render_status({}, {}, state="cancelled", message="Cancelling…")

    controls.cancel_btn.click(
        on_cancel, outputs=controls.status, cancels=[run_event], api_visibility="private"
    )


def _model_status_api(state: AppState) -> None:
    def model_status(config: str) -> dict[str, Any]:
        """Whether each model of a config is available (None) or why not (the message)."""
        choice = state.config(config)
        if choice.config is None:
            return {"config": config, "error": choice.error, "models": {}, "notices": []}
        return {
            "config": config,
            "error": None,
            "models": state.check_models(config),
            "notices": config_notices(choice.config),
        }

    gr.api(model_status, api_name="model_status")


# --- the Blocks -----------------------------------------------------------------------------


def _seed_files(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []


def build_app(
    config: ConfigSource = "default",
    *,
    pipeline_factory: PipelineFactory | None = None,
    configs_dir: Path = CONFIG_DIR,
    seeds_dir: Path = DEFAULT_SEEDS_DIR,
    check_models_at_start: bool = True,
    startup: StartupTask | None = None,
) -> gr.Blocks:
    """The app's Blocks for a startup config (a name in ``configs/``, a path, or a dict).

    ``startup``: work to finish before that config's model check (the Space's conversion,
    :mod:`summarize.app.space`); it runs in the background check, started at once."""
    initial, choices = discover_configs(config, configs_dir)
    state = AppState(
        choices=choices,
        initial=initial,
        pipeline_factory=pipeline_factory or default_pipeline_factory,
        seeds=_seed_files(seeds_dir),
        startup=startup,
    )
    cfg0 = choices[initial].config
    limits = cfg0.app if cfg0 is not None else Config().app
    if (check_models_at_start or startup is not None) and cfg0 is not None:
        # Warm the model check (and, on a fresh Space, the download) while the server starts.
        threading.Thread(target=state.check_models, args=(initial,), daemon=True).start()

    with gr.Blocks(title="summarize — Hindi news, side by side") as demo:
        demo.summarize_state = state  # type: ignore[attr-defined]
        demo.summarize_limits = limits  # type: ignore[attr-defined]
        header = build_header(state, initial, cfg0)
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                inputs = _inputs_column(state, limits)
            with gr.Column(scale=1, min_width=260):
                controls = _controls_column(state, cfg0)
        results = _results()
        _wire_inputs(state, inputs)
        wire_config(demo, state, header, controls.config_dd, controls.strategies, controls.run_btn)
        _wire_run(state, limits, inputs, controls, results)
        _model_status_api(state)
    return demo


def launch(
    config: ConfigSource | None = None,
    *,
    host: str | None = None,
    port: int | None = None,
    pipeline_factory: PipelineFactory | None = None,
    seeds_dir: Path = DEFAULT_SEEDS_DIR,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
    startup: StartupTask | None = None,
) -> gr.Blocks:
    """Build and serve the app.  Unset arguments come from the environment as Spaces sets it:
    ``SUMMARIZE_CONFIG``, ``GRADIO_SERVER_NAME``, ``GRADIO_SERVER_PORT``.  ``startup``: see
    :func:`build_app`.

    Raises :class:`~summarize.errors.ConfigError` when the startup config does not load."""
    config = config or os.environ.get("SUMMARIZE_CONFIG") or "default"
    # A startup config that does not load is the user's mistake: a ConfigError (exit 2 from
    # `summarize app` and app.py) before any server starts, as `summarize run` does.
    load_config(config)
    host = host or os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"
    port = int(port or os.environ.get("GRADIO_SERVER_PORT") or 7860)
    demo = build_app(
        config, pipeline_factory=pipeline_factory, seeds_dir=seeds_dir, startup=startup
    )
    limits = demo.summarize_limits  # type: ignore[attr-defined]
    demo.queue(default_concurrency_limit=int(limits.concurrency_limit), max_size=64)
    demo.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        show_error=True,
        max_file_size=f"{float(limits.max_upload_mb):g}mb",
        # Gradio serves only files under allowed paths: the seeds the button offers.
        allowed_paths=[str(seeds_dir.resolve())] if seeds_dir.is_dir() else None,
        ssr_mode=False,
        css=app_css(),
        head=app_head(),
        theme=app_theme(),
        footer_links=["api", "gradio"],
    )
    return demo
