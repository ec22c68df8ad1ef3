"""Read articles from the forms users have them in.

Inputs (a path, a list of paths, or a ``datasets.Dataset`` / ``DatasetDict``):

* ``.txt`` (or any other suffix): the whole file is one article, id = file stem;
* ``.html``/``.htm`` pages, ``http(s)://`` URLs and RSS/Atom feeds (``.rss``, ``.atom``, an
  ``.xml`` file that is a feed, a feed URL): :mod:`summarize.ingest.web` (main text, title,
  author and date extracted; what extraction dropped recorded; URLs fetched safely);
* a directory: its ``.txt``, ``.jsonl``, ``.json``, ``.csv``, ``.parquet``, ``.html``,
  ``.htm``, ``.rss``, ``.atom`` files in sorted
  order (not recursive, hidden files skipped); a directory written by
  ``Dataset.save_to_disk`` / ``DatasetDict.save_to_disk`` is read as that dataset;
* ``.jsonl`` / ``.ndjson``: one JSON object per line, parsed line by line here so that a bad
  line is reported with its line number and the other lines are still read;
* ``.json``: one object (one article, id = file stem), a list of objects, or an object with
  an ``articles`` / ``records`` / ``data`` list;
* ``.csv``/``.tsv``, ``.parquet`` and saved datasets are read with :mod:`datasets`
  (:mod:`summarize.ingest.tables`; every CSV column as a string).

Records become articles as :mod:`summarize.ingest.records` describes.  Ids are stable: the
record's ``id``; else the file stem, with ``#N`` (0-based record index) for files that hold
several records; else (an in-memory dataset) a content hash ``sha1-<12 hex>``.  Ids are made
unique within one call by :class:`~summarize.ingest.ids.UniqueIds` (``~2``, ``~3``...).

Text is decoded as UTF-8, UTF-8 with BOM, or UTF-16 with BOM, normalised to Unicode NFC
with ``\\r\\n`` -> ``\\n``; nothing else is changed (cleaning is :mod:`summarize.clean`).

Problems never stop the reading: each gives an :class:`~summarize.types.SkippedInput` naming
the file and the line / record / row (``where`` uses 1-based line numbers and 0-based
record and row indices, matching the ``#N`` of the ids), and the other articles are read.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from summarize.ingest.feeds import FEED_SUFFIXES, looks_like_feed
from summarize.ingest.fetch import is_url
from summarize.ingest.records import LIST_KEYS, Records
from summarize.ingest.tables import (
    is_dataset,
    is_saved_dataset,
    read_csv,
    read_dataset,
    read_parquet,
    read_saved_dataset,
)
from summarize.ingest.web import HTML_SUFFIXES, Web
from summarize.types import Article, SkippedInput

if TYPE_CHECKING:  # pragma: no cover
    import datasets

    from summarize.config import FetchConfig
    from summarize.ingest.fetch import Fetcher

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DecodeError",
    "Inputs",
    "decode_bytes",
    "iter_articles",
    "read_articles",
]

SUPPORTED_SUFFIXES = (
    (".txt", ".jsonl", ".ndjson", ".json", ".csv", ".parquet") + HTML_SUFFIXES + FEED_SUFFIXES
)

Items = Iterator[Article | SkippedInput]
Inputs: TypeAlias = "Sequence[str | Path] | str | Path | datasets.Dataset | datasets.DatasetDict"


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding (message says why)."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8, UTF-8 with BOM, UTF-16 with BOM; else :class:`DecodeError`."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if b"\x00" in data[:8192]:
            raise DecodeError(
                "binary file (it contains NUL bytes); expected UTF-8 text "
                "(or UTF-16 with a byte-order mark)"
            )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise DecodeError(
            f"not valid {encoding.upper().replace('-SIG', ' with BOM')} text "
            f"(byte 0x{bad} at offset {exc.start}); tried UTF-8, UTF-8 with BOM and UTF-16 "
            "with BOM - save the file as UTF-8"
        ) from None
    sample = text[:8192]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
    )
    if sample and controls / len(sample) > 0.01:
        raise DecodeError("binary file (control characters); expected UTF-8 text")
    return text, encoding


def _read_text(path: Path) -> tuple[str, str] | SkippedInput:
    """(text, encoding) of a file, or why it cannot be read as text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SkippedInput(str(path), "file", f"cannot read: {exc.strerror or exc}")
    if not data.strip():
        return SkippedInput(str(path), "file", "empty file")
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        return SkippedInput(str(path), "file", str(exc))
    if not text.strip():
        return SkippedInput(str(path), "file", "empty file")
    return text, encoding


def missing_input(given: str) -> SkippedInput:
    """An input path that does not exist: a directory when it was given as one (``dir/``)."""
    if given.endswith(("/", os.sep)):
        return SkippedInput(given, "directory", "no such directory")
    return SkippedInput(given, "path", "no such file or directory")


class _Reader:
    """Turns paths into Articles/InputErrors, one method per kind of input."""

    def __init__(self, records: Records, web: Web) -> None:
        self.records = records
        self.web = web

    def path(self, path: Path, as_given: str | None = None) -> Items:
        if str(path) == "-":
            yield from self.stdin()
        elif not path.exists():
            yield missing_input(as_given or str(path))
        elif path.is_dir():
            yield from self.directory(path)
        elif path.suffix.lower() == ".parquet":
            yield from read_parquet(path, self.records)
        elif path.suffix.lower() in HTML_SUFFIXES:
            yield from self.web.html_file(path)
        elif path.suffix.lower() in FEED_SUFFIXES + (".xml",):
            yield from self.xml_file(path)
        else:
            yield from self.text_file(path)

    def text_file(self, path: Path) -> Items:
        got = _read_text(path)
        if isinstance(got, SkippedInput):
            yield got
            return
        text, encoding = got
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            yield from self.jsonl(path, text)
        elif suffix == ".json":
            yield from self.json(path, text)
        elif suffix in (".csv", ".tsv"):
            yield from read_csv(path, text, encoding, self.records)
        else:
            yield self.records.text(text, source=str(path), article_id=path.stem)

    def xml_file(self, path: Path) -> Items:
        """A feed (``.rss``/``.atom``, or ``.xml`` that is one); other ``.xml`` is text."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield SkippedInput(str(path), "file", f"cannot read: {exc.strerror or exc}")
            return
        if path.suffix.lower() != ".xml" or looks_like_feed(data):
            yield from self.web.feed_file(path, data)
        else:
            yield from self.text_file(path)

    def stdin(self) -> Items:
        data = (
            sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        )
        if not data.strip():
            yield SkippedInput("-", "stdin", "empty input")
            return
        try:
            text, _ = decode_bytes(data)
        except DecodeError as exc:
            yield SkippedInput("-", "stdin", str(exc))
            return
        yield self.records.text(text, source="stdin")

    def directory(self, path: Path) -> Items:
        if is_saved_dataset(path):
            yield from read_saved_dataset(path, self.records)
            return
        files = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES
        )
        if not files:
            kinds = ", ".join(SUPPORTED_SUFFIXES)
            yield SkippedInput(
                str(path), "directory", f"no input files ({kinds}) in this directory"
            )
            return
        for f in files:
            yield from self.path(f)

    def jsonl(self, path: Path, text: str) -> Items:
        index = 0  # records counted with bad lines, so ids keep their place
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"line {lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield SkippedInput(
                    str(path), where, f"not valid JSON: {exc.msg} (column {exc.colno})"
                )
            else:
                yield self.records.make(
                    rec,
                    file=str(path),
                    where=where,
                    location=f"{path}:{lineno}",
                    default_id=f"{path.stem}#{index}",
                )
            index += 1

    def json(self, path: Path, text: str) -> Items:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield SkippedInput(
                str(path), f"line {exc.lineno}", f"not valid JSON: {exc.msg} (column {exc.colno})"
            )
            return
        if isinstance(data, Mapping) and self.records.text_field not in data:
            for key in LIST_KEYS:
                if isinstance(data.get(key), list):
                    data = data[key]
                    break
        if isinstance(data, Mapping):  # one article
            yield self.records.make(
                data, file=str(path), where="file", location=str(path), default_id=path.stem
            )
        elif not isinstance(data, list):
            kind = type(data).__name__
            yield SkippedInput(
                str(path), "file", f"expected a JSON object or a list of objects, got {kind}"
            )
        elif not data:
            yield SkippedInput(str(path), "file", "empty list: no records")
        else:
            for i, rec in enumerate(data):
                yield self.records.make(
                    rec,
                    file=str(path),
                    where=f"record {i}",
                    location=f"{path}[{i}]",
                    default_id=f"{path.stem}#{i}",
                )


def iter_articles(
    inputs: Inputs,
    *,
    text_field: str = "text",
    fields: Mapping[str, str] | None = None,
    fetch: FetchConfig | None = None,
    fetcher: Fetcher | None = None,
) -> Items:
    """Yield an :class:`Article` or an :class:`SkippedInput` for each input piece, in order.

    ``"-"`` reads standard input as one article.  URLs are fetched by ``fetcher``, else by a
    :class:`~summarize.ingest.fetch.Fetcher` under ``fetch`` (default: refuse loopback).
    """
    records = Records(text_field, fields=fields)
    reader = _Reader(records, Web(records, fetch, fetcher))
    if is_dataset(inputs):
        yield from read_dataset(inputs, records)
        return
    items = [inputs] if isinstance(inputs, (str, Path)) else inputs
    for item in items:  # type: ignore[union-attr]
        if is_dataset(item):
            yield from read_dataset(item, records)
        elif isinstance(item, str) and is_url(item):
            yield from reader.web.url(item)
        else:
            yield from reader.path(Path(item), str(item))


def read_articles(
    inputs: Inputs,
    *,
    text_field: str = "text",
    fields: Mapping[str, str] | None = None,
    fetch: FetchConfig | None = None,
    fetcher: Fetcher | None = None,
) -> tuple[list[Article], list[SkippedInput]]:
    """All articles of ``inputs`` and the errors met on the way (see the module docstring)."""
    articles: list[Article] = []
    errors: list[SkippedInput] = []
    for item in iter_articles(
        inputs, text_field=text_field, fields=fields, fetch=fetch, fetcher=fetcher
    ):
        if isinstance(item, SkippedInput):
            errors.append(item)
        else:
            articles.append(item)
    return articles, errors
