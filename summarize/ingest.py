"""Read articles from the forms users have them in.

Inputs (a path, a list of paths, or a ``datasets.Dataset`` / ``DatasetDict``):

* ``.txt`` (or any other suffix): the whole file is one article, id = file stem;
* a directory: its ``.txt``, ``.jsonl``, ``.json``, ``.csv``, ``.parquet`` files in sorted
  order (not recursive, hidden files skipped); a directory written by
  ``Dataset.save_to_disk`` / ``DatasetDict.save_to_disk`` is read as that dataset;
* ``.jsonl`` / ``.ndjson``: one JSON object per line, parsed line by line here so that a bad
  line is reported with its line number and the other lines are still read;
* ``.json``: one object (one article, id = file stem), a list of objects, or an object with
  an ``articles`` / ``records`` / ``data`` list;
* ``.csv``, ``.parquet`` and saved datasets are read with :mod:`datasets` (every CSV column
  as a string).

A record has ``text`` (the field name is ``text_field``) and optionally ``title``,
``source``, ``url``, ``date``, ``id``; every other field goes to :attr:`Article.meta`
(e.g. ``event``).  :attr:`Article.source` is the record's ``source`` when it has one (the
publisher, used for attribution), else where the article was read from (``path``,
``path:line``, ``path[row]``, ``dataset[row]``); the read location is always in
``meta["location"]`` for records that carry their own source.

Ids are stable: the record's ``id``; else the file stem, with ``#N`` (0-based record
index) for files that hold several records; else (an in-memory dataset) a content hash
``sha1-<12 hex>``.  Ids are made unique within one call by appending ``~2``, ``~3``...

Text is decoded as UTF-8, UTF-8 with BOM, or UTF-16 with BOM, normalised to Unicode NFC
with ``\\r\\n`` -> ``\\n``; nothing else is changed (cleaning is :mod:`summarize.clean`).

Problems never stop the reading: each gives an :class:`~summarize.types.InputError` naming
the file and the line / record / row (``where`` uses 1-based line numbers and 0-based
record and row indices, matching the ``#N`` of the ids), and the other articles are read.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
import math
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.types import Article, InputError

if TYPE_CHECKING:  # pragma: no cover
    import datasets

__all__ = ["read_articles", "iter_articles", "decode_bytes", "normalize_text", "DecodeError"]

SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".json", ".csv", ".parquet")
KNOWN_FIELDS = ("id", "title", "source", "url", "date")
_LIST_KEYS = ("articles", "records", "data")


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding (message says why)."""


def normalize_text(text: str) -> str:
    """NFC and ``\\n`` line ends; a leading BOM dropped.  Nothing else."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return unicodedata.normalize("NFC", text)


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


def _content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _as_str(value: Any) -> str | None:
    if _is_missing(value):
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    s = str(value).strip()
    return normalize_text(s) if s else None


def _jsonable(value: Any) -> Any:
    """Record fields for ``meta``: keep JSON-friendly values, stringify the rest."""
    if _is_missing(value):
        return None
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


class _Reader:
    """Turns inputs into Articles/InputErrors; keeps ids unique within one call."""

    def __init__(self, text_field: str) -> None:
        self.text_field = text_field
        self.seen: dict[str, int] = {}

    # ---- records -------------------------------------------------------------------------
    def unique(self, article_id: str) -> str:
        n = self.seen.get(article_id, 0) + 1
        self.seen[article_id] = n
        if n == 1:
            return article_id
        new = f"{article_id}~{n}"
        while new in self.seen:  # pragma: no cover - pathological ids
            n += 1
            new = f"{article_id}~{n}"
        self.seen[new] = 1
        return new

    def record(
        self, rec: Any, *, file: str, where: str, location: str, default_id: str | None
    ) -> Article | InputError:
        if not isinstance(rec, Mapping):
            kind = type(rec).__name__
            return InputError(
                file, where, f"expected a JSON object with a '{self.text_field}' field, got {kind}"
            )
        if self.text_field not in rec or _is_missing(rec[self.text_field]):
            fields = ", ".join(map(str, rec)) or "none"
            return InputError(
                file, where, f"record has no '{self.text_field}' field (fields: {fields})"
            )
        text = rec[self.text_field]
        if not isinstance(text, str):
            return InputError(
                file, where, f"'{self.text_field}' must be a string, got {type(text).__name__}"
            )
        text = normalize_text(text)
        if not text.strip():
            return InputError(file, where, f"'{self.text_field}' is empty")
        known = {k: _as_str(rec.get(k)) for k in KNOWN_FIELDS}
        meta = {
            str(k): _jsonable(v)
            for k, v in rec.items()
            if k not in KNOWN_FIELDS and k != self.text_field
        }
        source = known["source"]
        if source:
            meta["location"] = location
        article_id = known["id"] or default_id or _content_id(text)
        return Article(
            id=self.unique(article_id),
            source=source or location,
            raw_text=text,
            title=known["title"],
            date=known["date"],
            url=known["url"],
            meta=meta,
        )

    # ---- files ---------------------------------------------------------------------------
    def read_text(self, path: Path) -> tuple[str, str] | InputError:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return InputError(str(path), "file", f"cannot read: {exc.strerror or exc}")
        if not data.strip():
            return InputError(str(path), "file", "empty file")
        try:
            text, encoding = decode_bytes(data)
        except DecodeError as exc:
            return InputError(str(path), "file", str(exc))
        if not text.strip():
            return InputError(str(path), "file", "empty file")
        return text, encoding

    def path(self, path: Path) -> Iterator[Article | InputError]:
        if str(path) == "-":
            yield from self.stdin()
            return
        if not path.exists():
            yield InputError(str(path), "file", "no such file or directory")
            return
        if path.is_dir():
            yield from self.directory(path)
            return
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            yield from self.jsonl(path)
        elif suffix == ".json":
            yield from self.json(path)
        elif suffix in (".csv", ".tsv"):
            yield from self.csv(path)
        elif suffix == ".parquet":
            yield from self.parquet(path)
        else:
            yield from self.txt(path)

    def stdin(self) -> Iterator[Article | InputError]:
        data = (
            sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
        )
        if not data.strip():
            yield InputError("-", "stdin", "empty input")
            return
        try:
            text, _ = decode_bytes(data)
        except DecodeError as exc:
            yield InputError("-", "stdin", str(exc))
            return
        text = normalize_text(text)
        yield Article(id=self.unique(_content_id(text)), source="stdin", raw_text=text)

    def directory(self, path: Path) -> Iterator[Article | InputError]:
        if _is_saved_dataset(path):
            yield from self.saved_dataset(path)
            return
        files = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES
        )
        if not files:
            kinds = ", ".join(SUPPORTED_SUFFIXES)
            yield InputError(str(path), "directory", f"no input files ({kinds}) in this directory")
            return
        for f in files:
            yield from self.path(f)

    def txt(self, path: Path) -> Iterator[Article | InputError]:
        got = self.read_text(path)
        if isinstance(got, InputError):
            yield got
            return
        text = normalize_text(got[0])
        yield Article(id=self.unique(path.stem), source=str(path), raw_text=text)

    def jsonl(self, path: Path) -> Iterator[Article | InputError]:
        got = self.read_text(path)
        if isinstance(got, InputError):
            yield got
            return
        index = 0
        for lineno, line in enumerate(got[0].splitlines(), start=1):
            if not line.strip():
                continue
            where = f"line {lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(
                    str(path), where, f"not valid JSON: {exc.msg} (column {exc.colno})"
                )
                index += 1
                continue
            yield self.record(
                rec,
                file=str(path),
                where=where,
                location=f"{path}:{lineno}",
                default_id=f"{path.stem}#{index}",
            )
            index += 1

    def json(self, path: Path) -> Iterator[Article | InputError]:
        got = self.read_text(path)
        if isinstance(got, InputError):
            yield got
            return
        try:
            data = json.loads(got[0])
        except json.JSONDecodeError as exc:
            yield InputError(
                str(path), f"line {exc.lineno}", f"not valid JSON: {exc.msg} (column {exc.colno})"
            )
            return
        if isinstance(data, Mapping) and self.text_field not in data:
            for key in _LIST_KEYS:
                if isinstance(data.get(key), list):
                    data = data[key]
                    break
        if isinstance(data, Mapping):  # one article
            yield self.record(
                data, file=str(path), where="file", location=str(path), default_id=path.stem
            )
            return
        if not isinstance(data, list):
            yield InputError(
                str(path),
                "file",
                f"expected a JSON object or a list of objects, got {type(data).__name__}",
            )
            return
        if not data:
            yield InputError(str(path), "file", "empty list: no records")
            return
        for i, rec in enumerate(data):
            yield self.record(
                rec,
                file=str(path),
                where=f"record {i}",
                location=f"{path}[{i}]",
                default_id=f"{path.stem}#{i}",
            )

    def csv(self, path: Path) -> Iterator[Article | InputError]:
        got = self.read_text(path)
        if isinstance(got, InputError):
            yield got
            return
        text, encoding = got
        sep = "\t" if path.suffix.lower() == ".tsv" else ","
        try:
            header = next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sep))
        except (StopIteration, csv.Error) as exc:
            yield InputError(str(path), "line 1", f"cannot read the CSV header: {exc}")
            return
        try:
            import datasets

            # every column as a string: a column of numbers must not become int
            features = datasets.Features({name: datasets.Value("string") for name in header})
            with tempfile.TemporaryDirectory(prefix="summarize-csv-") as cache:
                ds = datasets.Dataset.from_csv(
                    str(path),
                    features=features,
                    encoding=encoding,
                    sep=sep,
                    keep_default_na=False,
                    keep_in_memory=True,  # in memory: nothing is left in the datasets cache
                    cache_dir=cache,
                )
        except Exception as exc:  # datasets/pandas raise many kinds
            yield InputError(str(path), "file", f"cannot read as CSV: {_short(exc)}")
            return
        if self.text_field not in ds.column_names:
            cols = ", ".join(ds.column_names)
            yield InputError(str(path), "file", f"no '{self.text_field}' column (columns: {cols})")
            return
        yield from self.rows(ds, file=str(path), stem=path.stem, csv_lines=True)

    def parquet(self, path: Path) -> Iterator[Article | InputError]:
        try:
            if not path.stat().st_size:
                yield InputError(str(path), "file", "empty file")
                return
            import datasets

            with tempfile.TemporaryDirectory(prefix="summarize-parquet-") as cache:
                ds = datasets.Dataset.from_parquet(str(path), keep_in_memory=True, cache_dir=cache)
        except Exception as exc:
            yield InputError(str(path), "file", f"cannot read as Parquet: {_short(exc)}")
            return
        if self.text_field not in ds.column_names:
            cols = ", ".join(ds.column_names)
            yield InputError(str(path), "file", f"no '{self.text_field}' column (columns: {cols})")
            return
        yield from self.rows(ds, file=str(path), stem=path.stem)

    def saved_dataset(self, path: Path) -> Iterator[Article | InputError]:
        try:
            import datasets

            loaded = datasets.load_from_disk(str(path))
        except Exception as exc:
            yield InputError(
                str(path), "directory", f"cannot load the saved dataset: {_short(exc)}"
            )
            return
        yield from self.dataset(loaded, name=str(path), stem=path.name)

    # ---- datasets ------------------------------------------------------------------------
    def dataset(
        self, ds: Any, *, name: str = "dataset", stem: str | None = None
    ) -> Iterator[Article | InputError]:
        if hasattr(ds, "column_names") and isinstance(ds.column_names, Mapping):  # DatasetDict
            for split in ds:
                yield from self.dataset(
                    ds[split], name=f"{name}/{split}", stem=f"{stem}/{split}" if stem else None
                )
            return
        if self.text_field not in ds.column_names:
            cols = ", ".join(ds.column_names)
            yield InputError(name, "dataset", f"no '{self.text_field}' column (columns: {cols})")
            return
        yield from self.rows(ds, file=name, stem=stem)

    def rows(
        self,
        ds: Iterable[Mapping[str, Any]],
        *,
        file: str,
        stem: str | None,
        csv_lines: bool = False,
    ) -> Iterator[Article | InputError]:
        for i, row in enumerate(ds):
            where = f"row {i}" + (f" (line {i + 2})" if csv_lines else "")
            yield self.record(
                row,
                file=file,
                where=where,
                location=f"{file}[{i}]",
                default_id=f"{stem}#{i}" if stem else None,
            )


def _short(exc: BaseException) -> str:
    """One line: the innermost cause (datasets wraps pandas/pyarrow errors)."""
    seen = {id(exc)}
    while (exc.__cause__ or exc.__context__) and id(exc.__cause__ or exc.__context__) not in seen:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
        seen.add(id(exc))
    msg = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {msg[0] if msg else ''}".rstrip(": ")


def _is_saved_dataset(path: Path) -> bool:
    """A directory written by ``Dataset.save_to_disk`` or ``DatasetDict.save_to_disk``."""
    if (path / "dataset_dict.json").is_file():
        return True
    return (path / "state.json").is_file() and (path / "dataset_info.json").is_file()


def _is_dataset(obj: Any) -> bool:
    module = type(obj).__module__ or ""
    return module.startswith("datasets.") and hasattr(obj, "column_names")


def iter_articles(
    inputs: Sequence[str | Path] | str | Path | datasets.Dataset | datasets.DatasetDict,
    *,
    text_field: str = "text",
) -> Iterator[Article | InputError]:
    """Yield an :class:`Article` or an :class:`InputError` for each input piece, in order.

    ``"-"`` reads standard input as one article.
    """
    reader = _Reader(text_field)
    if _is_dataset(inputs):
        yield from reader.dataset(inputs)
        return
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    for item in inputs:  # type: ignore[union-attr]
        if _is_dataset(item):
            yield from reader.dataset(item)
        else:
            yield from reader.path(Path(item))


def read_articles(
    inputs: Sequence[str | Path] | str | Path | datasets.Dataset | datasets.DatasetDict,
    *,
    text_field: str = "text",
) -> tuple[list[Article], list[InputError]]:
    """All articles of ``inputs`` and the errors met on the way (see the module docstring)."""
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in iter_articles(inputs, text_field=text_field):
        (errors if isinstance(item, InputError) else articles).append(item)
    return articles, errors
