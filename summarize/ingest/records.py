"""One input record (a JSON object, a CSV or dataset row) -> an :class:`Article`.

The record's text field (``text`` unless the caller names another, ``--text-field``)
becomes the article text; ``id``, ``title``, ``source``, ``url`` and ``date`` are the known fields; every other
field goes to :attr:`Article.meta` (the known ones can be read from other fields:
``--id-field``, ``--title-field``, ``--date-field``) (e.g. ``event``, read by :mod:`summarize.group`), made
JSON-friendly so the outputs can carry it.  The article's source is the record's own
``source`` (the publisher, used for attribution) when it has one, else where it was read;
the read location is always kept in ``meta["location"]`` when the record names a source.

A record whose text is HTML (a whole page, or a fragment with several closed block tags:
:func:`summarize.ingest.html.looks_like_html`) is extracted like a saved page; the record's
own ``title``/``date``/``url`` win over what extraction finds.

A record that cannot become an article gives an :class:`~summarize.types.SkippedInput`
saying what it lacks; the caller goes on with the next record.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping

from summarize.ingest.ids import UniqueIds, content_id
from summarize.lang.script import normalize_text
from summarize.types import Article, SkippedInput

__all__ = ["FIELD_FLAGS", "KNOWN_FIELDS", "LIST_KEYS", "Records", "is_missing"]

KNOWN_FIELDS = ("id", "title", "source", "url", "date")
# keys under which a .json file may hold its list of records
LIST_KEYS = ("articles", "records", "data")


def is_missing(value: object) -> bool:
    """``None`` or a NaN (pandas' empty cell)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _as_str(value: object) -> str | None:
    if is_missing(value):
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    s = str(value).strip()
    return normalize_text(s) if s else None


def _jsonable(value: object) -> object:
    """Record fields for ``meta``: keep JSON-friendly values, stringify the rest."""
    if is_missing(value):
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


def _looks_like_html(text: str) -> bool:
    from summarize.ingest.html import looks_like_html

    return looks_like_html(text)


def _from_html(html: str, known: dict[str, str | None], meta: dict[str, object]) -> str:
    """The main text of a record's HTML; fills ``known`` and ``meta`` from the extraction."""
    from summarize.ingest.html import extract_html

    ex = extract_html(html, url=known["url"])
    for key in ("title", "date", "url"):
        known[key] = known[key] or getattr(ex, key)
    meta.update(ex.meta())
    return normalize_text(ex.text)


# How a user names another field (the CLI flags; the app has boxes of the same names).
FIELD_FLAGS = {
    "text": "--text-field",
    "id": "--id-field",
    "title": "--title-field",
    "date": "--date-field",
}


class Records:
    """Makes articles from records, with ids unique within one read.

    ``fields`` renames known fields: ``{"title": "headline", "date": "published"}`` reads the
    title from ``headline`` (``--title-field headline``); a field not named keeps its name.
    """

    def __init__(
        self,
        text_field: str = "text",
        ids: UniqueIds | None = None,
        fields: Mapping[str, str] | None = None,
    ) -> None:
        names = dict(fields or {})
        unknown = sorted(set(names) - set(FIELD_FLAGS))
        if unknown:
            raise ValueError(
                f"unknown record field role(s) {unknown}; allowed: {list(FIELD_FLAGS)}"
            )
        self.text_field = names.get("text") or text_field
        self.names = {k: names.get(k) or k for k in KNOWN_FIELDS}
        self.ids = ids if ids is not None else UniqueIds()

    def text_field_hint(self, fields: str) -> str:
        """The message for a record or table without the text field: what it has, which flag."""
        return (
            f"no '{self.text_field}' field (fields: {fields or 'none'}); name the field that "
            f"holds the article text with `{FIELD_FLAGS['text']} FIELD`"
        )

    def _text_problem(self, rec: object) -> str | None:
        """Why ``rec`` has no usable text, or ``None`` when it has."""
        field = self.text_field
        if not isinstance(rec, Mapping):
            return f"expected a JSON object with a '{field}' field, got {type(rec).__name__}"
        if field not in rec or is_missing(rec[field]):
            return "record has " + self.text_field_hint(", ".join(map(str, rec)))
        if not isinstance(rec[field], str):
            return f"'{field}' must be a string, got {type(rec[field]).__name__}"
        return None

    def make(
        self, rec: object, *, file: str, where: str, location: str, default_id: str | None
    ) -> Article | SkippedInput:
        """The article of ``rec``; ``default_id`` (else a content hash) when it has no id."""
        problem = self._text_problem(rec)
        if problem is not None or not isinstance(rec, Mapping):
            return SkippedInput(file, where, problem or "")
        text = normalize_text(rec[self.text_field])
        if not text.strip():
            return SkippedInput(file, where, f"'{self.text_field}' is empty")
        known = {k: _as_str(rec.get(self.names[k])) for k in KNOWN_FIELDS}
        taken = {*self.names.values(), self.text_field}
        meta = {str(k): _jsonable(v) for k, v in rec.items() if k not in taken}
        source = known["source"]
        if source:
            meta["location"] = location
        if _looks_like_html(text):
            text = _from_html(text, known, meta)
        return Article(
            id=self.ids.take(known["id"] or default_id or content_id(text)),
            source=source or location,
            raw_text=text,
            title=known["title"],
            date=known["date"],
            url=known["url"],
            meta=meta,
        )

    def text(self, text: str, *, source: str, article_id: str | None = None) -> Article:
        """A whole text as one article (a ``.txt`` file, standard input)."""
        text = normalize_text(text)
        name = article_id if article_id is not None else content_id(text)
        return Article(id=self.ids.take(name), source=source, raw_text=text)
