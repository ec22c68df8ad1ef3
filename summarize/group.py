"""Group articles into events: the articles that report one story.

A multi-source summary is made per event, so a batch of articles is first split into
events.  Today the grouping comes from the input itself: a record field named by the user
(``--group-by event``; any field kept in :attr:`Article.meta`, or one of the article's own
``title``/``date``/``url``/``source``) says which event each article belongs to.  Without a
field, all inputs form one event, :data:`ALL_INPUTS_EVENT`, which the batch runner names
after its content (:func:`summarize.event_names.content_event_name`: the words the titles
share).  Articles that lack the field
are not dropped: they form their own event, named by :func:`no_field_event`.

``--group-by auto`` (:data:`AUTO`) groups a feed by its content instead: online clustering
of the articles in publication order (:mod:`summarize.grouping`, which needs the embedder
and so is called by the runner through :func:`group_auto`); a record field named ``auto``
cannot be used for grouping.

Events keep the order in which they first appear in the input, and articles keep their
input order within an event, so a rerun over the same input gives the same events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from summarize.types import Article, CleanArticle

if TYPE_CHECKING:  # pragma: no cover
    from summarize.engines.embeddings import Embedder
    from summarize.grouping import Event, GroupingOptions

__all__ = ["ALL_INPUTS_EVENT", "AUTO", "event_of", "group_articles", "group_auto", "no_field_event"]

ALL_INPUTS_EVENT = "all"
AUTO = "auto"  # --group-by auto: events found by summarize.grouping
# Article attributes that can name an event when the record has no such meta field.
_ARTICLE_FIELDS = ("title", "date", "url", "source")


def no_field_event(group_by: str) -> str:
    """The event of the articles that have no ``group_by`` value."""
    return f"(no {group_by})"


def event_of(article: Article, group_by: str | None) -> str | None:
    """The event ``article`` belongs to by its ``group_by`` field; ``None`` when it has none."""
    if not group_by:
        return ALL_INPUTS_EVENT
    value = article.meta.get(group_by)
    if value is None and group_by in _ARTICLE_FIELDS:
        value = getattr(article, group_by)
    if value is None or str(value).strip() == "":
        return None
    return str(value).strip()


def group_articles(articles: Sequence[Article], group_by: str | None) -> dict[str, list[Article]]:
    """Event name -> its articles, events in order of first appearance."""
    groups: dict[str, list[Article]] = {}
    for article in articles:
        name = event_of(article, group_by)
        if name is None:
            name = no_field_event(group_by or "")
        groups.setdefault(name, []).append(article)
    return groups


def group_auto(
    articles: Sequence[Article],
    clean: Callable[[Article], CleanArticle],
    embedder: Embedder,
    options: GroupingOptions | None = None,
) -> tuple[dict[str, list[Article]], dict[str, Event]]:
    """``--group-by auto``: event id -> its articles, and the events with their memberships."""
    from summarize.grouping import group_stream

    return group_stream(articles, clean, embedder, options)
