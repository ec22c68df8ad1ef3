"""The web app's inputs: uploaded files and pasted text as Articles, within the config's limits.

An upload must be ``.txt`` or ``.jsonl`` and, with the pasted text, stay under
``app.max_upload_mb``; a run takes at most ``app.max_articles`` articles.  Input outside
these limits, or no input at all, is an :class:`~summarize.errors.InputError` whose message
says what to change; the app shows it and never starts the pipeline.  Pasted articles get
ids ``pasted-1``, ``pasted-2``... through the ingest id rule
(:class:`summarize.ingest.ids.UniqueIds`), so they never take an uploaded article's id.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

from summarize.config import Config
from summarize.errors import InputError
from summarize.ingest.ids import UniqueIds
from summarize.types import Article, SkippedInput

UPLOAD_TYPES = [".txt", ".jsonl"]


def _file_paths(files: object) -> list[Path]:
    """Paths of Gradio's uploads (strings, paths, file objects or dicts with a "path")."""
    out = []
    for f in cast(Sequence[object], files or []):
        p = (
            f
            if isinstance(f, str | Path)
            else getattr(f, "name", None) or (f.get("path") if isinstance(f, dict) else None)
        )
        if p:
            out.append(Path(p))
    return out


def _check_upload(paths: list[Path], limit_mb: float) -> int:
    """The upload's size in bytes; InputError for a file type we do not read or too many bytes."""
    bad = [p.name for p in paths if p.suffix.lower() not in UPLOAD_TYPES]
    if bad:
        raise InputError(f"Unsupported file type: {', '.join(bad)}. Upload .txt or .jsonl files.")
    total = sum(p.stat().st_size for p in paths if p.exists())
    if total > limit_mb * 1024 * 1024:
        raise InputError(
            f"The upload is too large: {total / 1024 / 1024:.1f} MB in all; the limit is "
            f"{limit_mb:g} MB (config `app.max_upload_mb`)."
        )
    return total


def _check_count(articles: list[Article], errors: list[SkippedInput], limit: int) -> None:
    if len(articles) > limit:
        raise InputError(
            f"Too many articles: {len(articles)}; this app takes at most {limit} "
            "per run (config `app.max_articles`). Remove some files or text boxes."
        )
    if not articles and errors:
        raise InputError(
            "None of the input could be read:\n"
            + "\n".join(f"{e.source} ({e.where}): {e.message}" for e in errors)
        )
    if not articles:
        raise InputError(
            "Nothing to summarize: click the seed example, upload .txt/.jsonl files, or paste articles."
        )


def gather_articles(
    files: object, texts: list[str], cfg: Config
) -> tuple[list[Article], list[SkippedInput]]:
    """Articles from uploaded files and pasted boxes, within the config's limits."""
    limits = cfg.app
    paths = _file_paths(files)
    total = _check_upload(paths, limits.max_upload_mb)
    articles: list[Article] = []
    errors: list[SkippedInput] = []
    if paths:
        from summarize.ingest import read_articles

        read, skipped = read_articles([str(p) for p in paths])
        articles, errors = list(read), list(skipped)
    pasted = [t for t in texts if t and t.strip()]
    pasted_bytes = sum(len(t.encode("utf-8")) for t in pasted)
    if total + pasted_bytes > limits.max_upload_mb * 1024 * 1024:
        raise InputError(
            f"The input is too large: {(total + pasted_bytes) / 1024 / 1024:.1f} MB in all; the limit is "
            f"{limits.max_upload_mb:g} MB (config `app.max_upload_mb`)."
        )
    ids = UniqueIds(a.id for a in articles)  # a pasted box never takes an uploaded article's id
    for i, text in enumerate(pasted, 1):
        articles.append(
            Article(id=ids.take(f"pasted-{i}"), source=f"pasted #{i}", raw_text=text.strip())
        )
    _check_count(articles, errors, int(limits.max_articles))
    return articles, errors
