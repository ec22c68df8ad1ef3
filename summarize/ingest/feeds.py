"""RSS and Atom feeds -> entries (title, link, date, summary), parsed with ``feedparser``.

``feedparser`` reads every RSS version, RDF and Atom, and is forgiving with the broken
feeds news sites publish.  It is only ever given bytes: its own URL fetching would bypass
the checks of :mod:`summarize.ingest.fetch`, so a feed URL is fetched there first.
:mod:`summarize.ingest.web` turns the entries into articles (the linked page when it can be
fetched, else the entry's summary).  ``feedparser`` is part of the optional extra ``html``.
"""

from __future__ import annotations

import datetime as _dt
import re
import time
from dataclasses import dataclass
from typing import Any

from summarize.errors import InputError, MissingDependencyError
from summarize.ingest.html import html_to_text

__all__ = ["Feed", "FeedEntry", "looks_like_feed", "parse_feed"]

FEED_SUFFIXES = (".rss", ".atom")
_ROOT_RE = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)\b",
    re.S,
)
FEED_MEDIA_TYPES = frozenset(
    ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")
)


@dataclass
class FeedEntry:
    title: str | None
    link: str | None
    date: str | None  # ISO 8601 when the feed's date could be read
    summary: str  # plain text
    entry_id: str | None = None


@dataclass
class Feed:
    title: str | None
    entries: list[FeedEntry]


def looks_like_feed(data: bytes, media_type: str = "") -> bool:
    """An RSS/Atom/RDF document: by its media type, or by its root element."""
    if media_type in FEED_MEDIA_TYPES:
        return True
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_ROOT_RE.match(head))


def _iso(parsed: Any, raw: str | None) -> str | None:
    if isinstance(parsed, time.struct_time):
        stamp = _dt.datetime(*parsed[:6], tzinfo=_dt.timezone.utc)
        return stamp.isoformat().replace("+00:00", "Z")
    return raw or None


def _entry(e: Any) -> FeedEntry:
    summary = e.get("summary") or ""
    if not summary and e.get("content"):
        summary = e["content"][0].get("value", "")
    date = _iso(e.get("published_parsed") or e.get("updated_parsed"), e.get("published"))
    return FeedEntry(
        title=(e.get("title") or "").strip() or None,
        link=(e.get("link") or "").strip() or None,
        date=date,
        summary=html_to_text(summary) if "<" in summary else summary.strip(),
        entry_id=e.get("id"),
    )


def parse_feed(data: bytes, *, source: str) -> Feed:
    """The feed in ``data``; :class:`InputError` naming ``source`` when it is not one."""
    try:
        import feedparser
    except ImportError:
        raise MissingDependencyError("feedparser", "html") from None
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise InputError(f"{source}: not an RSS or Atom feed" + (f" ({why})" if why else ""))
    feed_title = (parsed.feed.get("title") or "").strip() or None
    return Feed(title=feed_title, entries=[_entry(e) for e in parsed.entries])
