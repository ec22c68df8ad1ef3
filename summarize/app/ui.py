"""The Gradio Blocks of the web app: inputs, live progress, side-by-side outputs.

A thin shell over :class:`summarize.pipeline.Pipeline`; everything shown is rendered by
:mod:`summarize.app.render` (escaped HTML).  Models are loaded once per process by the
engine cache and shared between users; the queue bounds how many runs go at once
(``app.concurrency_limit``), and the upload size and article count are bounded
(``app.max_upload_mb``, ``app.max_articles``) with a clear message.

Use :func:`launch` (what ``python app.py`` and ``summarize app`` call) rather than
``build_app(...).launch()``: it adds the page's CSS and script and the server limits.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr

from summarize.app import render
from summarize.config import CONFIG_DIR, REPO_ROOT, STRATEGIES, Config, load_config
from summarize.errors import ConfigError, SummarizeError
from summarize.types import Article, InputError, RunResult, to_dict

log = logging.getLogger(__name__)

SEEDS_DIR = REPO_ROOT / "seeds"
UPLOAD_TYPES = [".txt", ".jsonl"]

APP_CSS = """
.sm-muted { color: var(--body-text-color-subdued, #6b7280); font-size: 0.85em; }
.sm-merged { border: 2px solid var(--color-accent, #f97316); border-radius: 10px; padding: 10px 16px; }
.sm-merged h2, .sm-articles h2, .sm-strategies h2 { margin: 0.2em 0 0.4em; font-size: 1.25em; }
.sm-meta { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.82em; color: var(--body-text-color-subdued, #6b7280); }
.sm-msents { margin: 0.5em 0 0.3em 1.3em; padding: 0; }
.sm-msent { margin: 0.35em 0; line-height: 1.55; }
.sm-chip { display: inline-block; min-width: 1.9em; text-align: center; padding: 0 6px; margin: 0 2px;
  border-radius: 999px; font-size: 0.78em; font-weight: 600; line-height: 1.6; color: #fff !important;
  text-decoration: none !important; background: #6b7280; vertical-align: 1px; }
a.sm-chip:hover { filter: brightness(1.15); outline: 2px solid currentColor; }
.sm-chip.sm-c0 { background: #2563eb; } .sm-chip.sm-c1 { background: #16a34a; }
.sm-chip.sm-c2 { background: #c026d3; } .sm-chip.sm-c3 { background: #ea580c; }
.sm-chip.sm-c4 { background: #0891b2; } .sm-chip.sm-c5 { background: #dc2626; }
.sm-chip.sm-c6 { background: #7c3aed; } .sm-chip.sm-c7 { background: #65a30d; }
.sm-agree { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 4px; font-size: 0.78em;
  border: 1px solid var(--border-color-primary, #d1d5db); }
.sm-unique { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 4px; font-size: 0.78em;
  background: #fef3c7; color: #92400e; }
.sm-flag { display: inline-block; margin: 0 4px; padding: 0 6px; border-radius: 4px; font-size: 0.78em;
  background: #fee2e2; color: #991b1b; }
.sm-conflicts { margin-top: 0.6em; padding: 6px 10px; border-left: 4px solid #dc2626; background: rgba(220, 38, 38, 0.06); }
.sm-conflicts h4 { margin: 0 0 0.3em; }
.sm-kind { font-weight: 600; text-transform: uppercase; font-size: 0.75em; margin-right: 4px; }
.sm-values { list-style: none; margin: 0.2em 0 0.4em; padding-left: 0.5em; }
.sm-grid { display: grid; grid-template-columns: repeat(var(--sm-cols, 4), minmax(250px, 1fr)); gap: 12px; overflow-x: auto; }
.sm-article { border: 1px solid var(--border-color-primary, #d1d5db); border-top: 5px solid #6b7280; border-radius: 8px;
  padding: 8px 10px; min-width: 0; }
.sm-article.sm-c0 { border-top-color: #2563eb; } .sm-article.sm-c1 { border-top-color: #16a34a; }
.sm-article.sm-c2 { border-top-color: #c026d3; } .sm-article.sm-c3 { border-top-color: #ea580c; }
.sm-article.sm-c4 { border-top-color: #0891b2; } .sm-article.sm-c5 { border-top-color: #dc2626; }
.sm-article.sm-c6 { border-top-color: #7c3aed; } .sm-article.sm-c7 { border-top-color: #65a30d; }
.sm-article { overflow-wrap: anywhere; }
.sm-article header h3 { display: inline; font-size: 1em; margin: 0; }
.sm-article header { margin-bottom: 6px; }
.sm-block { margin: 6px 0; }
.sm-block > summary { cursor: pointer; font-weight: 600; font-size: 0.9em; }
.sm-scroll { max-height: 360px; overflow-y: auto; padding-right: 4px; }
.sm-text p { margin: 0.4em 0; line-height: 1.6; }
.sm-sent { border-radius: 3px; cursor: pointer; transition: background 0.15s; }
.sm-sent:hover, .sm-sent.sm-hl { background: #fde68a; color: #111827; }
.sm-sent.sm-sel { background: #fbbf24; color: #111827; outline: 2px solid #d97706; }
.sm-summary { margin: 4px 0 8px; padding: 4px 6px; border-radius: 6px; background: var(--background-fill-secondary, #f9fafb); }
.sm-summary p { margin: 0.2em 0; }
.sm-sumhead { font-size: 0.85em; }
.sm-removed ul { padding-left: 1.1em; font-size: 0.85em; }
.sm-reason { display: inline-block; padding: 0 5px; border-radius: 4px; background: #e5e7eb; color: #374151; font-size: 0.8em; }
.sm-reason-flag { background: #fef3c7; color: #92400e; }
.sm-tablewrap { overflow-x: auto; }
.sm-table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
.sm-table th, .sm-table td { border: 1px solid var(--border-color-primary, #d1d5db); padding: 6px 8px; vertical-align: top; text-align: left; }
.sm-merged-row { background: rgba(249, 115, 22, 0.07); }
.sm-msg { margin: 4px 0; padding: 6px 10px; border-radius: 6px; font-size: 0.9em; }
.sm-msg pre { white-space: pre-wrap; margin: 4px 0 0; font-size: 0.85em; }
.sm-error { background: #fee2e2; color: #7f1d1d; border-left: 4px solid #dc2626; }
.sm-warn { background: #fef3c7; color: #78350f; border-left: 4px solid #d97706; }
.sm-info { background: #dbeafe; color: #1e3a8a; border-left: 4px solid #2563eb; }
.sm-ok { background: #dcfce7; color: #14532d; border-left: 4px solid #16a34a; }
.sm-status { font-size: 0.85em; }
.sm-stages { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 10px; }
.sm-stage-done { color: #15803d; }
.sm-flash { animation: sm-flash 1.6s ease-out; }
@keyframes sm-flash { 0% { box-shadow: 0 0 0 4px #f59e0b; } 100% { box-shadow: 0 0 0 0 transparent; } }
#sm-seed-btn { font-weight: 600; }
"""

# Event delegation on the document, so it works for fragments rendered after page load.
# Hovering or focusing a sentence highlights it and its pair (data-pair); clicking selects
# the pair; a source chip scrolls to its sentence, selects it and flashes it.
APP_JS = """
<script>
(function () {
  if (window.__smInit) { return; }
  window.__smInit = true;
  function pairs(key) {
    if (!key) { return []; }
    return document.querySelectorAll('[data-pair="' + CSS.escape(key) + '"]');
  }
  function mark(key, cls, on) {
    pairs(key).forEach(function (el) { el.classList.toggle(cls, on); });
  }
  function select(key) {
    document.querySelectorAll('.sm-sel').forEach(function (el) { el.classList.remove('sm-sel'); });
    mark(key, 'sm-sel', true);
  }
  function sentOf(e) { return e.target && e.target.closest ? e.target.closest('.sm-sent') : null; }
  document.addEventListener('mouseover', function (e) { var s = sentOf(e); if (s) { mark(s.dataset.pair, 'sm-hl', true); } });
  document.addEventListener('mouseout', function (e) { var s = sentOf(e); if (s) { mark(s.dataset.pair, 'sm-hl', false); } });
  document.addEventListener('focusin', function (e) { var s = sentOf(e); if (s) { select(s.dataset.pair); } });
  document.addEventListener('click', function (e) {
    var chip = e.target && e.target.closest ? e.target.closest('a.sm-chip[data-target]') : null;
    if (chip) {
      e.preventDefault();
      var el = document.getElementById(chip.dataset.target);
      if (!el) { return; }
      var box = el.closest('details');
      while (box) { box.open = true; box = box.parentElement ? box.parentElement.closest('details') : null; }
      el.scrollIntoView({behavior: 'smooth', block: 'center'});
      if (el.dataset.pair) { select(el.dataset.pair); }
      el.classList.remove('sm-flash'); void el.offsetWidth; el.classList.add('sm-flash');
      return;
    }
    var s = sentOf(e);
    if (s) { select(s.dataset.pair); }
  });
})();
</script>
"""


# --- configs ----------------------------------------------------------------------------


@dataclass
class ConfigChoice:
    label: str
    config: Config | None
    error: str | None = None


def _label_for(source: str | Path | dict[str, Any] | Config) -> str:
    if isinstance(source, Config):
        return source.name
    if isinstance(source, dict):
        return str(source.get("name") or "custom")
    p = Path(source)
    return p.stem if p.suffix in {".yaml", ".yml"} else str(source)


def discover_configs(
    initial: str | Path | dict[str, Any] | Config, configs_dir: Path = CONFIG_DIR
) -> tuple[str, dict[str, ConfigChoice]]:
    """The startup config (first) and the profiles in ``configs/``, by label."""
    choices: dict[str, ConfigChoice] = {}

    def add(label: str, source: Any) -> str:
        if label in choices:
            label = (
                f"{label} ({source})"
                if not isinstance(source, dict | Config)
                else f"{label} (given)"
            )
        try:
            choices[label] = ConfigChoice(label, load_config(source))
        except SummarizeError as exc:
            choices[label] = ConfigChoice(label, None, str(exc))
        return label

    first = add(_label_for(initial), initial)
    initial_path = None
    if not isinstance(initial, dict | Config):
        try:
            from summarize.config import find_config

            initial_path = find_config(initial).resolve()
        except SummarizeError:
            initial_path = None
    if configs_dir.is_dir():
        for path in sorted(configs_dir.glob("*.yaml")):
            if initial_path is not None and path.resolve() == initial_path:
                continue
            add(path.stem, path)
    return first, choices


def available_strategies(cfg: Config) -> list[str]:
    """The strategies this config has the models for."""
    out = []
    translation = cfg.translation.enabled and cfg.translation.engine is not None
    for s in STRATEGIES:
        if s in ("translate-then-summarize", "summarize-then-translate"):
            if not (translation and cfg.summarization.summarizer is not None):
                continue
        if s == "cross-lingual" and cfg.summarization.cross_lingual is None:
            continue
        out.append(s)
    return out


def config_notices(cfg: Config) -> list[str]:
    notes = []
    if cfg.description:
        notes.append(f"Config '{cfg.name}': {cfg.description}")
    if not cfg.translation.enabled:
        notes.append(
            "Translation is OFF in this config: you see the cleaned Hindi text and Hindi summaries, "
            "with no English translation. Choose a config with translation enabled (e.g. 'default') "
            "for English."
        )
    return notes


# --- the app state shared by all sessions ---------------------------------------------------


def _default_pipeline_factory(cfg: Config) -> Any:
    from summarize.pipeline import Pipeline

    return Pipeline(cfg)


@dataclass
class AppState:
    """Per-process state: configs, model checks, per-session cancel events."""

    choices: dict[str, ConfigChoice]
    initial: str
    pipeline_factory: Callable[[Config], Any] = _default_pipeline_factory
    seeds: list[Path] = field(default_factory=list)
    _pipelines: dict[str, Any] = field(default_factory=dict)
    _checks: dict[str, dict[str, str | None]] = field(default_factory=dict)
    _check_locks: dict[str, threading.Lock] = field(default_factory=dict)
    _cancels: dict[str, threading.Event] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def config(self, label: str | None) -> ConfigChoice:
        choice = self.choices.get(label or self.initial)
        if choice is None:
            return ConfigChoice(str(label), None, f"Unknown config '{label}'")
        return choice

    def pipeline(self, label: str) -> Any:
        """One Pipeline per config, shared by all sessions (its engines load once)."""
        choice = self.config(label)
        if choice.config is None:
            raise ConfigError(choice.error or f"config '{label}' cannot be loaded")
        with self._lock:
            if label not in self._pipelines:
                self._pipelines[label] = self.pipeline_factory(choice.config)
            return self._pipelines[label]

    def check_models(self, label: str) -> dict[str, str | None]:
        """Config key -> error message (None when the model is available); cached per config."""
        choice = self.config(label)
        if choice.config is None:
            return {}
        with self._lock:
            if label in self._checks:
                return self._checks[label]
            lock = self._check_locks.setdefault(label, threading.Lock())
        with lock:
            if label not in self._checks:
                try:
                    result = dict(self.pipeline(label).check_models())
                except SummarizeError as exc:
                    result = {"pipeline": str(exc)}
                except Exception as exc:  # noqa: BLE001 - the app must start whatever fails here
                    log.exception("model check failed")
                    result = {"pipeline": f"{type(exc).__name__}: {exc}"}
                self._checks[label] = result
            return self._checks[label]

    def cancel_event(self, session: str) -> threading.Event:
        with self._lock:
            ev = self._cancels.get(session)
            if ev is None or ev.is_set():
                ev = self._cancels[session] = threading.Event()
            return ev

    def cancel(self, session: str) -> None:
        with self._lock:
            ev = self._cancels.get(session)
        if ev is not None:
            ev.set()


def banner_html(state: AppState, label: str, *, check: bool = True) -> str:
    choice = state.config(label)
    if choice.config is None:
        return render.render_messages(
            problems=[choice.error or f"Config '{label}' cannot be loaded"]
        )
    missing = state.check_models(label) if check else {}
    html = render.render_messages(notices=config_notices(choice.config), missing_models=missing)
    if check and not any(missing.values()):
        models = ", ".join(f"{k}: {v}" for k, v in choice.config.models().items())
        html += f'<div class="sm-msg sm-ok">All models of this config are available ({render.esc(models)}).</div>'
    return html


# --- reading the inputs ---------------------------------------------------------------------


class InputProblem(Exception):
    """An input the run refuses (too big, too many, nothing); the message is shown as is."""


def _file_paths(files: Any) -> list[Path]:
    out = []
    for f in files or []:
        p = (
            f
            if isinstance(f, str | Path)
            else getattr(f, "name", None) or (f.get("path") if isinstance(f, dict) else None)
        )
        if p:
            out.append(Path(p))
    return out


def gather_articles(
    files: Any, texts: list[str], cfg: Config
) -> tuple[list[Article], list[InputError]]:
    """Articles from uploaded files and pasted boxes, within the config's limits."""
    limits = cfg.app
    paths = _file_paths(files)
    bad = [p.name for p in paths if p.suffix.lower() not in UPLOAD_TYPES]
    if bad:
        raise InputProblem(f"Unsupported file type: {', '.join(bad)}. Upload .txt or .jsonl files.")
    total = sum(p.stat().st_size for p in paths if p.exists())
    if total > limits.max_upload_mb * 1024 * 1024:
        raise InputProblem(
            f"The upload is too large: {total / 1024 / 1024:.1f} MB in all; the limit is "
            f"{limits.max_upload_mb:g} MB (config `app.max_upload_mb`)."
        )
    articles: list[Article] = []
    errors: list[InputError] = []
    if paths:
        from summarize.ingest import read_articles

        articles, errors = read_articles([str(p) for p in paths])
        articles, errors = list(articles), list(errors)
    pasted = [t for t in texts if t and t.strip()]
    pasted_bytes = sum(len(t.encode("utf-8")) for t in pasted)
    if total + pasted_bytes > limits.max_upload_mb * 1024 * 1024:
        raise InputProblem(
            f"The input is too large: {(total + pasted_bytes) / 1024 / 1024:.1f} MB in all; the limit is "
            f"{limits.max_upload_mb:g} MB (config `app.max_upload_mb`)."
        )
    taken = {a.id for a in articles}
    for i, text in enumerate(pasted, 1):
        aid = f"pasted-{i}"
        while aid in taken:
            aid += "x"
        taken.add(aid)
        articles.append(Article(id=aid, source=f"pasted #{i}", raw_text=text.strip()))
    if len(articles) > limits.max_articles:
        raise InputProblem(
            f"Too many articles: {len(articles)}; this app takes at most {limits.max_articles} "
            "per run (config `app.max_articles`). Remove some files or text boxes."
        )
    if not articles:
        if errors:
            raise InputProblem(
                "None of the input could be read:\n"
                + "\n".join(f"{e.source} ({e.where}): {e.message}" for e in errors)
            )
        raise InputProblem(
            "Nothing to summarize: click the seed example, upload .txt/.jsonl files, or paste articles."
        )
    return articles, errors


# --- running --------------------------------------------------------------------------------


def _stream(
    pipeline: Any, articles: list[Article], strategies: list[str] | None, cancel: threading.Event
) -> Iterator[tuple[str, Any]]:
    """Run ``pipeline.run_iter`` in a worker thread; yield its progress events and stages."""
    q: queue.Queue[tuple[str, Any]] = queue.Queue()

    def on_progress(event: Any) -> None:
        q.put(("progress", event))

    def work() -> None:
        try:
            for stage, partial in pipeline.run_iter(
                articles, strategies=strategies, progress=on_progress, cancel=cancel
            ):
                # A snapshot: the pipeline goes on mutating its result while the UI renders.
                q.put(("stage", (stage, copy.deepcopy(partial))))
                if cancel.is_set():
                    break
            q.put(("done", None))
        except BaseException as exc:  # noqa: BLE001 - shown in the UI
            q.put(("error", exc))

    worker = threading.Thread(target=work, name="summarize-app-run", daemon=True)
    worker.start()
    while True:
        try:
            kind, payload = q.get(timeout=0.5)
        except queue.Empty:
            if cancel.is_set() and not worker.is_alive():
                yield "cancelled", None
                return
            continue
        yield kind, payload
        if kind in ("done", "error"):
            return


def write_downloads(result: RunResult) -> list[str]:
    from summarize import report

    out = Path(tempfile.mkdtemp(prefix="summarize-app-"))
    files = {
        "summary.json": report.to_json(result),
        "summary.md": report.to_markdown(result),
        "report.html": report.to_html(result),
    }
    paths = []
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        paths.append(str(out / name))
    return paths


@dataclass
class _Progress:
    stages: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)

    def event(self, ev: Any) -> str:
        stage = str(getattr(ev, "stage", "") or "run")
        st = self.stages.setdefault(stage, {"done": 0, "total": 0, "finished": False})
        st["done"] = int(getattr(ev, "done", 0) or 0)
        st["total"] = int(getattr(ev, "total", 0) or 0)
        aid = getattr(ev, "article_id", None)
        msg = str(getattr(ev, "message", "") or "")
        if aid:
            self.articles[str(aid)] = f"{stage}: {msg}" if msg else stage
        count = f" {st['done']}/{st['total']}" if st["total"] else ""
        return f"{stage}{count}" + (f" — {aid}" if aid else "") + (f": {msg}" if msg else "")

    def finished(self, stage: str) -> None:
        st = self.stages.setdefault(str(stage), {"done": 0, "total": 0, "finished": False})
        st["finished"] = True


N_OUTPUTS = 7  # messages, status, merged, articles, strategies, downloads, json


def make_runner(state: AppState) -> Callable[..., Iterator[tuple[Any, ...]]]:
    """The generator behind the Run button (its inputs: files, *paste boxes, config, strategies)."""

    def run(request: gr.Request, progress=gr.Progress(), *inputs: Any) -> Iterator[tuple[Any, ...]]:  # noqa: B008
        # Hidden paste boxes are emptied when removed, so every non-empty box counts.
        files, *texts, label, strategies = inputs
        session = getattr(request, "session_hash", None) or "default"
        skip = gr.skip()

        def halt(messages: Any, status: Any, json_out: Any = None) -> tuple[Any, ...]:
            """Outputs of a run that stops early: results left as they are, downloads cleared."""
            return (messages, status, skip, skip, skip, None, json_out)

        choice = state.config(label)
        if choice.config is None:
            yield halt(
                render.render_messages(problems=[choice.error or "config error"]),
                "",
            )
            return
        cfg = choice.config
        allowed = available_strategies(cfg)
        chosen = [s for s in (strategies or []) if s in allowed] or None
        dropped = [s for s in (strategies or []) if s not in allowed]
        try:
            articles, input_errors = gather_articles(files, texts, cfg)
        except InputProblem as exc:
            yield halt(render.render_messages(problems=[str(exc)]), "")
            return
        notices: list[str] = []  # the config's own notices are in the banner above
        if dropped:
            notices.append(
                f"Not available with config '{cfg.name}' and skipped: {', '.join(dropped)}."
            )
        cancel = state.cancel_event(session)
        prog = _Progress()
        for a in articles:
            prog.articles[a.id] = "waiting"
        messages = render.render_messages(notices=notices, errors=input_errors)
        status = render.render_status(
            prog.stages,
            prog.articles,
            state="running",
            message=f"Running on {len(articles)} articles…",
        )
        yield (messages, status, render.render_merged(None), skip, skip, None, None)
        progress(0, desc="starting")
        result: RunResult | None = None
        completed = False
        last_status = 0.0
        try:
            pipeline = state.pipeline(label)
            for kind, payload in _stream(pipeline, articles, chosen, cancel):
                if kind == "progress":
                    desc = prog.event(payload)
                    total = int(getattr(payload, "total", 0) or 0)
                    done = int(getattr(payload, "done", 0) or 0)
                    if total:
                        progress((done, total), desc=desc)
                    else:
                        progress(None, desc=desc)
                    now = time.monotonic()
                    if now - last_status > 0.25:
                        last_status = now
                        status = render.render_status(
                            prog.stages, prog.articles, state="running", message=desc
                        )
                        yield (skip, status, skip, skip, skip, skip, skip)
                elif kind == "stage":
                    stage, result = payload
                    prog.finished(stage)
                    status = render.render_status(
                        prog.stages, prog.articles, state="running", message=f"{stage} done"
                    )
                    yield (
                        skip,
                        status,
                        render.render_merged(result),
                        render.render_articles(result),
                        render.render_strategies(result),
                        skip,
                        skip,
                    )
                elif kind == "done":
                    completed = True
                elif kind == "cancelled":
                    break
                elif kind == "error":
                    exc = payload
                    if cancel.is_set():
                        break
                    if isinstance(exc, SummarizeError):
                        problem = str(exc)
                    else:
                        log.error("run failed", exc_info=exc)
                        problem = f"The run failed: {type(exc).__name__}: {exc}"
                    yield halt(
                        render.render_messages(
                            notices=notices, errors=input_errors, problems=[problem]
                        ),
                        render.render_status(
                            prog.stages, prog.articles, state="error", message="failed"
                        ),
                    )
                    return
        except SummarizeError as exc:
            yield halt(
                render.render_messages(notices=notices, problems=[str(exc)]),
                render.render_status(prog.stages, prog.articles, state="error", message="failed"),
            )
            return
        finally:
            # Also reached when Gradio closes the generator (Cancel button, closed tab):
            # tell the pipeline to stop.
            if not completed:
                cancel.set()
        if cancel.is_set():
            yield halt(
                skip,
                render.render_status(
                    prog.stages, prog.articles, state="cancelled", message="Cancelled"
                ),
                skip,
            )
            return
        if result is None:
            yield halt(
                skip,
                render.render_status(
                    prog.stages, prog.articles, state="error", message="no result"
                ),
            )
            return
        all_notices = [*notices, *[n for n in result.notices if n not in notices]]
        problems = []
        try:
            downloads: list[str] | None = write_downloads(result)
        except Exception as exc:  # noqa: BLE001 - the results are still shown
            log.exception("writing the reports failed")
            downloads = None
            problems.append(f"Could not write the reports: {type(exc).__name__}: {exc}")
        timing = ", ".join(f"{k} {v:.1f}s" for k, v in result.timings.items())
        yield (
            render.render_messages(
                notices=all_notices, errors=[*input_errors, *result.errors], problems=problems
            ),
            render.render_status(
                prog.stages,
                prog.articles,
                state="done",
                message=f"Done ({timing})" if timing else "Done",
            ),
            render.render_merged(result),
            render.render_articles(result),
            render.render_strategies(result),
            downloads,
            json.loads(json.dumps(to_dict(result), ensure_ascii=False, default=str)),
        )

    return run


# --- the Blocks -----------------------------------------------------------------------------


def build_app(
    config: str | Path | dict[str, Any] | Config = "default",
    *,
    pipeline_factory: Callable[[Config], Any] | None = None,
    configs_dir: Path = CONFIG_DIR,
    seeds_dir: Path = SEEDS_DIR,
    check_models_at_start: bool = True,
) -> gr.Blocks:
    """The app's Blocks for a startup config (a name in ``configs/``, a path, or a dict)."""
    initial, choices = discover_configs(config, configs_dir)
    state = AppState(
        choices=choices,
        initial=initial,
        pipeline_factory=pipeline_factory or _default_pipeline_factory,
        seeds=sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else [],
    )
    cfg0 = choices[initial].config
    limits = cfg0.app if cfg0 is not None else Config().app
    if check_models_at_start and cfg0 is not None:
        # Warm the model check (and, on a fresh Space, the download) while the server starts.
        threading.Thread(target=state.check_models, args=(initial,), daemon=True).start()
    max_boxes = int(limits.max_articles)

    with gr.Blocks(title="summarize — Hindi news, side by side") as demo:
        demo.summarize_state = state  # type: ignore[attr-defined]
        demo.summarize_limits = limits  # type: ignore[attr-defined]
        gr.Markdown(
            "## summarize — several Hindi news articles about one event, side by side\n"
            "Cleaned Hindi, English translation, per-article summaries by strategy, and a merged "
            "summary that says which source supports each sentence."
        )
        banner = gr.HTML(
            banner_html(state, initial, check=False)
            + '<div class="sm-msg sm-muted">Checking the models of this config…</div>',
            elem_id="sm-banner",
            js_on_load=None,
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=3):
                with gr.Row():
                    seed_btn = gr.Button(
                        f"Seed example: the {len(state.seeds)} bundled Hindi articles",
                        elem_id="sm-seed-btn",
                        variant="secondary",
                        size="sm",
                        visible=bool(state.seeds),
                    )
                files = gr.File(
                    label=f"Upload .txt / .jsonl files (at most {limits.max_articles} articles, {limits.max_upload_mb:g} MB)",
                    file_count="multiple",
                    file_types=UPLOAD_TYPES,
                    type="filepath",
                    elem_id="sm-files",
                    height=140,
                )
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
                        for i in range(max_boxes)
                    ]
                    with gr.Row():
                        add_btn = gr.Button("+ Add article box", size="sm", elem_id="sm-add")
                        del_btn = gr.Button("− Remove last box", size="sm", elem_id="sm-del")
            with gr.Column(scale=1, min_width=260):
                config_dd = gr.Dropdown(
                    choices=list(choices),
                    value=initial,
                    label="Config / profile",
                    elem_id="sm-config",
                )
                strat_choices = available_strategies(cfg0) if cfg0 else list(STRATEGIES)
                strategies = gr.CheckboxGroup(
                    choices=[(render.strategy_label(s), s) for s in strat_choices],
                    value=list(cfg0.summarization.strategies) if cfg0 else ["extractive"],
                    label="Strategies",
                    elem_id="sm-strategies",
                )
                with gr.Row():
                    run_btn = gr.Button("Run", variant="primary", elem_id="sm-run")
                    cancel_btn = gr.Button("Cancel", variant="stop", elem_id="sm-cancel")
                status = gr.HTML("", elem_id="sm-status", js_on_load=None)
        messages = gr.HTML("", elem_id="sm-messages", js_on_load=None)
        merged = gr.HTML(render.render_merged(None), elem_id="sm-merged-out", js_on_load=None)
        articles = gr.HTML(render.render_articles(None), elem_id="sm-articles-out", js_on_load=None)
        with gr.Tabs():
            with gr.Tab("Strategies side by side", id="strategies"):
                strategies_out = gr.HTML(
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

        # --- events ---
        seeds = [str(p) for p in state.seeds]
        seed_btn.click(lambda: seeds, outputs=files, api_name="load_seeds")

        def set_boxes(n: int) -> list[Any]:
            return [n, *[gr.update(visible=i < n) for i in range(max_boxes)]]

        add_btn.click(
            lambda n: set_boxes(min(max_boxes, int(n) + 1)),
            inputs=n_boxes,
            outputs=[n_boxes, *boxes],
            api_visibility="private",
        )

        def remove(n: int) -> list[Any]:
            n = max(1, int(n) - 1)
            out = set_boxes(n)
            out[1 + n] = gr.update(visible=False, value="")  # the box just hidden
            return out

        del_btn.click(remove, inputs=n_boxes, outputs=[n_boxes, *boxes], api_visibility="private")

        def on_config(label: str) -> tuple[Any, Any]:
            choice = state.config(label)
            if choice.config is None:
                return banner_html(state, label), gr.update()
            avail = available_strategies(choice.config)
            value = [s for s in choice.config.summarization.strategies if s in avail]
            return (
                banner_html(state, label),
                gr.update(choices=[(render.strategy_label(s), s) for s in avail], value=value),
            )

        config_dd.change(
            on_config, inputs=config_dd, outputs=[banner, strategies], api_visibility="private"
        )
        demo.load(
            lambda label: banner_html(state, label),
            inputs=config_dd,
            outputs=banner,
            api_visibility="private",
        )

        run_event = run_btn.click(
            make_runner(state),
            inputs=[files, *boxes, config_dd, strategies],
            outputs=[messages, status, merged, articles, strategies_out, downloads, result_json],
            api_name="run",
            concurrency_limit=int(limits.concurrency_limit),
            concurrency_id="summarize-run",
        )

        def on_cancel(request: gr.Request) -> str:
            state.cancel(getattr(request, "session_hash", None) or "default")
            return render.render_status({}, {}, state="cancelled", message="Cancelling…")

        cancel_btn.click(on_cancel, outputs=status, cancels=[run_event], api_visibility="private")

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
    return demo


def launch(
    config: str | Path | dict[str, Any] | Config | None = None,
    *,
    host: str | None = None,
    port: int | None = None,
    pipeline_factory: Callable[[Config], Any] | None = None,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
) -> gr.Blocks:
    """Build and serve the app.  Unset arguments come from the environment as Spaces sets it:
    ``SUMMARIZE_CONFIG``, ``GRADIO_SERVER_NAME``, ``GRADIO_SERVER_PORT``."""
    config = config or os.environ.get("SUMMARIZE_CONFIG") or "default"
    host = host or os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"
    port = int(port or os.environ.get("GRADIO_SERVER_PORT") or 7860)
    demo = build_app(config, pipeline_factory=pipeline_factory)
    limits = demo.summarize_limits  # type: ignore[attr-defined]
    demo.queue(default_concurrency_limit=int(limits.concurrency_limit), max_size=64)
    seeds_dir = SEEDS_DIR
    demo.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        show_error=True,
        max_file_size=f"{float(limits.max_upload_mb):g}mb",
        allowed_paths=[str(seeds_dir)] if seeds_dir.is_dir() else None,
        ssr_mode=False,
        css=APP_CSS,
        head=APP_JS,
        footer_links=["api", "gradio"],
    )
    return demo
