"""``summarize run``: the batch job over files, directories, JSONL/CSV/Parquet records.

    summarize run INPUT... --config C --out DIR [--strategy S ...] [--group-by FIELD]
                  [--no-cache] [--cache-dir DIR] [--format json|md|html|jsonl|parquet ...]

Articles are grouped into events (``--group-by event`` groups records by their ``event``
field; without it all inputs are one event), each event is summarised and merged, and the
outputs are written atomically under ``--out`` (see :mod:`summarize.runners.local`).  A rerun after an
interruption resumes.  Progress bars go to stderr.  Exit 0 when every input was processed,
1 when some input failed (the rest completed) or a model is unavailable, 2 for usage errors.
"""

from __future__ import annotations

import argparse
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

from summarize.runners.local import FORMATS
from summarize.strategies.registry import STRATEGY_NAMES

if TYPE_CHECKING:  # pragma: no cover
    from rich.progress import Progress, TaskID

    from summarize.pipeline import ProgressEvent


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
        help=".txt files, directories, .jsonl/.json/.csv/.parquet",
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
        help="record field that names the event (e.g. event, cluster); default: all inputs are one event",
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


OFFLINE_HINT = (
    "hint: `--config configs/offline.yaml` needs no download at all "
    "(Hindi extractive summaries, translation off)."
)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from summarize.errors import ModelUnavailableError
    from summarize.runners.local import run_batch

    formats = list(dict.fromkeys(args.formats)) if args.formats else list(FORMATS)
    try:
        with _Progress(err, args.quiet) as progress:
            result = run_batch(
                args.inputs,
                config=args.config,
                out_dir=args.out,
                strategies=args.strategies,
                group_by=args.group_by,
                use_cache=False if args.no_cache else None,
                cache_dir=args.cache_dir,
                formats=formats,
                progress=progress,
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
