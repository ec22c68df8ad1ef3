"""The coverage table of an event (:mod:`summarize.merge.coverage`) in Markdown and HTML.

One fragment per format, used by the Markdown report, the HTML report and the web app
(:mod:`summarize.app.render`), so the three say the same: a heatmap-style table of merged
facts (rows) x sources (columns, by their short labels ``A1``... in their chip colours), a
cell per fact and source — reported (a filled chip ``✓``), conflicting (``≠`` and the
source's value), not reported (``·``) — then the blindspots (facts one source alone
reports) and the timeline of the event's articles.  Every text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from summarize.merge.coverage import CONFLICTING, REPORTED
from summarize.report.common import article_label, colour_class
from summarize.types import Coverage

__all__ = ["COVERAGE_KEY", "coverage_html", "coverage_markdown"]

COVERAGE_KEY = "✓ reported · ≠ conflicting (the source's value) · · not reported"
_SHORT = 90  # characters of a fact shown in a row heading (the whole text is its tooltip)


def _short(text: str) -> str:
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def coverage_markdown(
    cov: Coverage, titles: Mapping[str, str], md_escape: Callable[[str], str]
) -> list[str]:
    """``### Coverage`` lines: the table, blindspots and timeline (``titles``: id -> title;
    ``md_escape``: the Markdown report's escaping, to which table cells add ``|``)."""

    def _md(text: str) -> str:
        return md_escape(text).replace("|", "\\|").replace("\n", " ")

    labels = {aid: article_label(i) for i, aid in enumerate(cov.sources)}
    lines = ["### Coverage", "", COVERAGE_KEY, ""]
    lines.append("| fact | " + " | ".join(labels[a] for a in cov.sources) + " |")
    lines.append("|---|" + "---|" * len(cov.sources))
    for row in cov.rows:
        cells = []
        for aid in cov.sources:
            state = row.cells.get(aid)
            if state == REPORTED:
                cells.append("✓")
            elif state == CONFLICTING:
                cells.append(f"≠ {_md(row.values.get(aid, ''))}".strip())
            else:
                cells.append("·")
        lines.append(f"| {row.sentence + 1}. {_md(_short(row.text))} | " + " | ".join(cells) + " |")
    lines.append("")
    if cov.blindspots:
        lines += ["Blindspots (one source only):", ""]
        lines += [
            f"- fact {b.sentence + 1}: only {labels.get(b.article_id, b.article_id)}"
            for b in cov.blindspots
        ]
        lines.append("")
    lines += ["Timeline:", ""]
    for t in cov.timeline:
        title = _md(titles.get(t.article_id) or t.title or t.article_id)
        lines.append(
            f"- {t.date or 'undated'} · **{labels.get(t.article_id, t.article_id)}** {title}"
        )
    return lines + [""]


def _chip(aid: str, index: Mapping[str, int], prefix: str, text: str | None = None) -> str:
    i = index.get(aid)
    if i is None:
        return f"<span class='{prefix}chip'>{escape(text or aid)}</span>"
    return f"<span class='{prefix}chip {colour_class(i, prefix)}'>{escape(text or article_label(i))}</span>"


def _cell(state: str | None, aid: str, value: str, index: Mapping[str, int], prefix: str) -> str:
    label = article_label(index[aid]) if aid in index else aid
    if state == REPORTED:
        return f"<td class='{prefix}cov-reported' title='{escape(label)}: reported'>{_chip(aid, index, prefix, '✓')}</td>"
    if state == CONFLICTING:
        tip = escape(f"{label}: conflicting — {value}")
        return f"<td class='{prefix}cov-conflicting' title='{tip}'>≠ {escape(value)}</td>"
    return f"<td class='{prefix}cov-not-reported' title='{escape(label)}: not reported'>·</td>"


def coverage_html(cov: Coverage, titles: Mapping[str, str], prefix: str = "") -> str:
    """The coverage section as HTML; ``prefix``: the CSS class prefix (``sm-`` in the app)."""
    index = {aid: i for i, aid in enumerate(cov.sources)}
    head = "".join(
        f"<th scope='col' title='{escape(titles.get(a, a))}'>{_chip(a, index, prefix)}</th>"
        for a in cov.sources
    )
    rows = []
    for row in cov.rows:
        cells = "".join(
            _cell(row.cells.get(a), a, row.values.get(a, ""), index, prefix) for a in cov.sources
        )
        rows.append(
            f"<tr><th scope='row' title='{escape(row.text)}'>{row.sentence + 1}. "
            f"{escape(_short(row.text))}</th>{cells}</tr>"
        )
    out = [
        f"<h3>Coverage</h3><p class='{prefix}meta'>{escape(COVERAGE_KEY)}</p>",
        f"<table class='{prefix}cov'><thead><tr><th>fact</th>{head}</tr></thead>",
        f"<tbody>{''.join(rows)}</tbody></table>",
    ]
    if cov.blindspots:
        items = "".join(
            f"<li>fact {b.sentence + 1}: only {_chip(b.article_id, index, prefix)}</li>"
            for b in cov.blindspots
        )
        out.append(f"<h4>Blindspots (one source only)</h4><ul>{items}</ul>")
    items = "".join(
        f"<li><span class='{prefix}meta'>{escape(t.date or 'undated')}</span> "
        f"{_chip(t.article_id, index, prefix)} {escape(titles.get(t.article_id) or t.title or t.article_id)}</li>"
        for t in cov.timeline
    )
    out.append(f"<h4>Timeline</h4><ol class='{prefix}timeline'>{items}</ol>")
    return "".join(out)
