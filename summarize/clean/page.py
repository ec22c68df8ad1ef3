"""The state of one page while it is cleaned: its lines, title and topic, and the final assembly.

:func:`read_page` splits the raw text into non-empty lines (``Line``: raw line number,
text, label).  The passes of :mod:`summarize.clean.passes` and :mod:`summarize.clean.tail`
set each line's label (``"title"``, ``"body"`` or a removal reason) and flags on the one
:class:`Page` object, and :func:`assemble` turns the page into a
:class:`~summarize.types.CleanArticle`: every kept line is one paragraph, split into
sentences by :func:`summarize.lang.segment.split_sentences`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarize.clean.coherence import TfIdf, Vector
from summarize.clean.markup import strip_markup
from summarize.config import CleanConfig
from summarize.ingest.html import EXTRACTION_REMOVED
from summarize.lang.script import DEVANAGARI_WORD, guess_lang
from summarize.lang.segment import split_sentences
from summarize.types import Article, CleanArticle, Removed

if TYPE_CHECKING:
    from summarize.engines.embeddings import Embedder

__all__ = ["Line", "Page", "read_page", "assemble"]

# a sentence with no letter or digit ("।") stays with the sentence before it
_HAS_TEXT_RE = re.compile(f"[A-Za-z0-9{DEVANAGARI_WORD}]")


@dataclass
class Line:
    idx: int  # 0-based raw line number
    text: str
    label: str = ""  # "" = undecided, "body", "title" or a removal reason
    flags: list[str] = field(default_factory=list)
    blank_before: bool = False
    maybe: str = ""  # a removal reason to apply unless the line turns out to be the title


@dataclass
class Page:
    """One page being cleaned; the passes read and update it in order."""

    article: Article
    cfg: CleanConfig
    lang: str
    lines: list[Line]
    next_at: int | None = None  # index of a "next story" marker line
    main: list[Line] = field(default_factory=list)  # the lines before that marker
    body_like: list[Line] = field(default_factory=list)  # paragraph-shaped lines of main
    first_para: int = 0  # index in main of the first paragraph-shaped line
    title: str | None = None
    title_idx: int | None = None  # index in main of the title line
    tfidf: TfIdf = field(default_factory=lambda: TfIdf([""]))
    ref_vec: Vector = field(default_factory=dict)  # the topic: title + lead
    off_bar: float = 0.0  # similarity under which a block is off the topic
    body_lines: list[Line] = field(default_factory=list)  # kept lines after pass 8
    diagnostics: dict[str, float] = field(default_factory=dict)
    cuts: list[Removed] = field(default_factory=list)  # spans cut out of kept lines
    date: str | None = None
    date_raw: str | None = None
    embedder: Embedder | None = None  # pass 5b judges story blocks by meaning when given
    # raw line numbers an early pass established as text (a list under its intro): the
    # learned passes (8b, 8c) leave them alone
    protected: set[int] = field(default_factory=set)


def read_page(article: Article, config: CleanConfig | None) -> Page:
    """The page's non-empty lines (whitespace collapsed, HTML entities decoded, inline markup
    cut out by :func:`~summarize.clean.markup.strip_markup`) and language."""
    raw = html.unescape(article.raw_text or "").replace("\r\n", "\n").replace("\r", "\n")
    raw = raw.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lang = guess_lang(raw[:5000]) if raw.strip() else "hi"
    lines: list[Line] = []
    cuts: list[Removed] = []
    blank = False
    for i, raw_line in enumerate(raw.split("\n")):
        t, markup = strip_markup(" ".join(raw_line.split()))
        cuts.extend(Removed(span, "markup", i) for span in markup)
        if not t:
            blank = True
            continue
        lines.append(Line(i, t, blank_before=blank))
        blank = False
    page = Page(article=article, cfg=config or CleanConfig(), lang=lang, lines=lines)
    page.cuts.extend(cuts)
    return page


def _paragraph(page: Page, ln: Line, removed: list[Removed]) -> list[str]:
    """The sentences of a kept line; too-short fragments go to ``removed``."""
    sents: list[str] = []
    for s in split_sentences(ln.text, lang=page.lang):
        if not s.strip():
            continue
        if len(s.strip()) >= page.cfg.min_sentence_chars:
            sents.append(s)
        elif sents and not _HAS_TEXT_RE.search(s):
            sents[-1] = f"{sents[-1]} {s.strip()}"  # a doubled danda "। ।" stays with its sentence
        else:
            removed.append(Removed(s, "artefact", ln.idx))  # a stray letter
    return sents


def assemble(page: Page) -> tuple[CleanArticle, dict[int, str]]:
    """The cleaned article, and raw line number -> label for every non-empty line."""
    cuts_by_line: dict[int, list[Removed]] = {}
    for r in page.cuts:
        cuts_by_line.setdefault(r.line if r.line is not None else -1, []).append(r)
    # what HTML extraction dropped before the cleaner saw the page (summarize.ingest.html)
    removed = [
        Removed(r["text"], r["reason"]) for r in page.article.meta.get(EXTRACTION_REMOVED, [])
    ]
    flagged: list[Removed] = []
    paragraphs: list[list[str]] = []
    labels: dict[int, str] = {}
    for ln in page.lines:
        labels[ln.idx] = ln.label or "body"
        removed.extend(cuts_by_line.get(ln.idx, []))
        if ln.label == "title":
            continue
        if ln.label:
            removed.append(Removed(ln.text, ln.label, ln.idx))
            continue
        sents = _paragraph(page, ln, removed)
        if not sents:
            removed.append(Removed(ln.text, "artefact", ln.idx))
            labels[ln.idx] = "artefact"
            continue
        paragraphs.append(sents)
        for f in dict.fromkeys(ln.flags):
            flagged.append(Removed(ln.text, f, ln.idx))
    article = page.article
    ca = CleanArticle(
        id=article.id,
        source=article.source,
        title=page.title,
        date=page.date,
        url=article.url,
        paragraphs=paragraphs,
        removed=removed,
        flagged=flagged,
        lang=page.lang,
        date_raw=page.date_raw,
        meta={
            **{k: v for k, v in article.meta.items() if k != EXTRACTION_REMOVED},
            "clean": page.diagnostics,
        },
    )
    return ca, labels
