"""JSON of the pipeline's dataclasses: one writer, one typed loader, and the named flat views.

Everything that turns a :mod:`summarize.types` value into JSON goes through here, so the
cache, the reports, the CLI, the batch files and the app all see the same shape:

* :func:`to_jsonable` — dataclasses (field order kept), pydantic models
  (``model_dump(mode="json")``), tuples (as lists), dicts, lists and paths as plain JSON
  values.  It is what ``result.json`` holds and what the stage cache stores.
* :func:`from_jsonable` — the inverse, driven by the dataclasses' type hints (lists,
  ``tuple[int, int]``, dicts, optional and union fields), so a stored result comes back as
  the same typed value (``from_jsonable(T, to_jsonable(x)) == x``).
* :func:`canonical_json` — the key-sorted, compact rendering the cache hashes.
* Named views, each the projection one output has always printed: :func:`clean_view`
  (``summarize clean --format json``), :func:`translation_view` (``summarize translate
  --format json``), :func:`article_row` / :func:`event_row` / :func:`error_row` (the batch
  files ``articles.jsonl``, ``events.jsonl``, ``errors.jsonl``), built from the shared
  pieces :func:`removed_rows` and :func:`missing_rows`.

The schema version of the whole result (:data:`summarize.types.SCHEMA_VERSION`) is stamped
and checked by :mod:`summarize.report.json`.  This module imports only the dataclasses,
so the cache and the reports can both use it without importing each other.
"""

from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar, Union, cast, get_args, get_origin, get_type_hints

from summarize.strategies.registry import STRATEGY_NAMES
from summarize.types import (
    ArticleResult,
    CleanArticle,
    Removed,
    RunResult,
    SentencePair,
    SkippedInput,
    TranslatedArticle,
)

T = TypeVar("T")

# A JSON value (None, bool, number, str, list or dict of them); typed loosely because the
# shapes are the dataclasses', checked by from_jsonable on the way back.
Json = Any

# --- the general writer and loader ---------------------------------------------------------


def to_jsonable(obj: object) -> Json:
    """Dataclasses, pydantic models, tuples, dicts and paths as plain JSON values."""
    if hasattr(obj, "model_dump"):
        return obj.model_dump(mode="json")
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        obj = dataclasses.asdict(obj)
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj


def canonical_json(obj: object) -> str:
    """Key-sorted compact JSON of ``obj``: equal content gives equal text (what the cache hashes)."""
    return json.dumps(
        to_jsonable(obj), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )


def from_jsonable(cls: type[T], data: object) -> T:
    """Rebuild a value of type ``cls`` from JSON; TypeError/ValueError/KeyError when it does not fit."""
    return cast(T, _build(cls, data))


def _build(tp: object, data: Any) -> object:
    """One level of :func:`from_jsonable` for any type expression (dataclass, generic, union)."""
    if data is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return _build_union(get_args(tp), data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build_dataclass(tp, data)
    if origin is list:
        (item,) = get_args(tp) or (Any,)
        return [_build(item, v) for v in data]
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict:
        _, value = get_args(tp) or (Any, Any)
        return {k: _build(value, v) for k, v in data.items()}
    if tp in (int, float) and isinstance(data, (int, float)) and not isinstance(data, bool):
        return cast(type, tp)(data)
    if tp in (str, bool) and not isinstance(data, cast(type, tp)):
        raise TypeError(f"expected {cast(type, tp).__name__}, got {type(data).__name__}")
    return data  # Any, str, bool, ...


def _build_union(options: tuple[object, ...], data: Any) -> object:
    candidates = [a for a in options if a is not type(None)]
    for option in candidates:
        try:
            return _build(option, data)
        except (TypeError, ValueError, KeyError):
            continue
    raise TypeError(f"{data!r} matches none of {candidates}")


def _build_dataclass(cls: type, data: Any) -> object:
    if not isinstance(data, dict):
        raise TypeError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    hints = get_type_hints(cls)
    kwargs = {
        f.name: _build(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.name in data and f.init
    }
    return cls(**kwargs)


# --- named views -------------------------------------------------------------------------


def removed_rows(items: Iterable[Removed]) -> list[dict[str, str]]:
    """Removed or flagged spans as ``{"text", "reason"}`` (no line numbers: they are positions
    in a raw text the reader of these files does not have)."""
    return [{"text": r.text, "reason": r.reason} for r in items]


def missing_rows(pairs: Iterable[SentencePair]) -> list[dict[str, Any]]:
    """The sentences whose numbers did not reach the translation: ``{"paragraph", "sentence", "numbers"}``."""
    return [
        {"paragraph": p.paragraph, "sentence": p.sentence, "numbers": p.missing_numbers}
        for p in pairs
        if p.missing_numbers
    ]


def error_row(e: SkippedInput) -> dict[str, str]:
    """A skipped piece of input: ``{"source", "where", "message"}``."""
    return {"source": e.source, "where": e.where, "message": e.message}


def clean_view(a: CleanArticle) -> dict[str, Any]:
    """One article of ``summarize clean --format json`` (no url, raw date, meta)."""
    return {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "date": a.date,
        "paragraphs": a.paragraphs,
        "removed": removed_rows(a.removed),
        "flagged": removed_rows(a.flagged),
        "lang": a.lang,
    }


def translation_view(tr: TranslatedArticle, checked: bool) -> dict[str, Any]:
    """``summarize translate --format json``: the text, its sentence pairs and the number check."""
    pairs = [
        {
            "paragraph": p.paragraph,
            "sentence": p.sentence,
            "src": p.src,
            "tgt": p.tgt,
            "pieces": p.pieces,
            "missing_numbers": p.missing_numbers,
        }
        for p in tr.pairs
    ]
    missing = missing_rows(tr.pairs)
    return {
        "engine": tr.engine,
        "model": tr.model,
        "src_lang": tr.src_lang,
        "tgt_lang": tr.tgt_lang,
        "text": tr.text,
        "paragraphs": tr.paragraphs,
        "pairs": pairs,
        "number_check": {
            "sentences": len(pairs),
            "sentences_with_missing": len(missing),
            "missing": missing,
            "checked": checked,
        },
    }


def article_row(event: str, ar: ArticleResult) -> dict[str, Any]:
    """One flat row of ``articles.jsonl`` / ``.parquet``: strings, ints and JSON strings only,
    with a ``summary_<strategy>`` and ``summary_<strategy>_lang`` column for every strategy."""
    art, tr = ar.article, ar.translation
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
        "translation": tr.text if tr is not None else None,
        "translation_model": tr.model if tr is not None else None,
        "missing_numbers": json.dumps(missing_rows(tr.pairs if tr else []), ensure_ascii=False),
        "removed": json.dumps(removed_rows(art.removed), ensure_ascii=False),
    }
    by_strategy = {s.strategy: s for s in ar.summaries}
    for strategy in STRATEGY_NAMES:
        s = by_strategy.get(strategy)
        col = strategy.replace("-", "_")
        row[f"summary_{col}"] = s.text if s else None
        row[f"summary_{col}_lang"] = s.lang if s else None
    row["summaries"] = json.dumps(to_jsonable(ar.summaries), ensure_ascii=False)
    return row


def event_row(event: str, result: RunResult, members: object = None) -> dict[str, Any]:
    """One row of ``events.jsonl``: the event's merged summary with its attribution; with
    ``--group-by auto`` also ``members``: per member the similarity that put it in the event
    (:class:`summarize.grouping.Membership`)."""
    merged = result.merged
    row = {
        "event": event,
        "n_articles": len(result.articles),
        "article_ids": [a.article.id for a in result.articles],
        "merged_lang": merged.lang if merged else None,
        "merged_text": merged.text if merged else None,
        "merged": to_jsonable(merged) if merged else None,
        "notices": result.notices,
    }
    if members is not None:
        row["members"] = to_jsonable(members)
    return row


__all__ = [
    "article_row",
    "canonical_json",
    "clean_view",
    "error_row",
    "event_row",
    "from_jsonable",
    "missing_rows",
    "removed_rows",
    "to_jsonable",
    "translation_view",
]
