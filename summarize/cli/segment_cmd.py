"""``summarize segment``: split text into sentences, one per output line.

    summarize segment [--lang hi|en] [--blank-lines] [FILE|-]

Reads FILE (UTF-8, UTF-8 with BOM or UTF-16 with BOM) or standard input (``-`` or no FILE).
A newline in the input always ends a sentence; see :mod:`summarize.lang.segment` for the rules.
Exit 1 when the input cannot be read, 2 for usage errors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "segment",
        help="split Hindi or English text into sentences, one per line",
        description="Split text into sentences (Hindi: । ॥ | . ? !, English: . ? !), one per "
        "output line; abbreviations, initials, decimals and closing quotes are handled.",
    )
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="input file; - or none: stdin"
    )
    parser.add_argument("--lang", choices=("hi", "en"), default="hi", help="language (default: hi)")
    parser.add_argument(
        "--blank-lines",
        action="store_true",
        help="print an empty line between paragraphs (blank-line separated blocks of the input)",
    )
    parser.set_defaults(func=run)


def _read(path: str, err: TextIO) -> str | None:
    from summarize.ingest import DecodeError, decode_bytes
    from summarize.lang.script import normalize_text

    name = "stdin" if path == "-" else path
    try:
        if path == "-":
            stream = sys.stdin
            data = (
                stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
            )
        else:
            data = Path(path).read_bytes()
    except FileNotFoundError:
        print(f"summarize: {name}: no such file", file=err)
        return None
    except OSError as exc:
        print(f"summarize: {name}: cannot read: {exc.strerror or exc}", file=err)
        return None
    if not data:
        return ""
    try:
        text, _ = decode_bytes(data)
    except DecodeError as exc:
        print(f"summarize: {name}: {exc}", file=err)
        return None
    return normalize_text(text)


def run(args: Any, out: TextIO, err: TextIO) -> int:
    from summarize.lang.segment import split_paragraphs, split_sentences

    text = _read(args.file, err)
    if text is None:
        return 1
    paragraphs = split_paragraphs(text)
    for i, para in enumerate(paragraphs):
        if args.blank_lines and i:
            out.write("\n")
        for sentence in split_sentences(para, lang=args.lang):
            out.write(sentence + "\n")
    return 0
