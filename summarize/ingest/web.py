"""Saved pages, links and feeds -> articles (the readers' hooks for the web).

* an ``.html``/``.htm`` file: :func:`summarize.ingest.html.extract_html` gives the article
  (id = file stem);
* a URL (``http(s)://...``): fetched by :class:`summarize.ingest.fetch.Fetcher` under the
  config's ``fetch`` section, then read as a page or, when the answer is an RSS/Atom
  document, as a feed (id = the last part of the URL's path, else its host);
* a feed (``.rss``/``.atom``, an ``.xml`` file that is one, or a feed URL): one article per
  entry -- the linked page, fetched and extracted, when it is reachable; else the entry's
  summary, with a :class:`~summarize.types.SkippedInput` saying that the page could not be
  fetched and why (the summary is still an article).  The entry's title and date win over
  the page's: they are the publisher's own metadata for that story.

A URL that cannot be fetched gives a ``SkippedInput`` naming it and why; the other inputs
are still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from summarize.errors import InputError
from summarize.ingest.feeds import Feed, looks_like_feed, parse_feed
from summarize.ingest.fetch import Fetcher, FetchError
from summarize.ingest.html import decode_html, extract_html
from summarize.ingest.ids import content_id
from summarize.ingest.records import Records
from summarize.lang.script import normalize_text
from summarize.types import Article, SkippedInput

if TYPE_CHECKING:  # pragma: no cover
    from summarize.config import FetchConfig

__all__ = ["HTML_SUFFIXES", "Web", "url_id"]

HTML_SUFFIXES = (".html", ".htm")
Items = Iterator[Article | SkippedInput]
_SLUG_STRIP_RE = re.compile(r"\.(?:html?|cms|php|aspx?)$", re.I)


def url_id(url: str) -> str:
    """A readable id for a URL: the last part of its path (no extension), else its host."""
    parts = urlsplit(url)
    last = [p for p in parts.path.split("/") if p]
    name = _SLUG_STRIP_RE.sub("", last[-1]) if last else ""
    return name or parts.hostname or content_id(url)


class Web:
    """Reads pages, URLs and feeds into articles with the readers' id scope."""

    def __init__(
        self,
        records: Records,
        fetch_config: FetchConfig | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.records = records
        self._fetch_config = fetch_config
        self._fetcher = fetcher

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self._fetch_config)
        return self._fetcher

    def page(self, html: str, *, article_id: str, source: str, url: str | None) -> Article:
        """One HTML page as an article (title, date, author and removals from extraction)."""
        ex = extract_html(html, url=url)
        return Article(
            id=self.records.ids.take(article_id),
            source=source,
            raw_text=normalize_text(ex.text),
            title=ex.title,
            date=ex.date,
            url=url or ex.url,
            meta=ex.meta(),
        )

    def html_file(self, path: Path) -> Items:
        """A saved page, decoded by its ``<meta charset>`` (UTF-8 when it names none)."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield SkippedInput(str(path), "file", f"cannot read: {exc.strerror or exc}")
            return
        html = decode_html(data)
        if not html.strip():
            yield SkippedInput(str(path), "file", "empty file")
            return
        yield self.page(html, article_id=path.stem, source=str(path), url=None)

    def feed_file(self, path: Path, data: bytes) -> Items:
        yield from self.feed(data, source=str(path))

    def url(self, url: str, *, feeds: bool = True) -> Items:
        """The page (or, with ``feeds``, the feed) at ``url``."""
        try:
            got = self.fetcher.fetch(url)
        except FetchError as exc:
            yield SkippedInput(url, "url", f"the page could not be fetched: {exc.reason}")
            return
        if feeds and looks_like_feed(got.body, got.content_type):
            yield from self.feed(got.body, source=url)
            return
        html = decode_html(got.body, got.charset)
        if not html.strip():
            yield SkippedInput(url, "url", "the server sent an empty page")
            return
        yield self.page(html, article_id=url_id(got.final_url), source=url, url=got.final_url)

    def feed(self, data: bytes, *, source: str) -> Items:
        try:
            parsed = parse_feed(data, source=source)
        except InputError as exc:
            yield SkippedInput(source, "feed", str(exc).removeprefix(f"{source}: "))
            return
        if not parsed.entries:
            yield SkippedInput(source, "feed", "the feed has no entries")
            return
        yield from self._entries(parsed, source)

    def _linked_page(self, link: str) -> Article | str:
        """The page an entry links to, or why it could not be read."""
        for item in self.url(link, feeds=False):
            return item if isinstance(item, Article) else item.message
        return "nothing was read"

    def _entries(self, parsed: Feed, source: str) -> Items:
        for i, entry in enumerate(parsed.entries):
            where = f"entry {i}"
            meta = {"feed": parsed.title or source, "feed_summary": entry.summary}
            article: Article | None = None
            if entry.link and entry.link.lower().startswith(("http://", "https://")):
                got = self._linked_page(entry.link)
                if isinstance(got, Article):
                    article = got
                else:
                    yield SkippedInput(
                        source, where, f"{entry.link}: {got}; the feed's summary was used"
                    )
            if article is None:
                if not entry.summary.strip():
                    yield SkippedInput(source, where, "no page could be read and no summary")
                    continue
                name = url_id(entry.link) if entry.link else f"{Path(source).stem}#{i}"
                article = Article(
                    id=self.records.ids.take(name),
                    source=source,
                    raw_text=normalize_text(entry.summary),
                    url=entry.link,
                    meta={"text_from": "feed summary"},
                )
            article.title = entry.title or article.title
            article.date = entry.date or article.date
            article.meta = {**article.meta, **meta, "location": f"{source} [{where}]"}
            yield article
