"""Reports of a :class:`~summarize.types.RunResult`: versioned JSON, Markdown, self-contained HTML.

* JSON: the dataclasses as :func:`summarize.types.to_dict` writes them, with
  ``schema_version`` at the top; :func:`from_json` rebuilds the typed result (a roundtrip),
  and refuses a file of another major schema version with a clear message.
* Markdown: for reading in a terminal or a pull request.
* HTML: one file, no external assets or scripts.  Every piece of user or model text goes
  through :func:`html.escape`; the merged summary carries source "chips" that link to the
  anchors of the source sentences in the per-article columns.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import types
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

from summarize.errors import SummarizeError
from summarize.types import (
    SCHEMA_VERSION,
    ArticleResult,
    ArticleSummary,
    Flag,
    MergedSummary,
    RunResult,
)

T = TypeVar("T")

STRATEGY_LABELS = {
    "extractive": "Extractive",
    "translate-then-summarize": "Translate, then summarise",
    "summarize-then-translate": "Summarise, then translate",
    "cross-lingual": "Cross-lingual",
}


# --- typed rebuilding of dataclasses from JSON -------------------------------------------


def from_dict(cls: Any, data: Any) -> Any:
    """Rebuild a value of type ``cls`` (dataclasses, lists, tuples, dicts, unions) from JSON."""
    if data is None:
        return None
    origin = get_origin(cls)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(cls) if a is not type(None)]
        for option in options:
            try:
                return from_dict(option, data)
            except (TypeError, ValueError, KeyError):
                continue
        raise TypeError(f"{data!r} matches none of {options}")
    if dataclasses.is_dataclass(cls):
        if not isinstance(data, dict):
            raise TypeError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
        hints = get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data and f.init:
                kwargs[f.name] = from_dict(hints[f.name], data[f.name])
        return cls(**kwargs)
    if origin is list:
        (item,) = get_args(cls) or (Any,)
        return [from_dict(item, v) for v in data]
    if origin is tuple:
        args = get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_dict(args[0], v) for v in data)
        return tuple(from_dict(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict:
        _, value = get_args(cls) or (Any, Any)
        return {k: from_dict(value, v) for k, v in data.items()}
    if cls in (int, float) and isinstance(data, (int, float)) and not isinstance(data, bool):
        return cls(data)
    if cls in (str, bool) and not isinstance(data, cls):
        raise TypeError(f"expected {cls.__name__}, got {type(data).__name__}")
    return data  # Any, str, bool, ...


# --- JSON ---------------------------------------------------------------------------------


def to_json(result: RunResult, indent: int | None = 2) -> str:
    from summarize.cache import to_json_ready

    data = to_json_ready(result)
    data["schema_version"] = SCHEMA_VERSION
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_json(text: str) -> RunResult:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SummarizeError(f"not a summarize JSON report: {exc}") from None
    if not isinstance(data, dict) or "articles" not in data:
        raise SummarizeError("not a summarize JSON report (no `articles`)")
    version = str(data.get("schema_version", "0"))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise SummarizeError(
            f"report schema version {version} is not supported (this toolkit reads {SCHEMA_VERSION})"
        )
    return from_dict(RunResult, data)


# --- helpers --------------------------------------------------------------------------------


def _flag_text(flag: Flag) -> str:
    where = f" (sentence {flag.sentence + 1})" if flag.sentence is not None else ""
    detail = f": {flag.detail}" if flag.detail else ""
    return f"{flag.kind} `{flag.text}`{where}{detail}"


def _titles(result: RunResult) -> dict[str, str]:
    return {a.article.id: (a.article.title or a.article.id) for a in result.articles}


def _strategies(result: RunResult) -> list[str]:
    seen: list[str] = []
    for a in result.articles:
        for s in a.summaries:
            if s.strategy not in seen:
                seen.append(s.strategy)
    return seen


# --- Markdown -------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    # Enough to keep user text from being read as Markdown structure or raw HTML.
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


def to_markdown(result: RunResult) -> str:
    lines: list[str] = ["# Summary report", ""]
    cfg_name = result.config.get("name", "") if result.config else ""
    lines.append(
        f"Config: `{cfg_name}` · schema {result.schema_version} · {len(result.articles)} article(s)"
    )
    lines.append("")
    for notice in result.notices:
        lines.append(f"> **Note:** {_md_escape(notice)}")
        lines.append("")
    titles = _titles(result)
    merged = result.merged
    if merged is not None:
        lines += [f"## Merged summary ({merged.lang}, {merged.method})", ""]
        for i, s in enumerate(merged.sentences, 1):
            cites = ", ".join(_md_escape(titles.get(a, a)) for a in s.sources)
            tag = " *(one source only)*" if s.unique else ""
            lines.append(
                f"{i}. {_md_escape(s.text)} — sources: {cites} "
                f"(agree: {s.agreement}, support {s.support:.2f}){tag}"
            )
            for f in s.flags:
                lines.append(f"   - flag: {_md_escape(_flag_text(f))}")
        lines.append("")
        if merged.conflicts:
            lines += ["### Conflicts", ""]
            for c in merged.conflicts:
                vals = "; ".join(
                    f"{_md_escape(titles.get(k, k))}: {_md_escape(v)}" for k, v in c.values.items()
                )
                lines.append(f"- **{c.kind}**: {_md_escape(c.description)} ({vals})")
            lines.append("")
        for note in merged.notes:
            lines.append(f"- {_md_escape(note)}")
        if merged.notes:
            lines.append("")
    for a in result.articles:
        art = a.article
        lines += [f"## {_md_escape(art.title or art.id)}", ""]
        meta = [f"id `{art.id}`", f"source `{art.source}`"]
        if art.date:
            meta.append(f"date {art.date}")
        lines += [" · ".join(meta), ""]
        for s in a.summaries:
            label = STRATEGY_LABELS.get(s.strategy, s.strategy)
            lines.append(f"### {label} ({s.lang}, `{s.model}`)")
            lines.append("")
            lines.append(_md_escape(s.text) if s.text else "*(empty)*")
            lines.append("")
            if s.omitted_note:
                lines.append(f"*Input:* {_md_escape(s.omitted_note)}")
                lines.append("")
            for f in s.flags:
                lines.append(f"- flag: {_md_escape(_flag_text(f))}")
            if s.flags:
                lines.append("")
        lines += ["### Clean text", ""]
        for para in art.paragraphs:
            lines.append(_md_escape(" ".join(para)))
            lines.append("")
        if a.translation is not None:
            lines += [f"### Translation (`{a.translation.model}`)", ""]
            for para in a.translation.paragraphs:
                lines.append(_md_escape(" ".join(para)))
                lines.append("")
        if art.removed:
            lines += ["### Removed", ""]
            for r in art.removed:
                lines.append(f"- *{_md_escape(r.reason)}*: {_md_escape(r.text)}")
            lines.append("")
        if art.flagged:
            lines += ["### Kept but flagged", ""]
            for r in art.flagged:
                lines.append(f"- *{_md_escape(r.reason)}*: {_md_escape(r.text)}")
            lines.append("")
    if result.errors:
        lines += ["## Input errors", ""]
        for e in result.errors:
            lines.append(f"- `{e.source}` ({e.where}): {_md_escape(e.message)}")
        lines.append("")
    if result.timings:
        lines += ["## Timings", ""]
        lines.append(", ".join(f"{k} {v:.2f} s" for k, v in result.timings.items()))
        lines.append("")
    if result.models:
        lines += ["## Models", ""]
        for role, model in result.models.items():
            lines.append(f"- {role}: `{model}`")
        lines.append("")
    return "\n".join(lines)


# --- HTML -----------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Devanagari",sans-serif;
margin:1.5rem;line-height:1.5;color:#1d1d1f;background:#fafafa}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem}h3{font-size:1rem;margin:.8rem 0 .3rem}
.notice{background:#fff4ce;border-left:4px solid #e0a800;padding:.5rem .8rem;margin:.5rem 0}
.merged li{margin:.35rem 0}
.chip{display:inline-block;font-size:.75rem;padding:0 .45rem;margin-left:.25rem;border-radius:.7rem;
background:#e3ecfa;color:#1a4d8f;text-decoration:none;border:1px solid #b8cdee}
.chip:hover{background:#cfe0f7}
.unique{font-size:.75rem;color:#8a5a00;margin-left:.3rem}
.flag{color:#a0001c;font-size:.85rem}
.conflict{background:#fdecee;border-left:4px solid #c0392b;padding:.3rem .6rem;margin:.3rem 0}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
.col{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.8rem}
.meta{color:#666;font-size:.85rem}
.sent:target{background:#ffe58f}
.src p,.tgt p{margin:.3rem 0}
.removed li{color:#666;font-size:.85rem}
.reason{display:inline-block;min-width:6rem;font-weight:600;color:#444}
details{margin:.4rem 0}
table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #ddd;padding:.2rem .5rem}
"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _slug(article_id: str) -> str:
    """An anchor-safe name for an article id (ids may hold any character)."""
    return "a" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:10]


def sentence_anchor(article_id: str, paragraph: int, sentence: int) -> str:
    return f"{_slug(article_id)}-p{paragraph}-s{sentence}"


def _html_flags(flags: list[Flag]) -> str:
    if not flags:
        return ""
    items = "".join(f"<li class='flag'>{_e(_flag_text(f))}</li>" for f in flags)
    return f"<ul>{items}</ul>"


def _html_summary(s: ArticleSummary) -> str:
    label = STRATEGY_LABELS.get(s.strategy, s.strategy)
    parts = [
        f"<h3>{_e(label)} <span class='meta'>({_e(s.lang)}, {_e(s.model)})</span></h3>",
        f"<p>{_e(s.text) if s.text else '<em>(empty)</em>'}</p>",
    ]
    src_summary = s.extra.get("source_summary") if isinstance(s.extra, dict) else None
    if src_summary:
        parts.append(f"<p class='meta'>Before translation: {_e(src_summary)}</p>")
    if s.omitted_note:
        parts.append(f"<p class='meta'>Input: {_e(s.omitted_note)}</p>")
    parts.append(_html_flags(s.flags))
    return "".join(parts)


def _html_article(a: ArticleResult) -> str:
    art = a.article
    out = [f"<div class='col' id='{_slug(art.id)}'>"]
    out.append(f"<h2>{_e(art.title or art.id)}</h2>")
    meta = [f"id: {_e(art.id)}", f"source: {_e(art.source)}"]
    if art.date:
        meta.append(f"date: {_e(art.date)}")
    if art.url:
        meta.append(f"url: {_e(art.url)}")
    out.append(f"<p class='meta'>{' · '.join(meta)}</p>")
    for s in a.summaries:
        out.append(_html_summary(s))
    out.append("<h3>Clean text</h3><div class='src'>")
    for pi, para in enumerate(art.paragraphs):
        sents = " ".join(
            f"<span class='sent' id='{sentence_anchor(art.id, pi, si)}'>{_e(s)}</span>"
            for si, s in enumerate(para)
        )
        out.append(f"<p lang='{_e(art.lang)}'>{sents}</p>")
    out.append("</div>")
    if a.translation is not None:
        tr = a.translation
        out.append(
            f"<h3>Translation <span class='meta'>({_e(tr.engine)}: {_e(tr.model)})</span></h3>"
        )
        out.append("<div class='tgt'>")
        for para in tr.paragraphs:
            out.append(f"<p lang='{_e(tr.tgt_lang)}'>{_e(' '.join(para))}</p>")
        missing = [p for p in tr.pairs if p.missing_numbers]
        if missing:
            out.append("<ul>")
            for p in missing:
                out.append(
                    f"<li class='flag'>numbers not in the translation of sentence "
                    f"{p.paragraph + 1}.{p.sentence + 1}: {_e(', '.join(p.missing_numbers))}</li>"
                )
            out.append("</ul>")
        out.append("</div>")
    if art.removed:
        out.append(
            f"<details><summary>Removed text ({len(art.removed)})</summary><ul class='removed'>"
        )
        for r in art.removed:
            out.append(f"<li><span class='reason'>{_e(r.reason)}</span> {_e(r.text)}</li>")
        out.append("</ul></details>")
    if art.flagged:
        out.append(
            f"<details><summary>Kept but flagged ({len(art.flagged)})</summary><ul class='removed'>"
        )
        for r in art.flagged:
            out.append(f"<li><span class='reason'>{_e(r.reason)}</span> {_e(r.text)}</li>")
        out.append("</ul></details>")
    out.append("</div>")
    return "".join(out)


def _html_merged(merged: MergedSummary, titles: dict[str, str]) -> str:
    out = [
        f"<h2>Merged summary <span class='meta'>({_e(merged.lang)}, {_e(merged.method)})</span></h2>"
    ]
    out.append("<ol class='merged'>")
    for s in merged.sentences:
        chips = []
        first_ref = {}
        for ref in s.refs:
            first_ref.setdefault(ref.article_id, ref)
        for aid in s.sources:
            ref = first_ref.get(aid)
            target = sentence_anchor(aid, ref.paragraph, ref.sentence) if ref else _slug(aid)
            chips.append(
                f"<a class='chip' href='#{target}' title='{_e(ref.text if ref else titles.get(aid, aid))}'>"
                f"{_e(titles.get(aid, aid))}</a>"
            )
        extra_refs = [r for r in s.refs if first_ref.get(r.article_id) is not r]
        for ref in extra_refs:
            chips.append(
                f"<a class='chip' href='#{sentence_anchor(ref.article_id, ref.paragraph, ref.sentence)}'"
                f" title='{_e(ref.text)}'>+</a>"
            )
        unique = "<span class='unique'>one source only</span>" if s.unique else ""
        out.append(
            f"<li>{_e(s.text)} {''.join(chips)}"
            f"<span class='meta'> · {s.agreement} agree · support {s.support:.2f}</span>{unique}"
            f"{_html_flags(s.flags)}</li>"
        )
    out.append("</ol>")
    if merged.conflicts:
        out.append("<h3>Conflicts between sources</h3>")
        for c in merged.conflicts:
            vals = "; ".join(f"{_e(titles.get(k, k))}: {_e(v)}" for k, v in c.values.items())
            links = " ".join(
                f"<a class='chip' href='#{sentence_anchor(r.article_id, r.paragraph, r.sentence)}'"
                f" title='{_e(r.text)}'>{_e(titles.get(r.article_id, r.article_id))}</a>"
                for r in c.refs
            )
            out.append(
                f"<div class='conflict'><strong>{_e(c.kind)}</strong>: {_e(c.description)}"
                f" <span class='meta'>({vals})</span> {links}</div>"
            )
    if merged.notes:
        out.append(
            "<ul>" + "".join(f"<li class='meta'>{_e(n)}</li>" for n in merged.notes) + "</ul>"
        )
    return "".join(out)


def to_html(result: RunResult, title: str = "Summary report") -> str:
    titles = _titles(result)
    body = [f"<h1>{_e(title)}</h1>"]
    cfg_name = result.config.get("name", "") if result.config else ""
    body.append(
        f"<p class='meta'>config: {_e(cfg_name)} · schema {_e(result.schema_version)} · "
        f"{len(result.articles)} article(s)</p>"
    )
    for notice in result.notices:
        body.append(f"<div class='notice'>{_e(notice)}</div>")
    if result.merged is not None:
        body.append(_html_merged(result.merged, titles))
    body.append("<div class='cols'>")
    body.extend(_html_article(a) for a in result.articles)
    body.append("</div>")
    if result.errors:
        body.append("<h2>Input errors</h2><ul>")
        for e in result.errors:
            body.append(f"<li class='flag'>{_e(e.source)} ({_e(e.where)}): {_e(e.message)}</li>")
        body.append("</ul>")
    if result.timings or result.models:
        body.append("<details><summary>Models and timings</summary><table>")
        for role, model in result.models.items():
            body.append(f"<tr><th>{_e(role)}</th><td>{_e(model)}</td></tr>")
        for stage, secs in result.timings.items():
            body.append(f"<tr><th>{_e(stage)}</th><td>{secs:.2f} s</td></tr>")
        body.append("</table></details>")
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        + "".join(body)
        + "</body></html>\n"
    )


__all__ = [
    "from_dict",
    "from_json",
    "sentence_anchor",
    "to_html",
    "to_json",
    "to_markdown",
]
