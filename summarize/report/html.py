"""The HTML report (``report.html``): one self-contained file, no external assets or scripts.

Every piece of user or model text goes through :func:`esc` (:func:`html.escape` with
``quote=True``), so an article carrying ``<script>`` shows it literally.  The merged summary
cites its sources by short coloured labels (``A1`` ... ``An``, the app's, with a legend
naming the articles): each chip links to the anchor of its source sentence in the article's
column (:func:`sentence_anchor`; article ids may hold any character, so anchors are built
from a hash of the id), and a ``+A1`` chip to a further sentence of the same article.  The
articles stand side by side in one row (scrolling sideways when they do not fit).  The stylesheet is the package file ``report/static/report.css``,
inlined into the page.

:func:`esc` and :func:`removed_item` are also what the web app (:mod:`summarize.app.render`)
uses, so both views escape and list the cleaner's spans the same way.
"""

from __future__ import annotations

import hashlib
import html
from functools import cache
from importlib import resources

from summarize.report.common import (
    article_label,
    article_title,
    article_titles,
    colour_class,
    flag_text,
)
from summarize.report.coverage import coverage_html
from summarize.report.members import members_details
from summarize.strategies.registry import strategy_label
from summarize.types import (
    ArticleResult,
    ArticleSummary,
    Flag,
    MergedSentence,
    MergedSummary,
    Removed,
    RunResult,
    SourceRef,
    TranslatedArticle,
)


@cache
def report_css() -> str:
    """The report's stylesheet (package data)."""
    return resources.files("summarize.report").joinpath("static/report.css").read_text("utf-8")


def esc(value: object) -> str:
    """Escape any value for HTML element content or a quoted attribute (None -> "")."""
    return html.escape("" if value is None else str(value), quote=True)


def _slug(article_id: str) -> str:
    """An anchor-safe name for an article id (ids may hold any character)."""
    return "a" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:10]


def sentence_anchor(article_id: str, paragraph: int, sentence: int) -> str:
    """The element id of a sentence of the cleaned article in the report."""
    return f"{_slug(article_id)}-p{paragraph}-s{sentence}"


def removed_item(r: Removed, reason_class: str = "reason", line_class: str | None = None) -> str:
    """One removed or flagged span as ``<li>``: the reason as a badge, then the text.

    With ``line_class`` the span's 1-based line in the raw text is shown between them (the
    app does; the report does not).
    """
    line = ""
    if line_class and r.line is not None:
        line = f" <span class='{line_class}'>line {int(r.line) + 1}</span>"
    return f"<li><span class='{reason_class}'>{esc(r.reason)}</span>{line} {esc(r.text)}</li>"


def _flags(flags: list[Flag]) -> str:
    if not flags:
        return ""
    items = "".join(f"<li class='flag'>{esc(flag_text(f))}</li>" for f in flags)
    return f"<ul>{items}</ul>"


def _summary(s: ArticleSummary) -> str:
    parts = [
        f"<h3>{esc(strategy_label(s.strategy))} <span class='meta'>({esc(s.lang)}, {esc(s.model)})</span></h3>",
        f"<p>{esc(s.text) if s.text else '<em>(empty)</em>'}</p>",
    ]
    src_summary = s.extra.get("source_summary") if isinstance(s.extra, dict) else None
    if src_summary:
        parts.append(f"<p class='meta'>Before translation: {esc(src_summary)}</p>")
    if s.omitted_note:
        parts.append(f"<p class='meta'>Input: {esc(s.omitted_note)}</p>")
    parts.append(_flags(s.flags))
    return "".join(parts)


def _translation(tr: TranslatedArticle) -> str:
    out = [
        f"<h3>Translation <span class='meta'>({esc(tr.engine)}: {esc(tr.model)})</span></h3>",
        "<div class='tgt'>",
    ]
    for para in tr.paragraphs:
        out.append(f"<p lang='{esc(tr.tgt_lang)}'>{esc(' '.join(para))}</p>")
    missing = [p for p in tr.pairs if p.missing_numbers]
    if missing:
        out.append("<ul>")
        for p in missing:
            out.append(
                f"<li class='flag'>numbers not in the translation of sentence "
                f"{p.paragraph + 1}.{p.sentence + 1}: {esc(', '.join(p.missing_numbers))}</li>"
            )
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def _spans(heading: str, items: list[Removed]) -> str:
    """A collapsed "Removed text" or "Kept but flagged" list (nothing when empty)."""
    if not items:
        return ""
    return (
        f"<details><summary>{heading} ({len(items)})</summary><ul class='removed'>"
        + "".join(removed_item(r) for r in items)
        + "</ul></details>"
    )


def _article(a: ArticleResult, index: int) -> str:
    art = a.article
    meta = [f"id: {esc(art.id)}", f"source: {esc(art.source)}"]
    if art.date:
        meta.append(f"date: {esc(art.date)}")
    if art.url:
        meta.append(f"url: {esc(art.url)}")
    out = [
        f"<div class='col {colour_class(index)}' id='{_slug(art.id)}'>",
        f"<h2><span class='chip {colour_class(index)}'>{article_label(index)}</span> "
        f"{esc(article_title(art))}</h2>",
        f"<p class='meta'>{' · '.join(meta)}</p>",
    ]
    out.extend(_summary(s) for s in a.summaries)
    out.append("<h3>Clean text</h3><div class='src'>")
    for pi, para in enumerate(art.paragraphs):
        sents = " ".join(
            f"<span class='sent' id='{sentence_anchor(art.id, pi, si)}'>{esc(s)}</span>"
            for si, s in enumerate(para)
        )
        out.append(f"<p lang='{esc(art.lang)}'>{sents}</p>")
    out.append("</div>")
    if a.translation is not None:
        out.append(_translation(a.translation))
    out.append(_spans("Removed text", art.removed))
    out.append(_spans("Kept but flagged", art.flagged))
    out.append("</div>")
    return "".join(out)


class _Labels:
    """Each article's short label and colour (``A1``, ``c0``), by id, in result order."""

    def __init__(self, result: RunResult) -> None:
        self.titles = article_titles(result)
        self.index = {a.article.id: i for i, a in enumerate(result.articles)}

    def chip(self, aid: str, href: str, tip: str, more: bool = False) -> str:
        """A link chip to ``href``; ``more``: a further sentence of the article (``+A1``)."""
        i = self.index.get(aid)
        if i is None:
            return f"<a class='chip' href='#{href}' title='{esc(tip)}'>{esc(aid)}</a>"
        text = f"+{article_label(i)}" if more else article_label(i)
        cls = "chip more" if more else "chip"
        return f"<a class='{cls} {colour_class(i)}' href='#{href}' title='{esc(tip)}'>{text}</a>"

    def badge(self, aid: str) -> str:
        i = self.index.get(aid)
        if i is None:
            return f"<span class='chip'>{esc(aid)}</span>"
        return f"<span class='chip {colour_class(i)}'>{article_label(i)}</span>"

    def legend(self) -> str:
        """Which article each label stands for, and what a ``+`` chip is."""
        items = "".join(
            f"<li>{self.chip(aid, _slug(aid), title)} {esc(title)}</li>"
            for aid, title in self.titles.items()
        )
        return (
            f"<ul class='legend'>{items}</ul><p class='meta'>A chip links to the sentence of "
            "that article that says this; <b>+A1</b> links to a further sentence of the same "
            "article that says it too.</p>"
        )


def _ref_href(ref: SourceRef) -> str:
    return sentence_anchor(ref.article_id, ref.paragraph, ref.sentence)


def _source_chips(s: MergedSentence, labels: _Labels) -> str:
    """A chip per source (to its first supporting sentence), then "+A1" chips for further refs."""
    first_ref: dict[str, SourceRef] = {}
    for r in s.refs:
        first_ref.setdefault(r.article_id, r)
    chips = []
    for aid in s.sources:
        ref = first_ref.get(aid)
        title = labels.titles.get(aid, aid)
        href = _ref_href(ref) if ref else _slug(aid)
        chips.append(labels.chip(aid, href, f"{title} — {ref.text}" if ref else title))
    chips += [
        labels.chip(r.article_id, _ref_href(r), f"another sentence: {r.text}", more=True)
        for r in s.refs
        if first_ref.get(r.article_id) is not r
    ]
    return "".join(chips)


def _merged(merged: MergedSummary, labels: _Labels) -> str:
    out = [
        f"<h2>Merged summary <span class='meta'>({esc(merged.lang)}, {esc(merged.method)})</span></h2>",
        labels.legend(),
        "<ol class='merged'>",
    ]
    short = {aid: article_label(i) for aid, i in labels.index.items()}
    for s in merged.sentences:
        unique = "<span class='unique'>one source only</span>" if s.unique else ""
        out.append(
            f"<li>{esc(s.text)} {_source_chips(s, labels)}"
            f"<span class='meta'> · {s.agreement} agree · support {s.support:.2f}</span>{unique}"
            f"{_flags(s.flags)}{members_details(s, short)}</li>"
        )
    out.append("</ol>")
    if merged.conflicts:
        out.append("<h3>Conflicts between sources</h3>")
        for c in merged.conflicts:
            vals = "; ".join(f"{labels.badge(k)} {esc(v)}" for k, v in c.values.items())
            links = " ".join(labels.chip(r.article_id, _ref_href(r), r.text) for r in c.refs)
            out.append(
                f"<div class='conflict'><strong>{esc(c.kind)}</strong>: {esc(c.description)}"
                f" <span class='meta'>({vals})</span> {links}</div>"
            )
    if merged.coverage is not None:
        out.append(coverage_html(merged.coverage, labels.titles))
    if merged.notes:  # how the merge went: not a conflict, so a heading of its own
        out.append(
            "<h3>Run notes</h3><ul>"
            + "".join(f"<li class='meta'>{esc(n)}</li>" for n in merged.notes)
            + "</ul>"
        )
    return "".join(out)


def _footer(result: RunResult) -> list[str]:
    body = []
    if result.errors:
        body.append("<h2>Input errors</h2><ul>")
        for e in result.errors:
            body.append(f"<li class='flag'>{esc(e.source)} ({esc(e.where)}): {esc(e.message)}</li>")
        body.append("</ul>")
    if result.timings or result.models:
        body.append("<details><summary>Models and timings</summary><table>")
        for role, model in result.models.items():
            body.append(f"<tr><th>{esc(role)}</th><td>{esc(model)}</td></tr>")
        for stage, secs in result.timings.items():
            body.append(f"<tr><th>{esc(stage)}</th><td>{secs:.2f} s</td></tr>")
        body.append("</table></details>")
    return body


def to_html(result: RunResult, title: str = "Summary report") -> str:
    """The whole report as one HTML page."""
    cfg_name = result.config.get("name", "") if result.config else ""
    body = [
        f"<h1>{esc(title)}</h1>",
        f"<p class='meta'>config: {esc(cfg_name)} · schema {esc(result.schema_version)} · "
        f"{len(result.articles)} article(s)</p>",
    ]
    body += [f"<div class='notice'>{esc(notice)}</div>" for notice in result.notices]
    if result.merged is not None:
        body.append(_merged(result.merged, _Labels(result)))
    body.append("<div class='cols'>")
    body.extend(_article(a, i) for i, a in enumerate(result.articles))
    body.append("</div>")
    body += _footer(result)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{esc(title)}</title><style>\n{report_css()}</style></head><body>"
        + "".join(body)
        + "</body></html>\n"
    )


__all__ = ["esc", "removed_item", "report_css", "sentence_anchor", "to_html"]
