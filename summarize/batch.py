"""Batch runs: many articles, grouped into events, one merged summary per event, files out.

``run_batch(inputs, config=..., out_dir=...)`` reads every input, groups the articles into
events (by a record field such as ``event`` or ``cluster``, or all inputs as one event), runs
the :class:`~summarize.pipeline.Pipeline` on each event and writes::

    OUT/manifest.json            what was run: config, events, their files, error count
    OUT/articles.jsonl           one row per article (all events), through `datasets`
    OUT/articles.parquet         the same rows as Parquet
    OUT/events.jsonl             one row per event: its merged summary with attribution
    OUT/errors.jsonl             inputs that could not be read or processed, one per line
    OUT/events/<event>/result.json   the full typed result (versioned JSON, see report.py)
    OUT/events/<event>/summary.md    Markdown report
    OUT/events/<event>/report.html   self-contained HTML report
    OUT/events/<event>/.done         the event's fingerprint, written last

Every file is written atomically (temporary file + rename).  An event counts as done only
when its ``.done`` marker holds the fingerprint of its articles and the config; a rerun after
an interruption skips the events that are done, recomputes the others (the stage cache makes
their finished stages instant) and rebuilds the aggregate files from the per-event results,
so nothing is lost or written twice.  One unreadable record is reported in ``errors.jsonl``
and the others complete.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.cache import atomic_write_text, content_hash, to_json_ready
from summarize.config import Config, load_config
from summarize.errors import SummarizeError
from summarize.pipeline import Pipeline, ProgressEvent
from summarize.report import from_json, to_html, to_json, to_markdown
from summarize.types import SCHEMA_VERSION, Article, InputError, RunResult

FORMATS = ("json", "md", "html", "jsonl", "parquet")
EVENT_FILES = {"json": "result.json", "md": "summary.md", "html": "report.html"}
ALL_INPUTS_EVENT = "all"

BatchProgress = Callable[
    [str, int, int, ProgressEvent | None], None
]  # event, index, n_events, stage event


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
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors or any(e.status == "failed" for e in self.events) else 0


# --- grouping -------------------------------------------------------------------------------


def event_of(article: Article, group_by: str | None) -> str | None:
    if not group_by:
        return ALL_INPUTS_EVENT
    value = article.meta.get(group_by)
    if value is None and group_by in ("title", "date", "url", "source"):
        value = getattr(article, group_by)
    if value is None or str(value).strip() == "":
        return None
    return str(value).strip()


def group_articles(articles: Sequence[Article], group_by: str | None) -> dict[str, list[Article]]:
    """Event name -> its articles, events in order of first appearance."""
    groups: dict[str, list[Article]] = {}
    for a in articles:
        name = event_of(a, group_by)
        if name is None:
            name = f"(no {group_by})"
        groups.setdefault(name, []).append(a)
    return groups


def _slugs(names: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        safe = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("._")[:60] or "event"
        slug = safe
        if slug != name or slug.lower() in used:
            slug = f"{safe}-{content_hash(name)[:8]}"
        used.add(slug.lower())
        out[name] = slug
    return out


# --- per-article and per-event rows ---------------------------------------------------------


def article_rows(event: str, result: RunResult) -> list[dict[str, Any]]:
    """Flat rows (one per article) for JSONL / Parquet: strings, ints and JSON strings only."""
    from summarize.config import STRATEGIES

    rows = []
    for ar in result.articles:
        art = ar.article
        row: dict[str, Any] = {
            "event": event,
            "article_id": art.id,
            "source": art.source,
            "title": art.title,
            "date": art.date,
            "url": art.url,
            "lang": art.lang,
            "n_sentences": len(art.sentences()),
            "clean_text": art.text,
            "translation": ar.translation.text if ar.translation is not None else None,
            "translation_model": ar.translation.model if ar.translation is not None else None,
            "missing_numbers": json.dumps(
                [
                    {"paragraph": p.paragraph, "sentence": p.sentence, "numbers": p.missing_numbers}
                    for p in (ar.translation.pairs if ar.translation else [])
                    if p.missing_numbers
                ],
                ensure_ascii=False,
            ),
            "removed": json.dumps(
                [{"text": r.text, "reason": r.reason} for r in art.removed], ensure_ascii=False
            ),
        }
        by_strategy = {s.strategy: s for s in ar.summaries}
        for strategy in STRATEGIES:
            s = by_strategy.get(strategy)
            col = strategy.replace("-", "_")
            row[f"summary_{col}"] = s.text if s else None
            row[f"summary_{col}_lang"] = s.lang if s else None
        row["summaries"] = json.dumps(to_json_ready(ar.summaries), ensure_ascii=False)
        rows.append(row)
    return rows


def event_row(event: str, result: RunResult) -> dict[str, Any]:
    merged = result.merged
    return {
        "event": event,
        "n_articles": len(result.articles),
        "article_ids": [a.article.id for a in result.articles],
        "merged_lang": merged.lang if merged else None,
        "merged_text": merged.text if merged else None,
        "merged": to_json_ready(merged) if merged else None,
        "notices": result.notices,
    }


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
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _error_row(e: InputError) -> dict[str, Any]:
    return {"source": e.source, "where": e.where, "message": e.message}


# --- the runner -----------------------------------------------------------------------------


def event_fingerprint(config: Config, strategies: list[str], articles: Sequence[Article]) -> str:
    cfg = config.model_dump(mode="json")
    cfg.pop("cache", None)
    cfg.pop("app", None)
    return content_hash(SCHEMA_VERSION, cfg, strategies, list(articles))


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
) -> BatchResult:
    """Run every event of ``inputs`` and write the outputs under ``out_dir`` (see module doc).

    Raises :class:`~summarize.errors.ModelUnavailableError` before anything is written when a
    model the run needs cannot be loaded.
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise SummarizeError(f"unknown output format '{bad[0]}'; allowed: {', '.join(FORMATS)}")
    pipe = pipeline or Pipeline(load_config(config), use_cache=use_cache, cache_dir=cache_dir)
    strategies = pipe.resolve_strategies(strategies)
    pipe.require_models(strategies)

    out = Path(out_dir)
    result = BatchResult(out_dir=out)
    articles, errors = pipe.ingest(list(inputs))
    result.errors.extend(errors)
    groups = group_articles(articles, group_by)
    if group_by and any(name == f"(no {group_by})" for name in groups):
        result.notices.append(
            f"some articles have no `{group_by}` field; they form the event '(no {group_by})'"
        )
    slugs = _slugs(list(groups))

    results: dict[str, RunResult] = {}
    manifest_events: list[dict[str, Any]] = []
    n_events = len(groups)

    def write_manifest(complete: bool) -> None:
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "config": pipe.config.name,
            "strategies": strategies,
            "group_by": group_by,
            "formats": list(formats),
            "events": manifest_events,
            "n_articles": len(articles),
            "n_errors": len(result.errors),
            "complete": complete,
        }
        atomic_write_text(out / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))

    for index, (name, members) in enumerate(groups.items()):
        slug = slugs[name]
        event_dir = out / "events" / slug
        fingerprint = event_fingerprint(pipe.config, strategies, members)
        marker = event_dir / ".done"
        ids = [a.id for a in members]
        run_result: RunResult | None = None
        status = "done"
        if marker.is_file() and marker.read_text(encoding="utf-8").strip() == fingerprint:
            try:
                run_result = from_json((event_dir / "result.json").read_text(encoding="utf-8"))
                status = "resumed"
            except (OSError, SummarizeError):
                run_result = None
        if run_result is None:

            def stage_progress(ev: ProgressEvent, _name: str = name, _i: int = index) -> None:
                if progress:
                    progress(_name, _i, n_events, ev)

            try:
                run_result = pipe.run(members, strategies=strategies, progress=stage_progress)
            except SummarizeError:
                raise  # models and configuration: every event would fail the same way
            except Exception as exc:  # noqa: BLE001 - one event's bug must not lose the others
                msg = f"{type(exc).__name__}: {exc}"
                result.errors.append(InputError(name, "event", msg))
                result.events.append(EventOutcome(name, slug, ids, "failed", msg))
                manifest_events.append(
                    {"event": name, "slug": slug, "articles": ids, "status": "failed"}
                )
                write_manifest(False)
                continue
            # result.json always (resume reads it), the other reports as asked; the marker last
            atomic_write_text(event_dir / "result.json", to_json(run_result))
            if "md" in formats:
                atomic_write_text(event_dir / EVENT_FILES["md"], to_markdown(run_result))
            if "html" in formats:
                atomic_write_text(
                    event_dir / EVENT_FILES["html"], to_html(run_result, title=f"Event: {name}")
                )
            atomic_write_text(marker, fingerprint)
        result.errors.extend(run_result.errors)
        results[name] = run_result
        result.events.append(EventOutcome(name, slug, ids, status))
        manifest_events.append(
            {
                "event": name,
                "slug": slug,
                "articles": [a.article.id for a in run_result.articles],
                "status": "done",
                "files": [
                    f"events/{slug}/{EVENT_FILES[f]}"
                    for f in ("json", "md", "html")
                    if f == "json" or f in formats
                ],
            }
        )
        if progress:
            progress(name, index + 1, n_events, None)
        write_manifest(False)

    rows = [row for name, r in results.items() for row in article_rows(name, r)]
    if "jsonl" in formats:
        _write_dataset(out / "articles.jsonl", rows, "jsonl")
        _write_jsonl(out / "events.jsonl", [event_row(name, r) for name, r in results.items()])
    if "parquet" in formats:
        _write_dataset(out / "articles.parquet", rows, "parquet")
    _write_jsonl(out / "errors.jsonl", [_error_row(e) for e in result.errors])
    for r in results.values():
        for notice in r.notices:
            if notice not in result.notices:
                result.notices.append(notice)
    write_manifest(True)
    return result
