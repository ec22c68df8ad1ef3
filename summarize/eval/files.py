"""Line files, as evaluation tools read and write them: one segment a line, UTF-8.

Files are read as sacreBLEU's command line reads them (Post, 2018): UTF-8 (a BOM is
dropped), universal newlines, trailing whitespace stripped, the final newline not a segment.
A file that cannot be scored (missing, a directory, not UTF-8, no text at all, or a line
count that differs from its partner's) is an :class:`~summarize.errors.InputError` naming
the file, so the CLI can say which one to fix.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from summarize.errors import InputError

__all__ = ["check_parallel", "read_lines", "read_parallel", "write_lines"]


def _read_bytes(path: str | Path, role: str) -> tuple[Path, bytes]:
    p = Path(path)
    if str(path) == "-":  # standard input, as sacreBLEU reads a system output
        return Path("<stdin>"), sys.stdin.buffer.read()
    if not p.exists():
        raise InputError(f"{role} file '{p}' does not exist")
    if p.is_dir():
        raise InputError(f"{role} file '{p}' is a directory, not a text file")
    try:
        return p, p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {role} file '{p}': {exc.strerror or exc}") from None


def _decode(p: Path, data: bytes, role: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                f"{role} file '{p}' is UTF-16, not UTF-8; convert it, e.g. "
                f"`iconv -f utf-16 -t utf-8 '{p}'`"
            ) from None
        raise InputError(
            f"{role} file '{p}' is not valid UTF-8 (line {line}, byte {exc.start}: "
            f"{data[exc.start : exc.start + 1]!r}); convert it, e.g. `iconv -f <encoding> -t utf-8`"
        ) from None


def read_lines(path: str | Path, role: str = "file") -> list[str]:
    """Lines of a UTF-8 text file, one segment a line, trailing whitespace stripped.

    ``path`` "-" reads standard input.  ``role`` ("hypothesis", "reference", ...) only words
    the error messages.  A missing file, a directory, bytes that are not UTF-8 and a file
    with no text at all are :class:`InputError` naming the file (and, for bad bytes, the line).
    """
    p, data = _read_bytes(path, role)
    text = _decode(p, data, role).removeprefix("\ufeff")
    # Universal newlines, as Python's text mode (and so sacreBLEU's CLI) reads files; not
    # str.splitlines(), which would also split at U+2028, form feeds and the like.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line.rstrip() for line in lines]
    if not any(lines):
        raise InputError(f"{role} file '{p}' is empty (no text on any line)")
    return lines


def check_parallel(named: Sequence[tuple[str, Sequence[str]]]) -> None:
    """All streams have the same number of lines, else an error naming every file and count."""
    counts = {name: len(lines) for name, lines in named}
    if len(set(counts.values())) > 1:
        detail = ", ".join(f"'{name}' has {n}" for name, n in counts.items())
        raise InputError(f"files have different numbers of lines: {detail}")


def read_parallel(
    first: str | Path, role: str, refs: Sequence[str | Path]
) -> tuple[list[str], list[list[str]]]:
    """The lines of ``first`` (a hypothesis or source file) and of its line-aligned references."""
    if not refs:
        raise InputError("at least one reference file is needed")
    lines = read_lines(first, role)
    ref_lines = [read_lines(r, "reference") for r in refs]
    check_parallel(
        [(str(first), lines)] + [(str(r), rl) for r, rl in zip(refs, ref_lines, strict=True)]
    )
    return lines, ref_lines


def write_lines(path: Path, lines: Sequence[str]) -> None:
    """One line each, newline-terminated, UTF-8."""
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
