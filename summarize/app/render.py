"""HTML fragments of a :class:`~summarize.types.RunResult` for the web app.

Pure functions from the pipeline's dataclasses to HTML strings; nothing here imports
Gradio, so the fragments are tested without a server.

Safety rule: every piece of user or model text (article text, titles, sources, ids, model
output, error messages) goes through :func:`esc` (``html.escape`` with ``quote=True``)
before it reaches the markup, and is only ever placed in element content or in a
double-quoted attribute.  Element ids and ``data-`` attributes are built from positions
(article index, paragraph, sentence), never from user text, so they need no escaping.  A
URL becomes a link only when it is ``http(s)://``.  An article that contains ``<script>``
or ``<img onerror=...>`` therefore shows that text literally and runs nothing.

The escaping, the article title rule, the flag wording, the strategy labels and the list
items of removed text are the reports' (:mod:`summarize.report.html`,
:mod:`summarize.report.common`, :mod:`summarize.strategies.registry`); the ``sm-`` markup,
the anchors and the link rule are the app's own.

Anchors used by the page's script (``summarize/app/static/app.js``):

* ``sm-a-{a}``          the column of article ``a`` (0-based position in the result)
* ``sm-s-{a}-{p}-{s}``  Hindi sentence ``s`` of paragraph ``p``; ``sm-t-...`` its translation
* ``data-pair="{a}-{p}-{s}"`` on both, so hovering or selecting one highlights the other
* ``data-target`` on a source chip: the sentence id it jumps to
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from summarize.report.common import (
    article_label,
    article_title,
    colour_class,
    flag_text,
    strategies_of,
)
from summarize.report.coverage import coverage_html
from summarize.report.html import esc, removed_item
from summarize.report.members import members_details
from summarize.strategies.registry import strategy_label
from summarize.types import (
    ArticleResult,
    ArticleSummary,
    Conflict,
    Flag,
    MergedSentence,
    MergedSummary,
    RunResult,
    SkippedInput,
    SourceRef,
)


def _colour(index: int) -> str:
    return colour_class(index, "sm-")  # sm-c0 ... sm-c7 in app.css


def _safe_url(url: str | None) -> str:
    if not url:
        return ""
    u = url.strip()
    if u.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(u)}" target="_blank" rel="noopener noreferrer nofollow">{esc(u)}</a>'
    return esc(u)


def _article_index(result: RunResult) -> dict[str, int]:
    return {ar.article.id: i for i, ar in enumerate(result.articles)}


def _article_title(ar: ArticleResult) -> str:
    return article_title(ar.article, preview=True)


def _flags_html(flags: Iterable[Flag]) -> str:
    chips = []
    for f in flags:
        chips.append(
            f'<span class="sm-flag" title="{esc(flag_text(f))}">⚑ {esc(f.kind)}: {esc(f.text)}</span>'
        )
    return f'<span class="sm-flags">{"".join(chips)}</span>' if chips else ""


# --- merged summary -----------------------------------------------------------------------


def _source_chips(sent: MergedSentence, index: dict[str, int], result: RunResult) -> str:
    chips = []
    refs_by_article: dict[str, list[SourceRef]] = {}
    for ref in sent.refs:
        refs_by_article.setdefault(ref.article_id, []).append(ref)
    sources = list(dict.fromkeys([*sent.sources, *refs_by_article]))
    for aid in sources:
        ai = index.get(aid)
        if ai is None:
            chips.append(
                f'<span class="sm-chip sm-chip-unknown" title="{esc(aid)}">{esc(aid)}</span>'
            )
            continue
        refs = refs_by_article.get(aid) or []
        title = _article_title(result.articles[ai])
        if refs:
            ref = refs[0]
            target = f"sm-s-{ai}-{int(ref.paragraph)}-{int(ref.sentence)}"
            tip = f"{title} — {ref.text}"
            if ref.similarity is not None and ref.similarity < 1.0:
                tip += f" (similarity {float(ref.similarity):.2f})"
        else:
            target = f"sm-a-{ai}"
            tip = title
        chips.append(
            f'<a class="sm-chip {_colour(ai)}" href="#{target}" data-target="{target}" '
            f'title="{esc(tip)}">{article_label(ai)}</a>'
        )
    return "".join(chips)


def _conflicts_html(conflicts: Sequence[Conflict], index: dict[str, int]) -> str:
    if not conflicts:
        return ""
    items = []
    for c in conflicts:
        vals = []
        for aid, value in c.values.items():
            ai = index.get(aid)
            badge = (
                f'<span class="sm-chip {_colour(ai)}">{article_label(ai)}</span>'
                if ai is not None
                else f'<span class="sm-chip sm-chip-unknown">{esc(aid)}</span>'
            )
            vals.append(f'<li>{badge} <span class="sm-value">{esc(value)}</span></li>')
        items.append(
            f'<li class="sm-conflict"><span class="sm-kind">{esc(c.kind)}</span> '
            f'{esc(c.description)}<ul class="sm-values">{"".join(vals)}</ul></li>'
        )
    return (
        f'<div class="sm-conflicts"><h4>Conflicts between sources ({len(conflicts)})</h4>'
        f"<ul>{''.join(items)}</ul></div>"
    )


def render_merged(result: RunResult | None) -> str:
    """The merged summary: each sentence with source chips, agreement, unique and flags."""
    if result is None or result.merged is None:
        waiting = "" if result is None else " (waiting for the merge stage)"
        return (
            '<section class="sm-merged sm-empty" id="sm-merged"><h2>Merged summary</h2>'
            f'<p class="sm-muted">No merged summary yet{esc(waiting)}.</p></section>'
        )
    merged: MergedSummary = result.merged
    index = _article_index(result)
    n_articles = len(result.articles)
    rows = []
    for i, s in enumerate(merged.sentences):
        agree_title = f"reported by {s.agreement} of {n_articles} sources; support {s.support:.2f}"
        unique = (
            '<span class="sm-unique" title="reported by one source only">unique</span>'
            if s.unique
            else ""
        )
        rows.append(
            f'<li class="sm-msent" data-index="{i}">'
            f'<span class="sm-mtext">{esc(s.text)}</span> '
            f'<span class="sm-chips">{_source_chips(s, index, result)}</span>'
            f'<span class="sm-agree" title="{esc(agree_title)}">{int(s.agreement)}/{n_articles}</span>'
            f"{unique}{_flags_html(s.flags)}"
            f"{members_details(s, {aid: article_label(k) for aid, k in index.items()}, 'sm-')}</li>"
        )
    body = (
        f'<ol class="sm-msents">{"".join(rows)}</ol>'
        if rows
        else '<p class="sm-muted">The merged summary is empty.</p>'
    )
    n_unique = sum(1 for s in merged.sentences if s.unique)
    meta = (
        f"<span>{len(merged.sentences)} sentences</span><span>{n_articles} sources</span>"
        f"<span>{n_unique} unique facts</span><span>{len(merged.conflicts)} conflicts</span>"
        f"<span>method: {esc(merged.method)}</span><span>language: {esc(merged.lang)}</span>"
    )
    notes = ""
    if merged.notes:
        items = "".join(f"<li>{esc(n)}</li>" for n in merged.notes)
        notes = (
            f'<details class="sm-block sm-notes"><summary>How it was merged '
            f"({len(merged.notes)} notes)</summary><ul>{items}</ul></details>"
        )
    return (
        f'<section class="sm-merged" id="sm-merged"><h2>Merged summary</h2>'
        f'<div class="sm-meta">{meta}</div>{body}{_conflicts_html(merged.conflicts, index)}'
        f"{_coverage_html(result)}{notes}</section>"
    )


def _coverage_html(result: RunResult) -> str:
    """Who covered what (issue 12): the report's heatmap table, in the app's chip colours."""
    merged = result.merged
    if merged is None or merged.coverage is None:
        return ""
    titles = {a.article.id: _article_title(a) for a in result.articles}
    table = coverage_html(merged.coverage, titles, "sm-")
    return f'<div class="sm-block sm-coverage">{table}</div>'


# --- articles -----------------------------------------------------------------------------


def _hindi_html(ai: int, ar: ArticleResult) -> str:
    paras = []
    for p, sentences in enumerate(ar.article.paragraphs):
        spans = " ".join(
            f'<span class="sm-sent" id="sm-s-{ai}-{p}-{s}" data-pair="{ai}-{p}-{s}" tabindex="0">{esc(t)}</span>'
            for s, t in enumerate(sentences)
        )
        paras.append(f'<p lang="{esc(ar.article.lang)}">{spans}</p>')
    return "".join(paras) or '<p class="sm-muted">(empty after cleaning)</p>'


def _translation_html(ai: int, ar: ArticleResult) -> str:
    tr = ar.translation
    if tr is None:
        return ""
    paras: dict[int, list[str]] = {}
    for pair in tr.pairs:
        p, s = int(pair.paragraph), int(pair.sentence)
        missing = ""
        if pair.missing_numbers:
            missing = (
                f'<span class="sm-flag" title="numbers of the source sentence absent from its translation">'
                f"⚑ missing numbers: {esc(', '.join(pair.missing_numbers))}</span>"
            )
        paras.setdefault(p, []).append(
            f'<span class="sm-sent" id="sm-t-{ai}-{p}-{s}" data-pair="{ai}-{p}-{s}" tabindex="0">{esc(pair.tgt)}</span>{missing}'
        )
    body = "".join(
        f'<p lang="{esc(tr.tgt_lang)}">{" ".join(v)}</p>' for _, v in sorted(paras.items())
    )
    return (
        f'<details class="sm-block" open><summary>English translation '
        f'<span class="sm-muted">({esc(tr.model)})</span></summary>'
        f'<div class="sm-text sm-scroll">{body}</div></details>'
    )


def _summary_html(summary: ArticleSummary) -> str:
    note = f'<p class="sm-note">{esc(summary.omitted_note)}</p>' if summary.omitted_note else ""
    extra = ""
    # summarize-then-translate keeps the Hindi summary it translated
    source = (summary.extra or {}).get("source_summary")
    if source:
        lang = esc((summary.extra or {}).get("source_lang") or "hi")
        extra = f'<p class="sm-muted" lang="{lang}">{esc(source)}</p>'
    return (
        f'<div class="sm-summary" data-strategy="{esc(summary.strategy)}">'
        f'<div class="sm-sumhead"><b>{esc(strategy_label(summary.strategy))}</b> '
        f'<span class="sm-muted">{esc(summary.lang)} · {esc(summary.model)} · '
        f"{len(summary.used_input)} input sentences</span></div>"
        f'<p lang="{esc(summary.lang)}">{esc(summary.text)}</p>{extra}{_flags_html(summary.flags)}{note}</div>'
    )


def _removed_html(ar: ArticleResult) -> str:
    art = ar.article
    if not art.removed and not art.flagged:
        return (
            '<details class="sm-block sm-removed"><summary>Removed by the cleaner (0)</summary>'
            '<p class="sm-muted">Nothing was removed.</p></details>'
        )
    items = [removed_item(r, "sm-reason", line_class="sm-muted") for r in art.removed]
    flagged = ""
    if art.flagged:
        fl = "".join(removed_item(r, "sm-reason sm-reason-flag") for r in art.flagged)
        flagged = f'<p class="sm-muted">Kept but flagged as doubtful:</p><ul>{fl}</ul>'
    return (
        f'<details class="sm-block sm-removed"><summary>Removed by the cleaner ({len(art.removed)})'
        f"{f' · flagged ({len(art.flagged)})' if art.flagged else ''}</summary>"
        f"<ul>{''.join(items)}</ul>{flagged}</details>"
    )


def render_article(ai: int, ar: ArticleResult) -> str:
    art = ar.article
    # Uploads live under long temporary paths: show the file name, the full source on hover.
    short = art.source.replace("\\", "/").rsplit("/", 1)[-1] or art.source
    meta = [f'<span title="{esc(art.source)}">{esc(short)}</span>']
    if art.date:
        meta.append(esc(art.date))
    if art.url:
        meta.append(_safe_url(art.url))
    summaries = "".join(_summary_html(s) for s in ar.summaries)
    if not summaries:
        summaries = '<p class="sm-muted">No summary yet.</p>'
    return (
        f'<article class="sm-article {_colour(ai)}" id="sm-a-{ai}">'
        f'<header><span class="sm-chip {_colour(ai)}">{article_label(ai)}</span> '
        f'<h3 lang="{esc(art.lang)}">{esc(_article_title(ar))}</h3>'
        f'<div class="sm-meta">{"<span>" + "</span><span>".join(meta) + "</span>"}</div></header>'
        f'<details class="sm-block" open><summary>Summaries ({len(ar.summaries)})</summary>{summaries}</details>'
        f'<details class="sm-block" open><summary>Cleaned Hindi '
        f'<span class="sm-muted">({len(art.sentences())} sentences)</span></summary>'
        f'<div class="sm-text sm-scroll">{_hindi_html(ai, ar)}</div></details>'
        f"{_translation_html(ai, ar)}{_removed_html(ar)}</article>"
    )


def render_articles(result: RunResult | None) -> str:
    """One column per article: cleaned Hindi, aligned translation, summaries, removed text."""
    if result is None or not result.articles:
        return '<section class="sm-articles sm-empty"><p class="sm-muted">No articles yet.</p></section>'
    cols = "".join(render_article(i, ar) for i, ar in enumerate(result.articles))
    n = len(result.articles)
    return (
        f'<section class="sm-articles"><h2>Articles ({n})</h2>'
        f'<div class="sm-grid" style="--sm-cols: {n}">{cols}</div></section>'
    )


# --- strategies ---------------------------------------------------------------------------


def render_strategies(result: RunResult | None) -> str:
    """Each strategy's summary in adjacent columns, per article and for the merged summary."""
    if result is None or not result.articles:
        return '<section class="sm-strategies sm-empty"><p class="sm-muted">No summaries yet.</p></section>'
    strategies = strategies_of(result)
    if not strategies:
        return '<section class="sm-strategies sm-empty"><p class="sm-muted">No summaries yet.</p></section>'
    head = "".join(f"<th>{esc(strategy_label(s))}</th>" for s in strategies)
    rows = []
    for ai, ar in enumerate(result.articles):
        by = {s.strategy: s for s in ar.summaries}
        cells = []
        for st in strategies:
            s = by.get(st)
            if s is None:
                cells.append('<td class="sm-muted">—</td>')
            else:
                cells.append(
                    f'<td><p lang="{esc(s.lang)}">{esc(s.text)}</p>'
                    f'<div class="sm-muted">{esc(s.model)}</div>{_flags_html(s.flags)}</td>'
                )
        rows.append(
            f'<tr><th scope="row"><span class="sm-chip {_colour(ai)}">{article_label(ai)}</span> '
            f"{esc(_article_title(ar))}</th>{''.join(cells)}</tr>"
        )
    merged_row = ""
    if result.merged is not None:
        merged_row = (
            f'<tr class="sm-merged-row"><th scope="row">Merged ({esc(result.merged.method)})</th>'
            f'<td colspan="{len(strategies)}">{esc(result.merged.text)}</td></tr>'
        )
    return (
        '<section class="sm-strategies"><h2>Strategies side by side</h2>'
        f'<div class="sm-tablewrap"><table class="sm-table"><thead><tr><th>Article</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}{merged_row}</tbody></table></div></section>"
    )


# --- status, notices, errors --------------------------------------------------------------


def render_messages(
    *,
    notices: Iterable[str] = (),
    errors: Iterable[SkippedInput] = (),
    missing_models: dict[str, str | None] | None = None,
    problems: Iterable[str] = (),
) -> str:
    """Banner of notices (e.g. translation off), input errors, missing models, problems."""
    parts = []
    for p in problems:
        parts.append(f'<div class="sm-msg sm-error"><pre>{esc(p)}</pre></div>')
    for key, msg in (missing_models or {}).items():
        if msg:
            parts.append(
                f'<div class="sm-msg sm-error"><b>Model unavailable for <code>{esc(key)}</code></b>'
                f"<pre>{esc(msg)}</pre></div>"
            )
    errs = list(errors)
    if errs:
        items = "".join(
            f"<li><code>{esc(e.source)}</code> ({esc(e.where)}): {esc(e.message)}</li>"
            for e in errs
        )
        parts.append(
            f'<div class="sm-msg sm-warn"><b>Input that could not be read ({len(errs)}); '
            f"the rest was processed:</b><ul>{items}</ul></div>"
        )
    for n in notices:
        parts.append(f'<div class="sm-msg sm-info">{esc(n)}</div>')
    return f'<div class="sm-messages">{"".join(parts)}</div>' if parts else ""


def render_status(
    stages: dict[str, dict[str, int | bool]],
    articles: dict[str, str],
    *,
    state: str = "idle",
    message: str = "",
) -> str:
    """Progress per stage and per article.

    ``stages``: stage -> {"done": int, "total": int, "finished": bool};
    ``articles``: article id -> its latest progress message.
    """
    if state == "idle" and not stages:
        return ""
    icon = {"running": "⏳", "done": "✔", "cancelled": "⏹", "error": "✖"}.get(state, "")
    stage_items = []
    for name, st in stages.items():
        done, total = int(st.get("done", 0)), int(st.get("total", 0))
        mark = "✔" if st.get("finished") else "…"
        count = f" {done}/{total}" if total else ""
        cls = "sm-stage-done" if st.get("finished") else "sm-stage-run"
        stage_items.append(f'<li class="{cls}">{mark} {esc(name)}{esc(count)}</li>')
    art_items = "".join(
        f'<li><span class="sm-muted">{esc(aid)}</span> {esc(msg)}</li>'
        for aid, msg in articles.items()
    )
    arts = (
        f'<details class="sm-arts"><summary>Per article</summary><ul>{art_items}</ul></details>'
        if art_items
        else ""
    )
    return (
        f'<div class="sm-status sm-state-{esc(state)}"><span class="sm-state">{icon} {esc(message or state)}</span>'
        f'<ol class="sm-stages">{"".join(stage_items)}</ol>{arts}</div>'
    )
