"""HTML pages -> articles: the main text, title, author and date, and what extraction dropped.

Extraction stands on two well-kept libraries: ``trafilatura`` finds the main text of a page
(paragraph structure kept: one paragraph per line; comments left out) and its title and
author (``<meta>``, Open Graph, JSON-LD, the page itself), and ``htmldate`` its publication
date from the page's metadata (``original_date=True``: published before updated); a page
without one gets the stamp printed on it as our cleaner reads it, else htmldate's guess
(:func:`_date`).  What they leave -- captions, inline "also read" lines, MT debris -- is
for :mod:`summarize.clean`, which runs next.

Nothing is dropped unseen: :func:`visible_blocks` reads the page's visible text the way a
browser lays it out (one block per paragraph, heading, list item, table cell, ``<br>`` line;
``<script>``, ``<style>``, ``<template>``, ``hidden`` and ``display:none`` parts left out),
and every visible block that is neither in the extracted text nor the title is recorded as
removed with reason ``extraction``.  The cleaner adds those to the article's removals
(:data:`EXTRACTION_REMOVED`), so a user sees what extraction dropped beside what cleaning
dropped.

Both libraries are the optional extra ``html``; without them reading a page raises
:class:`~summarize.errors.MissingDependencyError` with the install command.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from summarize.errors import MissingDependencyError
from summarize.lang.script import normalize_text

__all__ = [
    "EXTRACTION_REMOVED",
    "Extraction",
    "decode_html",
    "extract_html",
    "html_to_text",
    "looks_like_html",
    "visible_blocks",
]

# Article.meta key holding [{"text", "reason"}] of what extraction dropped (read by the cleaner)
EXTRACTION_REMOVED = "extraction_removed"
EXTRA = "html"

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul option select button label".split()
)
_SKIP_TAGS = frozenset("script style noscript template head svg iframe object textarea".split())
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DOC_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_MIN_INSIDE = 25  # characters
_TAG_RE = re.compile(r"</(?:p|div|article|section|li|h[1-6]|span|td|body)>", re.I)


def _libs() -> tuple[Any, Any]:
    try:
        import htmldate
        import trafilatura
    except ImportError as exc:
        raise MissingDependencyError(exc.name or "trafilatura", EXTRA) from None
    return trafilatura, htmldate


def looks_like_html(text: str) -> bool:
    """A whole HTML document, or a fragment with several closed block tags (``</p>`` ...)."""
    head = text[:4096]
    return bool(_DOC_RE.match(head)) or len(_TAG_RE.findall(text[:200_000])) >= 3


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _parse(html: str | bytes) -> Any:
    try:
        import lxml.html
    except ImportError:
        raise MissingDependencyError("lxml", EXTRA) from None

    data = html.encode("utf-8") if isinstance(html, str) else html
    parser = lxml.html.HTMLParser(encoding="utf-8" if isinstance(html, str) else None)
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except Exception:  # lxml raises ParserError on an empty document
        return None


def _hidden(el: Any) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE_RE.search(el.get("style") or ""))


def visible_blocks(html: str | bytes) -> list[str]:
    """The visible text of a page, one block per paragraph / heading / item / ``<br>`` line."""
    root = _parse(html)
    if root is None:
        return []
    blocks: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = _squash("".join(buf))
        if text:
            blocks.append(text)
        buf.clear()

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP_TAGS or _hidden(el):
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return blocks


def html_to_text(html: str) -> str:
    """A fragment's visible text, blocks on their own lines (feed summaries, snippets)."""
    return "\n".join(visible_blocks(f"<html><body>{html}</body></html>"))


@dataclass
class Extraction:
    """What extraction found on one page."""

    text: str  # main text, one paragraph per line
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) from htmldate
    url: str | None = None
    sitename: str | None = None
    description: str | None = None
    removed: list[dict[str, str]] = field(default_factory=list)  # [{"text", "reason"}]
    extractor: str = "trafilatura"
    date_from: str | None = None  # which of the three ways of _date found it

    def meta(self) -> dict[str, Any]:
        """The fields that go to :attr:`Article.meta` (``format: html`` and the removals)."""
        out: dict[str, Any] = {"format": "html", "extractor": self.extractor}
        for key in ("author", "sitename", "description", "date_from"):
            value = getattr(self, key)
            if value:
                out[key] = value
        out[EXTRACTION_REMOVED] = self.removed
        return out


def _title_first_line(text: str, title: str | None) -> str:
    """The text without a first line that only repeats the title (it is in ``title``)."""
    lines = text.split("\n")
    if title and lines and _squash(lines[0]) == _squash(title):
        lines = lines[1:]
    return "\n".join(lines).strip("\n")


def _dropped(blocks: list[str], kept_text: str, title: str | None) -> list[dict[str, str]]:
    """The visible blocks that are neither in the extracted text nor the title."""
    kept = _squash(kept_text)
    kept_lines = {_squash(line) for line in kept_text.split("\n")}
    title_sq = _squash(title or "")
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for block in blocks:
        # a block inside a kept line (trafilatura joined two) counts as kept when it is long
        # enough not to match by chance, as a menu word would ("देश" in a sentence)
        inside = len(block) >= _MIN_INSIDE and block in kept
        if block in seen or block == title_sq or block in kept_lines or inside:
            continue
        seen.add(block)
        out.append({"text": block, "reason": "extraction"})
    return out


def _author(doc: Any, html: str) -> str | None:
    """trafilatura's author, made whole again where its clean-up cut a combining mark off
    the end of a name (Hindi ``दीपिका शर्मा`` came back as ``दीपिका शर्म``): the marks that
    follow the name where it stands in the page are put back."""
    author = _squash(getattr(doc, "author", None) or "") or None
    if author is None:
        return None
    at = html.find(author)
    if at < 0:
        return author
    end = at + len(author)
    while end < len(html) and unicodedata.category(html[end]).startswith("M"):
        end += 1
    return author + html[at + len(author) : end]


def _htmldate(htmldate: Any, html: str, url: str | None, extensive: bool) -> str | None:
    try:
        found = htmldate.find_date(html, url=url, original_date=True, extensive_search=extensive)
    except Exception:  # htmldate raises on odd markup; the next way may still find one
        return None
    return str(found) if found else None


def _date(
    htmldate: Any, html: str, blocks: list[str], url: str | None
) -> tuple[str | None, str | None]:
    """(date, how it was found), in order of trust: the page's metadata (htmldate without
    its guessing), the publication stamp printed on the page as our cleaner reads it
    (htmldate reads no Hindi month names: ``3 जनवरी 2024``), htmldate's extensive search
    (which can take a bare year in the text, ``2008 बैच``, for a date)."""
    found = _htmldate(htmldate, html, url, extensive=False)
    if found:
        return found, "metadata"
    from summarize.clean import clean_article
    from summarize.types import Article

    stamp = clean_article(Article("page", "page", "\n".join(blocks))).date
    if stamp:
        return stamp, "page stamp"
    found = _htmldate(htmldate, html, url, extensive=True)
    return found, "htmldate guess" if found else None


def extract_html(html: str, *, url: str | None = None) -> Extraction:
    """Main text, title, author and date of one page (see the module docstring).

    A page where trafilatura finds no main text keeps its whole visible text (nothing
    recorded as dropped), so the cleaner still has the page to work on.
    """
    trafilatura, htmldate = _libs()
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
    )
    title = _squash(getattr(doc, "title", None) or "") or None
    text = normalize_text(getattr(doc, "text", None) or "")
    text = _title_first_line(text, title)
    blocks = visible_blocks(html)
    extractor = "trafilatura"
    if not text.strip():
        text = "\n".join(blocks)
        extractor = "none: trafilatura found no main text; the page's visible text is cleaned"
    date, date_from = _date(htmldate, html, blocks, url)
    return Extraction(
        text=text,
        title=title,
        author=_author(doc, html),
        date=date,
        url=url or getattr(doc, "url", None),
        sitename=getattr(doc, "sitename", None),
        description=getattr(doc, "description", None),
        removed=_dropped(blocks, text, title),
        extractor=extractor,
        date_from=date_from,
    )


_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, charset: str | None = None) -> str:
    """A page's text: a byte-order mark, else the server's charset, else ``<meta charset>``,
    else UTF-8; bytes that fit none of them are decoded by trafilatura's detection
    (charset_normalizer), which never fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    meta = _META_CHARSET_RE.search(data[:4096])
    for encoding in (charset, meta.group(1).decode("ascii") if meta else None, "utf-8"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    trafilatura, _ = _libs()
    from trafilatura.utils import decode_file

    return str(decode_file(data))
