"""The local batch runner: many articles, grouped into events, one merged summary per event.

``run_batch(inputs, config=..., out_dir=...)`` reads every input, groups the articles into
events (:mod:`summarize.group`: by a record field such as ``event`` or ``cluster``, found in
the feed with ``group_by="auto"`` (:mod:`summarize.grouping`; ``events.jsonl`` then lists each
event's members with the similarity that put them there), or all
inputs as one event, named after its titles' shared words by :mod:`summarize.event_names`), runs the :class:`~summarize.pipeline.Pipeline` on each event in this
process and writes::

    OUT/manifest.json            what was run: config, events, their files, error count
    OUT/articles.jsonl           one row per article (all events), through `datasets`
    OUT/articles.parquet         the same rows as Parquet
    OUT/events.jsonl             one row per event: its merged summary with attribution
    OUT/errors.jsonl             inputs that could not be read or processed, one per line
    OUT/events/<event>/result.json   the full typed result (versioned JSON, see report/)
    OUT/events/<event>/summary.md    Markdown report
    OUT/events/<event>/report.html   self-contained HTML report
    OUT/events/<event>/.done         the event's fingerprint, written last

The rows are the views of :mod:`summarize.serialize` (``article_row``, ``event_row``,
``error_row``).  Every file is written atomically (temporary file + rename).  An event counts
as done only when its ``.done`` marker holds the fingerprint of its articles and the config;
a rerun after an interruption skips the events that are done, recomputes the others (the
stage cache makes their finished stages instant) and rebuilds the aggregate files from the
per-event results, so nothing is lost or written twice.  One unreadable record is reported
in ``errors.jsonl`` and the others complete.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.cache import atomic_write_text, content_hash, replace_atomically
from summarize.config import Config, load_config
from summarize.errors import SummarizeError
from summarize.event_names import content_event_name
from summarize.group import AUTO, group_articles, group_auto, no_field_event
from summarize.grouping import GroupingOptions
from summarize.lang.script import DEVANAGARI_WORD
from summarize.pipeline import Pipeline, ProgressEvent
from summarize.report import from_json, to_html, to_json, to_markdown
from summarize.serialize import article_row, error_row, event_row
from summarize.types import SCHEMA_VERSION, Article, RunResult, SkippedInput

__all__ = ["FORMATS", "BatchProgress", "BatchResult", "EventOutcome", "run_batch"]

FORMATS = ("json", "md", "html", "jsonl", "parquet")
EVENT_FILES = {"json": "result.json", "md": "summary.md", "html": "report.html"}

# event, index, n_events, stage event (None when the event is finished)
BatchProgress = Callable[[str, int, int, ProgressEvent | None], None]


@dataclass
class EventOutcome:
    name: str
    slug: str
    article_ids: list[str]
    status: str  # done | resumed | failed
    message: str = ""


@dataclass
class BatchResult:
    out_dir: Path
    events: list[EventOutcome] = field(default_factory=list)
    errors: list[SkippedInput] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # executor counters (the Ray runner: articles sent, returned, duplicates dropped, recomputed)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors or any(e.status == "failed" for e in self.events) else 0


def _slugs(names: Sequence[str]) -> dict[str, str]:
    """Event name -> a directory name; a hash suffix when the name had to change or repeats."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        # word characters of any script, with Devanagari's vowel signs (not in \w)
        safe = re.sub(rf"[^\w{DEVANAGARI_WORD}.-]+", "_", name).strip("._")[:60] or "event"
        slug = safe
        if slug != name or slug.lower() in used:
            slug = f"{safe}-{content_hash(name)[:8]}"
        used.add(slug.lower())
        out[name] = slug
    return out


def event_fingerprint(config: Config, strategies: list[str], articles: Sequence[Article]) -> str:
    """What an event's outputs depend on; cache and app settings do not change them."""
    cfg = config.model_dump(mode="json")
    cfg.pop("cache", None)
    cfg.pop("app", None)
    return content_hash(SCHEMA_VERSION, cfg, strategies, list(articles))


# --- writers ------------------------------------------------------------------------------


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def _write_dataset(path: Path, rows: list[dict[str, Any]], fmt: str) -> None:
    """Write rows through `datasets` (JSONL or Parquet), atomically."""
    from datasets import Dataset, disable_progress_bars

    disable_progress_bars()  # our own progress goes to stderr; theirs is noise here
    ds = Dataset.from_list(rows) if rows else Dataset.from_dict({})
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        if fmt == "parquet":
            ds.to_parquet(tmp)
        else:
            ds.to_json(tmp, lines=True, force_ascii=False)
        replace_atomically(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _write_event_reports(
    event_dir: Path, run_result: RunResult, name: str, formats: Sequence[str]
) -> None:
    """result.json always (resume reads it), the other reports as asked."""
    atomic_write_text(event_dir / EVENT_FILES["json"], to_json(run_result))
    title = f"Event: {name}"
    if "md" in formats:
        atomic_write_text(event_dir / EVENT_FILES["md"], to_markdown(run_result, title=title))
    if "html" in formats:
        html = to_html(run_result, title=title)
        atomic_write_text(event_dir / EVENT_FILES["html"], html)


def _write_aggregates(
    out: Path,
    results: Mapping[str, RunResult],
    errors: list[SkippedInput],
    formats: Sequence[str],
    members: Mapping[str, object] | None = None,
) -> None:
    """``members``: event -> its memberships under ``--group-by auto`` (in ``events.jsonl``)."""
    rows = [article_row(name, ar) for name, r in results.items() for ar in r.articles]
    if "jsonl" in formats:
        _write_dataset(out / "articles.jsonl", rows, "jsonl")
        events = [event_row(name, r, (members or {}).get(name)) for name, r in results.items()]
        _write_jsonl(out / "events.jsonl", events)
    if "parquet" in formats:
        _write_dataset(out / "articles.parquet", rows, "parquet")
    _write_jsonl(out / "errors.jsonl", [error_row(e) for e in errors])


# --- the runner -----------------------------------------------------------------------------


class _Batch:
    """One batch run: the pipeline, where it writes, and what it has done so far."""

    def __init__(
        self,
        pipe: Pipeline,
        strategies: list[str],
        *,
        out: Path,
        group_by: str | None,
        formats: Sequence[str],
        progress: BatchProgress | None,
        fields: Mapping[str, str] | None = None,
        grouping: GroupingOptions | None = None,
    ) -> None:
        self.pipe = pipe
        self.fields = fields
        self.grouping = grouping
        self.members: dict[str, object] = {}
        self.strategies = strategies
        self.out = out
        self.group_by = group_by
        self.formats = formats
        self.progress = progress
        self.result = BatchResult(out_dir=out)
        self.results: dict[str, RunResult] = {}
        self.manifest_events: list[dict[str, Any]] = []
        self.n_articles = 0
        self.n_events = 0

    def write_manifest(self, complete: bool) -> None:
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "config": self.pipe.config.name,
            "strategies": self.strategies,
            "group_by": self.group_by,
            "formats": list(self.formats),
            "events": self.manifest_events,
            "n_articles": self.n_articles,
            "n_errors": len(self.result.errors),
            "complete": complete,
        }
        text = json.dumps(manifest, ensure_ascii=False, indent=2)
        atomic_write_text(self.out / "manifest.json", text)

    def run(self, inputs: Sequence[str | Path | Article]) -> BatchResult:
        articles, errors = self.pipe.ingest(list(inputs), fields=self.fields)
        self.n_articles = len(articles)
        self.result.errors.extend(errors)
        groups = self.group(articles)
        if not self.group_by and articles:  # one event: named after what it is about
            groups = {content_event_name(articles, self.pipe.config.clean): articles}
        if self.group_by and no_field_event(self.group_by) in groups:
            self.result.notices.append(
                f"some articles have no `{self.group_by}` field; "
                f"they form the event '{no_field_event(self.group_by)}'"
            )
        slugs = _slugs(list(groups))
        self.n_events = len(groups)
        self.before_events(groups, slugs)
        for index, (name, members) in enumerate(groups.items()):
            self.event(index, name, slugs[name], members)
            self.write_manifest(False)
        _write_aggregates(self.out, self.results, self.result.errors, self.formats, self.members)
        for r in self.results.values():
            for notice in r.notices:
                if notice not in self.result.notices:
                    self.result.notices.append(notice)
        self.write_manifest(True)
        return self.result

    def before_events(self, groups: Mapping[str, list[Article]], slugs: Mapping[str, str]) -> None:
        """A hook before the events run (the Ray runner computes their stages here)."""

    def is_done(self, slug: str, members: Sequence[Article]) -> bool:
        """Whether the event's ``.done`` marker says its outputs are complete for ``members``."""
        marker = self.out / "events" / slug / ".done"
        fingerprint = event_fingerprint(self.pipe.config, self.strategies, members)
        return marker.is_file() and marker.read_text(encoding="utf-8").strip() == fingerprint

    def group(self, articles: list[Article]) -> dict[str, list[Article]]:
        """Events by a field, or found in the feed (``--group-by auto``, with memberships)."""
        if self.group_by != AUTO:
            return group_articles(articles, self.group_by)
        groups, events = group_auto(articles, self.pipe.clean, self.pipe.embedder(), self.grouping)
        self.members = {name: event.members for name, event in events.items()}
        return groups

    def event(self, index: int, name: str, slug: str, members: list[Article]) -> None:
        """Resume or run one event and record its outcome."""
        event_dir = self.out / "events" / slug
        fingerprint = event_fingerprint(self.pipe.config, self.strategies, members)
        ids = [a.id for a in members]
        run_result = _resume(event_dir, fingerprint)
        status = "resumed" if run_result is not None else "done"
        if run_result is None:
            try:
                run_result = self.compute(index, name, members)
            except SummarizeError:
                raise  # models and configuration: every event would fail the same way
            except Exception as exc:  # noqa: BLE001 - one event's bug must not lose the others
                msg = f"{type(exc).__name__}: {exc}"
                self.result.errors.append(SkippedInput(name, "event", msg))
                self.result.events.append(EventOutcome(name, slug, ids, "failed", msg))
                self.manifest_events.append(
                    {"event": name, "slug": slug, "articles": ids, "status": "failed"}
                )
                return
            _write_event_reports(event_dir, run_result, name, self.formats)
            atomic_write_text(event_dir / ".done", fingerprint)  # the marker last
        self.result.errors.extend(run_result.errors)
        self.results[name] = run_result
        self.result.events.append(EventOutcome(name, slug, ids, status))
        files = [
            f"events/{slug}/{EVENT_FILES[f]}"
            for f in ("json", "md", "html")
            if f == "json" or f in self.formats
        ]
        self.manifest_events.append(
            {
                "event": name,
                "slug": slug,
                "articles": [a.article.id for a in run_result.articles],
                "status": "done",
                "files": files,
            }
        )
        if self.progress:
            self.progress(name, index + 1, self.n_events, None)

    def compute(self, index: int, name: str, members: list[Article]) -> RunResult:
        def stage_progress(ev: ProgressEvent) -> None:
            if self.progress:
                self.progress(name, index, self.n_events, ev)

        return self.pipe.run(members, strategies=self.strategies, progress=stage_progress)


def _resume(event_dir: Path, fingerprint: str) -> RunResult | None:
    """The event's saved result when its ``.done`` marker matches ``fingerprint``."""
    marker = event_dir / ".done"
    if not marker.is_file() or marker.read_text(encoding="utf-8").strip() != fingerprint:
        return None
    try:
        return from_json((event_dir / EVENT_FILES["json"]).read_text(encoding="utf-8"))
    except (OSError, SummarizeError):
        return None


def run_batch(
    inputs: Sequence[str | Path | Article],
    *,
    config: Config | str | Path | dict[str, Any] = "default",
    out_dir: str | Path,
    strategies: list[str] | None = None,
    group_by: str | None = None,
    use_cache: bool | None = None,
    cache_dir: str | Path | None = None,
    formats: Sequence[str] = FORMATS,
    progress: BatchProgress | None = None,
    pipeline: Pipeline | None = None,
    fields: Mapping[str, str] | None = None,
    grouping: GroupingOptions | None = None,
    batch_class: type[_Batch] | None = None,
) -> BatchResult:
    """Run every event of ``inputs`` and write the outputs under ``out_dir`` (see module doc).

    ``fields`` names the record fields that hold the text, id, title and date when they are
    not called so (``{"text": "body"}``, the CLI's ``--text-field body``).  ``group_by="auto"``
    finds the events in the feed (:mod:`summarize.grouping`, with ``grouping``'s settings).
    ``batch_class``: the batch that runs the stages (:mod:`summarize.runners.ray`'s for Ray).

    Raises :class:`~summarize.errors.ModelUnavailableError` before anything is written when a
    model the run needs cannot be loaded.
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise SummarizeError(f"unknown output format '{bad[0]}'; allowed: {', '.join(FORMATS)}")
    pipe = pipeline or Pipeline(load_config(config), use_cache=use_cache, cache_dir=cache_dir)
    chosen = pipe.resolve_strategies(strategies)
    pipe.require_models(chosen)
    batch = (batch_class or _Batch)(
        pipe,
        chosen,
        out=Path(out_dir),
        group_by=group_by,
        formats=formats,
        progress=progress,
        fields=fields,
        grouping=grouping,
    )
    return batch.run(inputs)
