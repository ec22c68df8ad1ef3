"""The Run button: take the inputs, stream the pipeline, show the results as they come.

:func:`make_runner` returns the generator Gradio calls.  It refuses input the app cannot
take (:func:`summarize.app.inputs.gather_articles` raises an
:class:`~summarize.errors.InputError`) with that message and without starting the pipeline; otherwise
it runs :meth:`Pipeline.run_iter <summarize.pipeline.Pipeline.run_iter>` in a worker thread
(:func:`_stream`) and yields an :class:`Outputs` after each stage, and the article columns
again each time one more article is cleaned or translated, so the first article's text shows
within seconds and the merged summary and the other columns fill in while later stages run.  Closing the generator (the
Cancel button, a closed tab) sets the session's cancel event, which stops the pipeline.
"""

from __future__ import annotations

import copy
import json
import logging
import queue
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

import gradio as gr

from summarize.app import render
from summarize.app.inputs import gather_articles
from summarize.app.state import AppPipeline, AppState, available_strategies
from summarize.errors import InputError, SummarizeError
from summarize.ingest.records import FIELD_FLAGS
from summarize.pipeline.run import ARTICLE, TRANSLATION_OFF_NOTICE
from summarize.serialize import to_jsonable
from summarize.types import Article, RunResult, SkippedInput

if TYPE_CHECKING:
    from summarize.pipeline import ProgressEvent

log = logging.getLogger(__name__)


class Outputs(NamedTuple):
    """One update of the page, in the order of the Run event's outputs.

    A value is the new content, ``gr.skip()`` (leave as it is) or None (clear).
    """

    messages: object
    status: object
    merged: object
    articles: object
    strategies: object
    downloads: object
    json: object


N_OUTPUTS = len(Outputs._fields)


def halt(messages: object, status: object, json_out: object = None) -> Outputs:
    """Outputs of a run that stops early: results left as they are, downloads cleared."""
    return Outputs(messages, status, gr.skip(), gr.skip(), gr.skip(), None, json_out)


def failed(messages: object, status: object) -> Outputs:
    """Outputs of a run that failed: final and plain, the merged panel says so too (not
    "waiting for the merge stage", which reads as still running)."""
    merged = render.render_merged(None).replace(
        "No merged summary yet.", "No merged summary: the run failed (see the message above)."
    )
    return Outputs(messages, status, merged, gr.skip(), gr.skip(), None, None)


# --- running --------------------------------------------------------------------------------


def _stream(
    pipeline: AppPipeline,
    articles: list[Article],
    strategies: list[str] | None,
    cancel: threading.Event,
) -> Iterator[tuple[str, object]]:
    """Run ``pipeline.run_iter`` in a worker thread; yield its progress events and stages.

    Kinds: ``progress`` (a ProgressEvent), ``stage`` ((name, snapshot of the result)),
    ``done``, ``error`` (the exception), ``cancelled`` (the worker stopped after a cancel).
    """
    q: queue.Queue[tuple[str, object]] = queue.Queue()

    def on_progress(event: ProgressEvent) -> None:
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
    """The JSON, Markdown and HTML reports of ``result`` in a fresh temporary folder."""
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
    """Progress per stage (done/total/finished) and the latest message per article."""

    stages: dict[str, dict[str, int | bool]] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)

    def event(self, ev: ProgressEvent) -> str:
        stage = str(ev.stage or "run")
        st = self.stages.setdefault(stage, {"done": 0, "total": 0, "finished": False})
        st["done"] = int(ev.done or 0)
        st["total"] = int(ev.total or 0)
        aid, msg = ev.article_id, str(ev.message or "")
        if aid:
            self.articles[str(aid)] = f"{stage}: {msg}" if msg else stage
        count = f" {st['done']}/{st['total']}" if st["total"] else ""
        return f"{stage}{count}" + (f" — {aid}" if aid else "") + (f": {msg}" if msg else "")

    def finished(self, stage: str) -> None:
        st = self.stages.setdefault(str(stage), {"done": 0, "total": 0, "finished": False})
        st["finished"] = True


@dataclass
class _Run:
    """One press of Run, after its inputs were accepted: streams the pipeline into Outputs."""

    state: AppState
    label: str
    articles: list[Article]
    input_errors: list[SkippedInput]
    notices: list[str]
    strategies: list[str] | None
    cancel: threading.Event
    progress: gr.Progress
    prog: _Progress = field(default_factory=_Progress)
    last_status: float = 0.0

    def status(self, state: str, message: str) -> str:
        return render.render_status(
            self.prog.stages, self.prog.articles, state=state, message=message
        )

    def execute(self) -> Iterator[Outputs]:
        yield self._start()
        self.progress(0, desc="starting")
        result: RunResult | None = None
        completed = False
        try:
            pipeline = self.state.pipeline(self.label)
            for kind, payload in _stream(pipeline, self.articles, self.strategies, self.cancel):
                if kind == "progress":
                    update = self._on_progress(cast("ProgressEvent", payload))
                    if update is not None:
                        yield update
                elif kind == "stage":
                    stage, result = cast(tuple[str, RunResult], payload)
                    yield self._on_stage(stage, result)
                elif kind == "done":
                    completed = True
                elif kind == "cancelled" or (kind == "error" and self.cancel.is_set()):
                    break
                elif kind == "error":
                    yield self._on_error(cast(BaseException, payload))
                    return
        except SummarizeError as exc:
            messages = render.render_messages(notices=self.notices, problems=[str(exc)])
            yield failed(messages, self.status("error", "Failed: nothing was produced"))
            return
        finally:
            # Also reached when Gradio closes the generator (Cancel button, closed tab):
            # tell the pipeline to stop.
            if not completed:
                self.cancel.set()
        yield self._finish(result)

    def _start(self) -> Outputs:
        for a in self.articles:
            self.prog.articles[a.id] = "waiting"
        messages = render.render_messages(notices=self.notices, errors=self.input_errors)
        status = self.status("running", f"Running on {len(self.articles)} articles…")
        return Outputs(
            messages, status, render.render_merged(None), gr.skip(), gr.skip(), None, None
        )

    def _on_progress(self, event: ProgressEvent) -> Outputs | None:
        """Move the progress bar; redraw the status at most four times a second."""
        desc = self.prog.event(event)
        total, done = int(event.total or 0), int(event.done or 0)
        self.progress((done, total) if total else None, desc=desc)
        now = time.monotonic()
        if now - self.last_status <= 0.25:
            return None
        self.last_status = now
        skip = gr.skip()
        return Outputs(skip, self.status("running", desc), skip, skip, skip, skip, skip)

    def _on_stage(self, stage: str, result: RunResult) -> Outputs:
        if stage == ARTICLE:  # one more article's text or translation: show it, no stage ended
            skip = gr.skip()
            return Outputs(skip, skip, skip, render.render_articles(result), skip, skip, skip)
        self.prog.finished(stage)
        return Outputs(
            gr.skip(),
            self.status("running", f"{stage} done"),
            render.render_merged(result),
            render.render_articles(result),
            render.render_strategies(result),
            gr.skip(),
            gr.skip(),
        )

    def _on_error(self, exc: BaseException) -> Outputs:
        if isinstance(exc, SummarizeError):
            problem = str(exc)
        else:
            log.error("run failed", exc_info=exc)
            problem = f"The run failed: {type(exc).__name__}: {exc}"
        messages = render.render_messages(
            notices=self.notices, errors=self.input_errors, problems=[problem]
        )
        return failed(
            messages, self.status("error", "Failed: the run stopped (see the message above)")
        )

    def _finish(self, result: RunResult | None) -> Outputs:
        if self.cancel.is_set():
            return halt(gr.skip(), self.status("cancelled", "Cancelled"), gr.skip())
        if result is None:
            return halt(gr.skip(), self.status("error", "no result"))
        # the banner above already says that translation is off: not a second time here
        said = {*self.notices, TRANSLATION_OFF_NOTICE}
        notices = [*self.notices, *[n for n in result.notices if n not in said]]
        problems = []
        downloads: list[str] | None
        try:
            downloads = write_downloads(result)
        except Exception as exc:  # noqa: BLE001 - the results are still shown
            log.exception("writing the reports failed")
            downloads = None
            problems.append(f"Could not write the reports: {type(exc).__name__}: {exc}")
        timing = ", ".join(f"{k} {v:.1f}s" for k, v in result.timings.items())
        messages = render.render_messages(
            notices=notices, errors=[*self.input_errors, *result.errors], problems=problems
        )
        return Outputs(
            messages,
            self.status("done", f"Done ({timing})" if timing else "Done"),
            render.render_merged(result),
            render.render_articles(result),
            render.render_strategies(result),
            downloads,
            # the JSON view takes plain values only; default=str covers odd record metadata
            json.loads(json.dumps(to_jsonable(result), ensure_ascii=False, default=str)),
        )


def _prepare(
    state: AppState,
    session: str,
    progress: gr.Progress,
    inputs: tuple[object, ...],
) -> _Run | Outputs:
    """The run for the Run button's inputs, or the Outputs that refuse them."""
    # Hidden paste boxes are emptied when removed, so every non-empty box counts.
    files, urls, *texts, label, strategies = inputs[: len(inputs) - len(FIELD_FLAGS)]
    fields = {
        role: str(name).strip()
        for role, name in zip(FIELD_FLAGS, inputs[len(inputs) - len(FIELD_FLAGS) :], strict=True)
        if name and str(name).strip()
    }
    label = cast(str, label)
    wanted = cast(list[str], strategies or [])
    choice = state.config(label)
    if choice.config is None:
        return halt(render.render_messages(problems=[choice.error or "config error"]), "")
    cfg = choice.config
    allowed = available_strategies(cfg)
    dropped = [s for s in wanted if s not in allowed]
    try:
        articles, input_errors = gather_articles(
            files, cast(list[str], texts), cfg, urls=cast(str, urls or ""), fields=fields
        )
    except InputError as exc:
        return halt(render.render_messages(problems=[str(exc)]), "")
    notices: list[str] = []  # the config's own notices are in the banner above
    if dropped:
        notices.append(f"Not available with config '{cfg.name}' and skipped: {', '.join(dropped)}.")
    return _Run(
        state=state,
        label=label,
        articles=articles,
        input_errors=input_errors,
        notices=notices,
        strategies=[s for s in wanted if s in allowed] or None,
        cancel=state.cancel_event(session),
        progress=progress,
    )


def make_runner(state: AppState) -> Callable[..., Iterator[Outputs]]:
    """The generator behind the Run button (its inputs: files, the URL box, *paste boxes,
    config, strategies, then the record field names in the order of FIELD_FLAGS)."""

    def run(request: gr.Request, progress=gr.Progress(), *inputs: object) -> Iterator[Outputs]:  # noqa: B008
        session = getattr(request, "session_hash", None) or "default"
        prepared = _prepare(state, session, progress, inputs)
        if isinstance(prepared, Outputs):
            yield prepared
            return
        yield from prepared.execute()

    return run
