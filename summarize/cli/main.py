"""Entry point of the ``summarize`` command.

Each subcommand lives in its own module under :mod:`summarize.cli` and exposes
``register(subparsers)`` (adds its parser and sets ``func``) and a ``run(args, out, err)``
that returns an exit code.  Argument handling is separate from running, as in sumy's
``__main__``, so tests call :func:`main` with an argument list and ``StringIO`` streams.

Exit codes: 0 every input processed, 1 some input or a model failed (the rest was still
printed), 2 usage errors.  A :class:`~summarize.errors.SummarizeError` is shown as its
message, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TextIO

from summarize import __version__
from summarize.errors import ConfigError, SummarizeError

# Subcommand modules, imported only to register their parsers (they import heavy
# dependencies lazily inside ``run``).
SUBCOMMANDS = ["clean", "segment", "translate", "models", "run", "eval", "app"]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() controls the exit code and streams."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(self, f"{self.prog}: error: {message}")


class _UsageError(Exception):
    """A usage error, with the parser (top level or subcommand) whose usage line to show."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="summarize",
        description="Hindi news -> clean text, English translation, attributed multi-source summaries.",
    )
    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"summarize.cli.{name}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name != f"summarize.cli.{name}_cmd":
                raise
            continue  # subcommand not built yet
        module.register(subparsers)
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except _UsageError as exc:
        exc.parser.print_usage(err)  # `summarize run ...` errors show run's usage
        print(exc, file=err)
        return 2
    except SystemExit as exc:  # --help / --version
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(out)
        return 2
    try:
        return int(args.func(args, out, err))
    except ConfigError as exc:
        print(f"summarize: configuration error:\n{exc}", file=err)
        return 2
    except SummarizeError as exc:
        print(f"summarize: error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("summarize: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
