"""What every view of a result says the same way: article titles, flag text, strategy order.

The Markdown and HTML reports and the web app (:mod:`summarize.app.render`) all name an
article (its title, and its short source label ``A1`` with a colour), describe a
faithfulness flag and list the strategies of a run; these functions are
the one wording of each, so the three views never drift apart.  Strategy labels come from
:func:`summarize.strategies.registry.strategy_label`.
"""

from __future__ import annotations

from summarize.types import CleanArticle, Flag, RunResult

PREVIEW_CHARS = 80  # longest opening sentence shown as a title in the app
# Source labels: an article is "A1", "A2" ... by its position in the result, with one of
# N_COLOURS colours reused in turn (``c0`` ... ``c7``: the same palette in report.css and
# app.css), so a merged sentence cites its sources in a few characters and a legend names them.
N_COLOURS = 8


def article_label(index: int) -> str:
    """Short label of the article at ``index`` (0-based): A1, A2, ..."""
    return f"A{index + 1}"


def colour_class(index: int, prefix: str = "") -> str:
    """The colour class of the article at ``index`` (``c0`` ... ``c7``; ``sm-c0`` in the app)."""
    return f"{prefix}c{index % N_COLOURS}"


def article_labels(result: RunResult) -> dict[str, str]:
    """Article id -> :func:`article_label`, in the result's article order."""
    return {a.article.id: article_label(i) for i, a in enumerate(result.articles)}


def article_title(article: CleanArticle, *, preview: bool = False) -> str:
    """The article's title; without one, its id.

    With ``preview`` (the app, where a column needs a readable heading and the id is shown
    elsewhere) the opening sentence, cut to :data:`PREVIEW_CHARS`, comes before the id.
    The reports keep the id, which is also what their links and source lines print.
    """
    if article.title:
        return article.title
    if preview:
        sentences = article.sentences()
        if sentences:
            first = sentences[0]
            return first if len(first) <= PREVIEW_CHARS else first[: PREVIEW_CHARS - 3] + "…"
    return article.id


def article_titles(result: RunResult) -> dict[str, str]:
    """Article id -> :func:`article_title`, for naming the sources of merged sentences."""
    return {a.article.id: article_title(a.article) for a in result.articles}


def flag_text(flag: Flag) -> str:
    """One line describing a flag: ``kind `text` (sentence N): detail``."""
    where = f" (sentence {flag.sentence + 1})" if flag.sentence is not None else ""
    detail = f": {flag.detail}" if flag.detail else ""
    return f"{flag.kind} `{flag.text}`{where}{detail}"


def strategies_of(result: RunResult) -> list[str]:
    """The strategies that produced summaries in ``result``, in order of first appearance."""
    seen: dict[str, None] = {}
    for a in result.articles:
        for s in a.summaries:
            seen.setdefault(s.strategy, None)
    return list(seen)


__all__ = [
    "N_COLOURS",
    "PREVIEW_CHARS",
    "article_label",
    "article_labels",
    "article_title",
    "article_titles",
    "colour_class",
    "flag_text",
    "strategies_of",
]
