"""The web app's inputs: uploaded files, links and pasted text as Articles, within the limits.

An upload must be ``.txt``, ``.jsonl`` or a saved ``.html`` page and, with the pasted text,
stay under ``app.max_upload_mb``; a run takes at most ``app.max_articles`` articles (and
links).  Input outside these limits, a line of the URL box that is not a link, or no input
at all, is an :class:`~summarize.errors.InputError` whose message says what to change; the
app shows it and never starts the pipeline.  Pasted articles get ids ``pasted-1``,
``pasted-2``... through the ingest id rule
(:class:`summarize.ingest.ids.UniqueIds`), so they never take an uploaded article's id.
Uploads are named by the user's file name in sources and errors, never by the server's
temporary upload path; CSV/JSONL records can name their text, id, title and date fields
(the boxes of :data:`APP_FIELD_LABELS`, the CLI's ``--text-field`` ...).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import cast

from summarize.config import Config
from summarize.errors import InputError
from summarize.ingest.ids import UniqueIds
from summarize.ingest.records import FIELD_FLAGS
from summarize.types import Article, SkippedInput

UPLOAD_TYPES = [".txt", ".jsonl", ".csv", ".html", ".htm"]
# The app's boxes for the record fields (the CLI's --text-field ... flags).
APP_FIELD_LABELS = {
    "text": "Text field",
    "id": "Id field",
    "title": "Title field",
    "date": "Date field",
}


def _url_lines(urls: str, limit: int) -> list[str]:
    """The URL box's links, one per line; InputError for a line that is not one, or too many."""
    from summarize.ingest.fetch import is_url

    lines = [line.strip() for line in (urls or "").splitlines() if line.strip()]
    bad = [line for line in lines if not is_url(line)]
    if bad:
        raise InputError(
            f"Not a link: {bad[0]!r}. Put one http(s):// link to a news page or feed per line."
        )
    if len(lines) > limit:
        raise InputError(
            f"Too many links: {len(lines)}; this app takes at most {limit} per run "
            "(config `app.max_articles`)."
        )
    return lines


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
        raise InputError(
            f"Unsupported file type: {', '.join(bad)}. Upload .txt, .jsonl, .csv or .html files."
        )
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
            "Nothing to summarize: click the seed example, upload .txt/.jsonl/.html files, "
            "give links, or paste articles."
        )


def _user_names(
    paths: list[Path], articles: list[Article], errors: list[SkippedInput]
) -> tuple[list[Article], list[SkippedInput]]:
    """Uploads named by the user's file name, not by Gradio's hashed temporary folder (which
    means nothing to the user and tells other users where the server keeps files)."""
    names = {str(p): p.name for p in paths}

    def user(source: str) -> str:
        for path, name in names.items():
            rest = source[len(path) :]
            if source.startswith(path) and (not rest or rest[0] in ":[#"):  # "f.jsonl:3"
                return name + rest
        return source

    articles = [replace(a, source=user(a.source)) for a in articles]
    for a in articles:
        if "location" in a.meta:
            a.meta["location"] = user(str(a.meta["location"]))
    return articles, [replace(e, source=user(e.source)) for e in errors]


def _app_hint(error: SkippedInput) -> SkippedInput:
    """The missing-text-field message names the app's box instead of the CLI flag."""
    flag = f"`{FIELD_FLAGS['text']} FIELD`"
    if flag not in error.message:
        return error
    box = f"the '{APP_FIELD_LABELS['text']}' box under 'Field names of CSV / JSONL records'"
    return replace(error, message=error.message.replace(flag, box))


def gather_articles(
    files: object,
    texts: list[str],
    cfg: Config,
    urls: str = "",
    fields: Mapping[str, str] | None = None,
) -> tuple[list[Article], list[SkippedInput]]:
    """Articles from uploaded files, the URL box (pages and feeds, fetched under the config's
    ``fetch`` section: loopback, private and metadata addresses refused unless the config
    allows loopback) and pasted boxes, within the config's limits.  ``fields`` names the
    record fields of uploaded CSV/JSONL files (``{"text": "body"}``, as ``--text-field``)."""
    limits = cfg.app
    paths = _file_paths(files)
    total = _check_upload(paths, limits.max_upload_mb)
    links = _url_lines(urls, int(limits.max_articles))
    articles: list[Article] = []
    errors: list[SkippedInput] = []
    if paths or links:
        from summarize.ingest import read_articles

        read, skipped = read_articles(
            [str(p) for p in paths] + links, fields=fields, fetch=cfg.fetch
        )
        articles, errors = _user_names(paths, list(read), list(skipped))
        errors = [_app_hint(e) for e in errors]
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
