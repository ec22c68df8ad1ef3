"""``summarize run``: the batch job over files, directories, JSONL/CSV/Parquet records,
saved HTML pages, URLs and RSS/Atom feeds (:mod:`summarize.ingest.web`).

    summarize run INPUT... --config C --out DIR [--strategy S ...] [--group-by FIELD]
                  [--no-cache] [--cache-dir DIR] [--format json|md|html|jsonl|parquet ...]
                  [--text-field FIELD] [--id-field FIELD] [--title-field FIELD] [--date-field FIELD]
                  [--allow-loopback] [--window-days DAYS] [--executor local|ray [--address ADDR]]

Articles are grouped into events (``--group-by event`` groups records by their ``event``
field; without it all inputs are one event), each event is summarised and merged, and the
outputs are written atomically under ``--out`` (see :mod:`summarize.runners.local`).  A rerun after an
interruption resumes.  Progress bars go to stderr.  Exit 0 when every input was processed,
1 when some input failed (the rest completed) or a model is unavailable, 2 for usage errors
and for an input path that does not exist (checked first: nothing is written).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from summarize.cli.fetch_opts import add_fetch_options, with_fetch_options
from summarize.cli.fields import add_field_options, field_names
from summarize.errors import OFFLINE_ALTERNATIVE
from summarize.runners.local import FORMATS
from summarize.strategies.registry import STRATEGY_NAMES

if TYPE_CHECKING:  # pragma: no cover
    from rich.progress import Progress, TaskID

    from summarize.pipeline import ProgressEvent
    from summarize.types import SkippedInput


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "run",
        help="summarise articles in batch: per-article and merged summaries, reports on disk",
        description="Read articles, group them into events, and write per-article summaries, "
        "a merged multi-source summary per event, and JSON/Markdown/HTML/JSONL/Parquet reports.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".txt/.html files, directories, .jsonl/.json/.csv/.parquet, .rss/.atom feeds, "
        "http(s) URLs of pages or feeds",
    )
    parser.add_argument(
        "--config", default="default", help="config file or name in configs/ (default: default)"
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="output directory")
    parser.add_argument(
        "--strategy",
        action="append",
        choices=STRATEGY_NAMES,
        dest="strategies",
        metavar="S",
        help=f"summarisation strategy (repeatable; default: the config's). One of: {', '.join(STRATEGY_NAMES)}",
    )
    parser.add_argument(
        "--group-by",
        metavar="FIELD",
        help="record field that names the event (e.g. event, cluster), or `auto`: find the "
        "events in the feed by online clustering; default: all inputs are one event",
    )
    parser.add_argument(
        "--window-days",
        type=_days,
        metavar="DAYS",
        help="with --group-by auto: an event goes stale DAYS after its members' mean "
        "publication time (default: 2; 0: no window)",
    )
    parser.add_argument(
        "--executor",
        choices=("local", "ray"),
        default="local",
        help="run the events in this process (local, default) or on Ray Data (ray; needs "
        "the `ray` extra)",
    )
    parser.add_argument(
        "--address",
        metavar="ADDR",
        help="with --executor ray: an existing Ray cluster (default: start a local Ray)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="do not read or write the stage cache"
    )
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="stage cache directory (default: config cache.dir)"
    )
    parser.add_argument(
        "--format",
        action="append",
        choices=FORMATS,
        dest="formats",
        metavar="F",
        help=f"outputs to write (repeatable; default: all). One of: {', '.join(FORMATS)}",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress output")
    add_field_options(parser)
    add_fetch_options(parser)
    parser.set_defaults(func=run)


class _Progress:
    """Progress on stderr: rich bars on a terminal, one line per finished stage otherwise."""

    def __init__(self, err: TextIO, quiet: bool) -> None:
        self.err = err
        self.quiet = quiet
        self.live = not quiet and hasattr(err, "isatty") and err.isatty()
        self._bars: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        self._last: tuple[str, str] | None = None

    def __enter__(self) -> _Progress:
        if self.live:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bars = Progress(
                TextColumn("{task.description:<34}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(file=self.err),
                transient=False,
            )
            self._bars.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bars is not None:
            self._bars.__exit__(exc_type, exc, tb)

    def __call__(self, event: str, index: int, n_events: int, stage: ProgressEvent | None) -> None:
        if self.quiet:
            return
        if stage is None:  # an event finished
            if self._bars is not None:
                task = self._task(self._bars, "events", n_events)
                self._bars.update(task, completed=index)
            else:
                print(f"[{index}/{n_events}] event '{event}' done", file=self.err)
            return
        label = f"{event}: {stage.stage}"
        if self._bars is not None:
            task = self._task(self._bars, label, max(stage.total, 1))
            self._bars.update(task, completed=stage.done, total=max(stage.total, 1))
        elif stage.total and stage.done >= stage.total and self._last != (event, stage.stage):
            self._last = (event, stage.stage)
            extra = f" ({stage.message})" if stage.message else ""
            print(f"  {label} {stage.done}/{stage.total}{extra}", file=self.err)

    def _task(self, bars: Progress, label: str, total: int) -> TaskID:
        if label not in self._tasks:
            self._tasks[label] = bars.add_task(label, total=total)
        return self._tasks[label]


OFFLINE_HINT = f"hint: {OFFLINE_ALTERNATIVE}"


def _missing_inputs(inputs: list[str]) -> list[SkippedInput]:
    """The input paths that do not exist (URLs and ``-`` are not paths)."""
    from summarize.ingest.fetch import is_url
    from summarize.ingest.readers import missing_input

    return [
        missing_input(item)
        for item in inputs
        if item != "-" and not is_url(item) and not Path(item).exists()
    ]


def _config(args: argparse.Namespace) -> Any:
    """The config name, or the loaded config with ``--allow-loopback`` applied."""
    if not getattr(args, "allow_loopback", False):
        return args.config
    from summarize.config import load_config

    return with_fetch_options(load_config(args.config), True)


def _days(text: str) -> float:
    """``--window-days``: a number of days >= 0 (0: no window)."""
    try:
        days = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days") from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"{text}: the window cannot be negative (0: no window)")
    return days


def _runner(args: argparse.Namespace, err: TextIO) -> Any:
    """``run_batch`` of the chosen executor; None (after saying why) when it cannot run."""
    if args.executor == "local":
        if args.address:
            print("summarize run: error: --address needs --executor ray", file=err)
            return None
        from summarize.runners.local import run_batch

        return run_batch
    from summarize.errors import MissingDependencyError

    try:
        from summarize.runners.ray import ray_run_batch, require_ray

        require_ray()
    except MissingDependencyError as exc:
        print(f"summarize run: error: {exc}", file=err)
        return None
    return lambda *a, **kw: ray_run_batch(*a, address=args.address, **kw)


def _grouping(args: argparse.Namespace) -> dict[str, Any]:
    """``grouping=`` for ``--group-by auto`` with ``--window-days``; nothing otherwise."""
    if args.window_days is None:
        return {}
    from summarize.grouping import GroupingOptions

    return {"grouping": GroupingOptions(window_days=args.window_days or None)}


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.errors import ModelUnavailableError

    formats = list(dict.fromkeys(args.formats)) if args.formats else list(FORMATS)
    runner = _runner(args, err)
    if runner is None:
        return 2
    missing = _missing_inputs(args.inputs)
    if missing:  # a typo in a path: say so before anything is written (no empty --out)
        for m in missing:
            print(f"summarize run: error: {m.source} ({m.where}): {m.message}", file=err)
        return 2
    try:
        with _Progress(err, args.quiet) as progress:
            result = runner(
                args.inputs,
                config=_config(args),
                out_dir=args.out,
                strategies=args.strategies,
                group_by=args.group_by,
                use_cache=False if args.no_cache else None,
                cache_dir=args.cache_dir,
                formats=formats,
                progress=progress,
                fields=field_names(args),
                **_grouping(args),
            )
    except ModelUnavailableError as exc:
        # Never a silent fallback: say what is missing, and that the offline config exists.
        print(f"summarize: error: {exc}", file=err)
        print(OFFLINE_HINT, file=err)
        return 1
    for notice in result.notices:
        print(f"note: {notice}", file=err)
    for e in result.errors:
        print(f"error: {e.source} ({e.where}): {e.message}", file=err)
    n_articles = sum(len(e.article_ids) for e in result.events)
    resumed = sum(1 for e in result.events if e.status == "resumed")
    failed = sum(1 for e in result.events if e.status == "failed")
    parts = [f"{len(result.events)} event(s)", f"{n_articles} article(s)"]
    if resumed:
        parts.append(f"{resumed} event(s) already done")
    if failed:
        parts.append(f"{failed} event(s) failed")
    if result.errors:
        parts.append(f"{len(result.errors)} error(s) in {result.out_dir / 'errors.jsonl'}")
    print(f"wrote {result.out_dir}: " + ", ".join(parts), file=out)
    return result.exit_code
