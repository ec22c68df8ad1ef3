"""Parallel test sets for translation: shipped line files, Hugging Face datasets, file pairs.

A test set is a list of sources and one or more line-aligned reference streams
(:class:`ParallelSet`).  It comes from a named local set (``flores-dev``: FLORES-200 dev,
hin_Deva -> eng_Latn, NLLB Team et al., 2022), kept as line files in a data directory outside
the package -- ``./data/flores200-dev`` from the working directory unless ``data_dir`` says
otherwise -- or from ``hf:NAME[:CONFIG]`` through ``datasets.load_dataset`` (flat rows or the
WMT-style ``translation`` dict), or from a source file and its reference files.  Every
problem a user can fix (a missing directory or file, unequal line counts, a dataset that
cannot be loaded offline, a missing field) is an :class:`~summarize.errors.InputError` that
says what to do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol, cast

from summarize.errors import InputError, SummarizeError
from summarize.eval.files import read_parallel

__all__ = [
    "LOCAL_DATASETS",
    "DatasetLoader",
    "LocalDataset",
    "ParallelSet",
    "load_parallel_files",
    "load_parallel_set",
]


class LocalDataset(NamedTuple):
    """A test set kept as line files in a data directory (not shipped inside the package)."""

    source: str
    references: tuple[str, ...]
    src_lang: str
    tgt_lang: str
    default_dir: Path  # relative to the working directory; ``data_dir`` points elsewhere


LOCAL_DATASETS: dict[str, LocalDataset] = {
    "flores-dev": LocalDataset(
        "flores-dev.hi", ("flores-dev.en",), "hi", "en", Path("data") / "flores200-dev"
    ),
}

Row = Mapping[str, object]


class DatasetLoader(Protocol):
    """``datasets.load_dataset`` as used here (tests inject a fake)."""

    def __call__(self, path: str, name: str | None, /, *, split: str) -> Iterable[Row]: ...


# --- test sets ------------------------------------------------------------------------------


@dataclass
class ParallelSet:
    """A test set: sources and one or more reference streams, line-aligned."""

    name: str
    sources: list[str]
    refs: list[list[str]]
    src_lang: str | None = None
    tgt_lang: str | None = None
    origin: dict[str, object] = field(default_factory=dict)  # files or dataset id, for the record

    def limit(self, n: int | None) -> ParallelSet:
        if n is None:
            return self
        if n < 1:
            raise InputError(f"--limit must be at least 1 (got {n})")
        return ParallelSet(
            self.name,
            self.sources[:n],
            [r[:n] for r in self.refs],
            self.src_lang,
            self.tgt_lang,
            {**self.origin, "limit": n},
        )


def load_parallel_files(
    src: str | Path, refs: Sequence[str | Path], name: str | None = None
) -> ParallelSet:
    """A test set from a source file and its line-aligned reference files."""
    sources, ref_lines = read_parallel(src, "source", refs)
    return ParallelSet(
        name or Path(src).stem,
        sources,
        ref_lines,
        origin={"source": str(src), "references": [str(r) for r in refs]},
    )


def _load_local(name: str, data_dir: str | Path | None) -> ParallelSet:
    spec = LOCAL_DATASETS[name]
    folder = Path(data_dir) if data_dir is not None else spec.default_dir
    if not folder.is_dir():
        where = folder if folder.is_absolute() else f"{folder} (under {Path.cwd()})"
        raise InputError(
            f"test set '{name}' needs its data directory, and there is none at {where}; "
            f"run from the folder that holds {spec.default_dir}/, or point at the directory "
            f"with --data-dir DIR (data_dir= in Python)"
        )
    data = load_parallel_files(folder / spec.source, [folder / r for r in spec.references], name)
    data.src_lang, data.tgt_lang = spec.src_lang, spec.tgt_lang
    return data


def load_parallel_set(
    dataset: str | None = None,
    *,
    src: str | Path | None = None,
    refs: Sequence[str | Path] | None = None,
    split: str | None = None,
    src_field: str = "hi",
    ref_field: str = "en",
    load_dataset: DatasetLoader | None = None,
    data_dir: str | Path | None = None,
) -> ParallelSet:
    """A test set by name (``flores-dev``), from ``hf:NAME[:CONFIG]``, or from src/ref files.

    ``data_dir`` is the directory of a named local set (default: its ``default_dir``,
    relative to the working directory).
    """
    if src is not None or refs:
        if dataset:
            raise InputError("give either a dataset or --src/--ref files, not both")
        if src is None or not refs:
            raise InputError("--src and --ref go together: give a source file and a reference file")
        return load_parallel_files(src, refs)
    if not dataset:
        raise InputError("no test set: give --dataset (e.g. flores-dev) or --src and --ref files")
    if dataset in LOCAL_DATASETS:
        return _load_local(dataset, data_dir)
    if dataset.startswith("hf:"):
        return _load_hf(dataset[3:], split or "test", src_field, ref_field, load_dataset)
    known = ", ".join([*LOCAL_DATASETS, "hf:NAME[:CONFIG]"])
    raise InputError(f"unknown dataset '{dataset}'; allowed: {known}")


def _datasets_loader() -> DatasetLoader:
    try:
        from datasets import load_dataset
    except ImportError:
        raise SummarizeError(
            "--dataset hf:... needs the package 'datasets' (in a checkout: .venv/bin/pip install datasets)"
        ) from None
    # With a split, load_dataset returns one Dataset: an iterable of row dicts.
    return cast(DatasetLoader, load_dataset)


def _load_hf(
    spec: str, split: str, src_field: str, ref_field: str, load_dataset: DatasetLoader | None
) -> ParallelSet:
    name, _, config_name = spec.partition(":")
    if not name:
        raise InputError("hf: needs a dataset name, e.g. hf:cfilt/iitb-english-hindi")
    loader = load_dataset or _datasets_loader()
    label = (
        f"'{name}'" + (f" (config '{config_name}')" if config_name else "") + f" split '{split}'"
    )
    try:
        ds = loader(name, config_name or None, split=split)
    except Exception as exc:  # noqa: BLE001 - offline, 404, bad split: all mean "cannot load"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(
            f"could not load dataset {label} with datasets.load_dataset "
            f"({type(exc).__name__}: {first[:300]}). It needs network access or a copy in the "
            "Hugging Face datasets cache; offline, use --src/--ref with local files instead."
        ) from None
    sources, refs = [], []
    for i, row in enumerate(ds):
        sources.append(_field(row, src_field, label, i))
        refs.append(_field(row, ref_field, label, i))
    if not sources:
        raise InputError(f"dataset {label} has no rows")
    return ParallelSet(
        f"hf:{spec}",
        [s.strip() for s in sources],
        [[r.strip() for r in refs]],
        origin={
            "dataset": name,
            "config": config_name or None,
            "split": split,
            "src_field": src_field,
            "ref_field": ref_field,
        },
    )


def _field(row: Row, key: str, label: str, index: int) -> str:
    """``row[key]``, or ``row['translation'][key]`` (the layout of WMT-style datasets)."""
    nested = row.get("translation")
    if key in row:
        value = row[key]
    elif isinstance(nested, Mapping) and key in nested:
        value = nested[key]
    else:
        have = sorted(row)
        if isinstance(nested, Mapping):
            have += [f"translation.{k}" for k in sorted(nested)]
        raise InputError(
            f"dataset {label} row {index} has no field '{key}'; fields: {', '.join(have)} "
            "(choose them with --src-field / --ref-field)"
        )
    if not isinstance(value, str):
        raise InputError(f"dataset {label} row {index}: field '{key}' is not text")
    return value
