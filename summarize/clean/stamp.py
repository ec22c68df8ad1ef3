"""The publication date of a cleaned page.

The date is the article's own stamp: ``Article.date`` when given; else the stamp among the
metadata lines above a next-story marker (published before updated before any other date
line); else a date in the URL (``/2023/09/13/``, ``-20230913``).  A date inside the story,
or in the story after "Next Post", is never taken, and none is guessed.
"""

from __future__ import annotations

import re

from summarize.clean.page import Line, Page
from summarize.clean.patterns import META_KEYWORDS
from summarize.lang.dates import DateMatch, parse_date

__all__ = ["find_date"]

_PUBLISHED_RE = re.compile(r"(publish|posted|प्रकाशित|पब्लिश)", re.I)
_URL_DATE_RE = re.compile(
    r"(?<!\d)(20\d\d)[/\-_]?(0[1-9]|1[0-2])[/\-_]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def _stamp(page: Page) -> tuple[Line, DateMatch] | None:
    """The best-ranked dated metadata line of the article proper."""
    best: tuple[int, Line, DateMatch] | None = None
    for ln in page.main:  # not the date of the story after "Next Post"
        if ln.label != "metadata":
            continue
        dm = parse_date(ln.text)
        if dm is None:
            continue
        rank = 0 if _PUBLISHED_RE.search(ln.text) else (1 if META_KEYWORDS.search(ln.text) else 2)
        if best is None or rank < best[0]:
            best = (rank, ln, dm)
    return None if best is None else (best[1], best[2])


def find_date(page: Page) -> None:
    """Set ``page.date`` (ISO 8601) and ``page.date_raw`` (the text it was read from)."""
    article = page.article
    if article.date:
        dm = parse_date(article.date)
        page.date_raw = article.date
        page.date = dm.iso if dm else article.date
        return
    found = _stamp(page)
    if found is not None:
        ln, dm = found
        page.date = dm.iso
        page.date_raw = (ln.text[: dm.end].strip() if dm.end < len(ln.text) else ln.text).strip()
        return
    if article.url:
        m = _URL_DATE_RE.search(article.url)
        dm_url = parse_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") if m else None
        if dm_url:
            page.date, page.date_raw = dm_url.iso, article.url
