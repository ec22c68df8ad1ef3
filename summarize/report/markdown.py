"""The Markdown report (``summary.md``): a run for reading in a terminal or a pull request.

Sections in order: a header (config, schema, article count, notices), the merged summary
with a legend of the source labels (``A1`` ... ``An``, as in the HTML report and the app),
each sentence citing its sources by label, conflicts, and the run notes under their own
heading, then per article (headed by its label) its summaries by strategy, the
clean text, the translation and what the cleaner removed or flagged, and a footer with
input errors, timings and models.  User and model text goes through :func:`md_escape`, so
it is never read as Markdown structure or raw HTML.
"""

from __future__ import annotations

from summarize.report.common import (
    article_label,
    article_labels,
    article_title,
    article_titles,
    flag_text,
)
from summarize.report.coverage import coverage_markdown
from summarize.strategies.registry import strategy_label
from summarize.types import ArticleResult, MergedSummary, Removed, RunResult


def md_escape(text: str) -> str:
    """``text`` with the characters Markdown would read as structure (and ``<``/``>``) escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")
        .replace("[", "\\[")
        .replace("]", "\\]")
    )


def _header(result: RunResult, title: str) -> list[str]:
    cfg_name = result.config.get("name", "") if result.config else ""
    lines = [
        f"# {md_escape(title)}",
        "",
        f"Config: `{cfg_name}` · schema {result.schema_version} · {len(result.articles)} article(s)",
        "",
    ]
    for notice in result.notices:
        lines += [f"> **Note:** {md_escape(notice)}", ""]
    return lines


def _legend(titles: dict[str, str], labels: dict[str, str]) -> list[str]:
    """Which article each source label stands for."""
    lines = ["Sources:", ""]
    lines += [f"- **{labels[aid]}** {md_escape(title)}" for aid, title in titles.items()]
    return lines + [""]


def _merged(merged: MergedSummary, titles: dict[str, str], labels: dict[str, str]) -> list[str]:
    lines = [f"## Merged summary ({merged.lang}, {merged.method})", ""]
    lines += _legend(titles, labels)

    def label(aid: str) -> str:
        return labels.get(aid) or md_escape(aid)

    for i, s in enumerate(merged.sentences, 1):
        cites = ", ".join(label(a) for a in s.sources)
        tag = " *(one source only)*" if s.unique else ""
        lines.append(
            f"{i}. {md_escape(s.text)} — {cites} "
            f"(agree: {s.agreement}, support {s.support:.2f}){tag}"
        )
        lines += [f"   - flag: {md_escape(flag_text(f))}" for f in s.flags]
    lines.append("")
    if merged.conflicts:
        lines += ["### Conflicts", ""]
        for c in merged.conflicts:
            vals = "; ".join(f"{label(k)}: {md_escape(v)}" for k, v in c.values.items())
            lines.append(f"- **{c.kind}**: {md_escape(c.description)} ({vals})")
        lines.append("")
    if merged.coverage is not None:
        lines += coverage_markdown(merged.coverage, titles, md_escape)
    if merged.notes:  # how the merge went: not a conflict, so a heading of its own
        lines += ["### Run notes", ""]
        lines += [f"- {md_escape(note)}" for note in merged.notes]
        lines.append("")
    return lines


def _spans(heading: str, items: list[Removed]) -> list[str]:
    """A "Removed" or "Kept but flagged" list (nothing when empty)."""
    if not items:
        return []
    return [
        f"### {heading}",
        "",
        *(f"- *{md_escape(r.reason)}*: {md_escape(r.text)}" for r in items),
        "",
    ]


def _article(a: ArticleResult, label: str) -> list[str]:
    art = a.article
    meta = [f"id `{art.id}`", f"source `{art.source}`"]
    if art.date:
        meta.append(f"date {art.date}")
    lines = [f"## {label} · {md_escape(article_title(art))}", "", " · ".join(meta), ""]
    for s in a.summaries:
        lines += [f"### {strategy_label(s.strategy)} ({s.lang}, `{s.model}`)", ""]
        lines += [md_escape(s.text) if s.text else "*(empty)*", ""]
        if s.omitted_note:
            lines += [f"*Input:* {md_escape(s.omitted_note)}", ""]
        lines += [f"- flag: {md_escape(flag_text(f))}" for f in s.flags]
        if s.flags:
            lines.append("")
    lines += ["### Clean text", ""]
    for para in art.paragraphs:
        lines += [md_escape(" ".join(para)), ""]
    if a.translation is not None:
        lines += [f"### Translation (`{a.translation.model}`)", ""]
        for para in a.translation.paragraphs:
            lines += [md_escape(" ".join(para)), ""]
    return lines + _spans("Removed", art.removed) + _spans("Kept but flagged", art.flagged)


def _footer(result: RunResult) -> list[str]:
    lines: list[str] = []
    if result.errors:
        lines += ["## Input errors", ""]
        lines += [f"- `{e.source}` ({e.where}): {md_escape(e.message)}" for e in result.errors]
        lines.append("")
    if result.timings:
        lines += ["## Timings", ""]
        lines.append(", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items()))
        lines.append("")
    if result.models:
        lines += ["## Models", ""]
        lines += [f"- {role}: `{model}`" for role, model in result.models.items()]
        lines.append("")
    return lines


def to_markdown(result: RunResult, title: str = "Summary report") -> str:
    """The whole report as Markdown text (``title``: its heading, e.g. the event's name)."""
    lines = _header(result, title)
    if result.merged is not None:
        lines += _merged(result.merged, article_titles(result), article_labels(result))
    for i, a in enumerate(result.articles):
        lines += _article(a, article_label(i))
    return "\n".join(lines + _footer(result))


__all__ = ["md_escape", "to_markdown"]
