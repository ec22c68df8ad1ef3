"""Tabular inputs, read through Hugging Face :mod:`datasets`: CSV/TSV, Parquet, saved datasets.

:mod:`datasets` (pyarrow underneath) reads these formats fast and the same way the rest of
the Hugging Face tooling does, so a file that loads in ``datasets`` loads here.  It is
imported only when a table is read.  Each row is one record (:mod:`summarize.ingest.records`);
its default id is ``<stem>#<row>`` and its location ``<file>[<row>]``.  A CSV row's ``where``
also gives its line number (the header is line 1).  Tables are read in memory with a
throw-away cache directory, so nothing is left in the user's ``datasets`` cache.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

from summarize.ingest.records import Records
from summarize.types import Article, SkippedInput

if TYPE_CHECKING:  # pragma: no cover
    import datasets

__all__ = ["is_dataset", "is_saved_dataset", "read_csv", "read_dataset", "read_parquet"]

Items = Iterator[Article | SkippedInput]


def is_dataset(obj: object) -> TypeGuard[datasets.Dataset | datasets.DatasetDict]:
    """A ``datasets.Dataset`` or ``DatasetDict`` (checked without importing datasets)."""
    module = type(obj).__module__ or ""
    return module.startswith("datasets.") and hasattr(obj, "column_names")


def is_saved_dataset(path: Path) -> bool:
    """A directory written by ``Dataset.save_to_disk`` or ``DatasetDict.save_to_disk``."""
    if (path / "dataset_dict.json").is_file():
        return True
    return (path / "state.json").is_file() and (path / "dataset_info.json").is_file()


def _short(exc: BaseException) -> str:
    """One line: the innermost cause (datasets wraps pandas/pyarrow errors)."""
    seen = {id(exc)}
    cause = exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen:
        exc = cause
        seen.add(id(exc))
        cause = exc.__cause__ or exc.__context__
    msg = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {msg[0] if msg else ''}".rstrip(": ")


@contextmanager
def _no_bars() -> Iterator[None]:
    """No ``datasets`` progress bar ("Generating train split") while a file is read: reading
    is a step of our run, whose own progress display (or none, off a terminal) reports it."""
    from datasets.utils import (
        are_progress_bars_disabled,
        disable_progress_bars,
        enable_progress_bars,
    )

    was_off = are_progress_bars_disabled()
    disable_progress_bars()
    try:
        yield
    finally:
        if not was_off:
            enable_progress_bars()


def _missing_text_column(
    records: Records, columns: list[str], file: str, where: str
) -> SkippedInput | None:
    if records.text_field in columns:
        return None
    return SkippedInput(file, where, records.text_field_hint(", ".join(columns)))


def _rows(
    rows: Iterable[Mapping[str, object]],
    records: Records,
    *,
    file: str,
    stem: str | None,
    csv_lines: bool = False,
) -> Items:
    for i, row in enumerate(rows):
        where = f"row {i}" + (f" (line {i + 2})" if csv_lines else "")
        yield records.make(
            row,
            file=file,
            where=where,
            location=f"{file}[{i}]",
            default_id=f"{stem}#{i}" if stem else None,
        )


def read_csv(path: Path, text: str, encoding: str, records: Records) -> Items:
    """A CSV (``,``) or TSV file whose ``text`` was already decoded as ``encoding``."""
    sep = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        header = next(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sep))
    except (StopIteration, csv.Error) as exc:
        yield SkippedInput(str(path), "line 1", f"cannot read the CSV header: {exc}")
        return
    try:
        import datasets

        # every column as a string: a column of numbers must not become int
        features = datasets.Features({name: datasets.Value("string") for name in header})
        with tempfile.TemporaryDirectory(prefix="summarize-csv-") as cache, _no_bars():
            ds = datasets.Dataset.from_csv(
                str(path),
                features=features,
                encoding=encoding,
                sep=sep,
                keep_default_na=False,
                keep_in_memory=True,
                cache_dir=cache,
            )
    except Exception as exc:  # datasets/pandas raise many kinds
        yield SkippedInput(str(path), "file", f"cannot read as CSV: {_short(exc)}")
        return
    problem = _missing_text_column(records, ds.column_names, str(path), "file")
    if problem:
        yield problem
        return
    yield from _rows(ds, records, file=str(path), stem=path.stem, csv_lines=True)


def read_parquet(path: Path, records: Records) -> Items:
    """A Parquet file."""
    try:
        if not path.stat().st_size:
            yield SkippedInput(str(path), "file", "empty file")
            return
        import datasets

        with tempfile.TemporaryDirectory(prefix="summarize-parquet-") as cache, _no_bars():
            ds = datasets.Dataset.from_parquet(str(path), keep_in_memory=True, cache_dir=cache)
    except Exception as exc:
        yield SkippedInput(str(path), "file", f"cannot read as Parquet: {_short(exc)}")
        return
    problem = _missing_text_column(records, ds.column_names, str(path), "file")
    if problem:
        yield problem
        return
    yield from _rows(ds, records, file=str(path), stem=path.stem)


def read_saved_dataset(path: Path, records: Records) -> Items:
    """A directory written by ``save_to_disk`` (see :func:`is_saved_dataset`)."""
    try:
        import datasets

        with _no_bars():
            loaded = datasets.load_from_disk(str(path))
    except Exception as exc:
        yield SkippedInput(str(path), "directory", f"cannot load the saved dataset: {_short(exc)}")
        return
    yield from read_dataset(loaded, records, name=str(path), stem=path.name)


def read_dataset(
    ds: datasets.Dataset | datasets.DatasetDict,
    records: Records,
    *,
    name: str = "dataset",
    stem: str | None = None,
) -> Items:
    """An in-memory dataset; a ``DatasetDict`` split by split (``name/split``)."""
    if isinstance(ds.column_names, Mapping):  # a DatasetDict: column names per split
        for split in ds:
            yield from read_dataset(
                ds[split], records, name=f"{name}/{split}", stem=f"{stem}/{split}" if stem else None
            )
        return
    problem = _missing_text_column(records, list(ds.column_names), name, "dataset")
    if problem:
        yield problem
        return
    yield from _rows(ds, records, file=name, stem=stem)
