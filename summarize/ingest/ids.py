"""The one rule that makes article ids unique.

An article's id names it in every output (``articles.jsonl``, the merged summary's source
references, the app), so two articles must never share one.  The first article with an id
keeps it; later ones get ``~2``, ``~3``... (``a``, ``a~2``, ``a~3``).  A suffix that is
already taken (a record whose own id is ``a~2``) is skipped, so the result never collides.
``~`` is used, not ``#``, because ``#N`` already means "record N of a file" in the default
ids that :mod:`summarize.ingest` gives (``news#0``, ``news#1``).

Ingest, the pipeline and the app all go through :class:`UniqueIds`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from summarize.types import Article

__all__ = ["UniqueIds", "content_id", "with_unique_ids"]


def content_id(text: str) -> str:
    """A stable id from the text itself, for articles that come with no name."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class UniqueIds:
    """Hands out ids that are unique within one scope (one read, one run)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        # id -> how many times it was asked for; every id handed out is a key
        self._seen: dict[str, int] = dict.fromkeys(taken, 1)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._seen

    def take(self, article_id: str) -> str:
        """``article_id`` itself the first time, else the next free ``article_id~N``."""
        n = self._seen.get(article_id, 0) + 1
        self._seen[article_id] = n
        if n == 1:
            return article_id
        new = f"{article_id}~{n}"
        while new in self._seen:
            n += 1
            new = f"{article_id}~{n}"
        self._seen[new] = 1
        return new


def with_unique_ids(articles: Iterable[Article], ids: UniqueIds | None = None) -> list[Article]:
    """``articles`` in order, each renamed through ``ids`` (a fresh scope by default)."""
    ids = ids if ids is not None else UniqueIds()
    out: list[Article] = []
    for article in articles:
        new = ids.take(article.id)
        out.append(article if new == article.id else dataclasses.replace(article, id=new))
    return out
