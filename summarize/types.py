"""The data that flows between the pipeline stages.

Every stage (ingest -> clean -> translate -> summarize -> merge -> report) is a plain
function or small class over these dataclasses; none of them knows about the CLI, Gradio
or files.  They serialise to JSON through :mod:`summarize.serialize` (and back, typed), so
the reports, the cache, the CLI and the app all see the same shape.

Indices: a sentence of a cleaned article is addressed by ``(paragraph, sentence)``, both
0-based, in :attr:`CleanArticle.paragraphs`.  Translation pairs and summaries refer to
sentences with these indices so the UI can link a summary back to its source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass
class Article:
    """One raw article as read from a file, a record or a dataset row."""

    id: str
    source: str  # where it came from: a path, "path:line", "dataset[row]", "pasted"
    raw_text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # other record fields (e.g. "event")


@dataclass
class SkippedInput:
    """A piece of input that could not be read and was skipped; the rest is still processed.

    A record collected in :attr:`RunResult.errors`, never raised (the exception for input a
    user must fix is :class:`summarize.errors.InputError`).
    """

    source: str  # file or dataset the error belongs to
    where: str  # "line 3", "record 7", "file" ...
    message: str


@dataclass
class Removed:
    """A span the cleaner removed from (or only flagged in) the article body, with why."""

    text: str
    reason: str  # ticker | metadata | caption | related-link | navigation | author-bio | duplicate | off-topic | ...
    line: int | None = None  # 0-based line number in the raw text, where known


@dataclass
class CleanArticle:
    """An article after cleaning and sentence segmentation."""

    id: str
    source: str
    title: str | None
    date: str | None  # ISO 8601 where it could be parsed, else the raw date string
    url: str | None
    paragraphs: list[list[str]]  # body: paragraphs of sentences
    removed: list[Removed] = field(default_factory=list)
    # Kept in the body but suspicious (the cleaner was unsure): shown in the UI, never dropped.
    flagged: list[Removed] = field(default_factory=list)
    lang: str = "hi"
    date_raw: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    def sentence_index(self) -> list[tuple[int, int]]:
        """(paragraph, sentence) for each entry of :meth:`sentences`, in order."""
        return [(pi, si) for pi, p in enumerate(self.paragraphs) for si in range(len(p))]

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs)


@dataclass
class SentencePair:
    """One source sentence and its translation."""

    paragraph: int
    sentence: int
    src: str
    tgt: str
    # Pieces the source sentence was split into because it exceeded the model window
    # (empty when it was translated whole).  Never truncated.
    pieces: list[str] = field(default_factory=list)
    missing_numbers: list[str] = field(default_factory=list)  # numbers of src absent from tgt


@dataclass
class TranslatedArticle:
    article_id: str
    model: str
    engine: str
    src_lang: str
    tgt_lang: str
    pairs: list[SentencePair]

    @property
    def paragraphs(self) -> list[list[str]]:
        out: list[list[str]] = []
        for p in self.pairs:
            while len(out) <= p.paragraph:
                out.append([])
            out[p.paragraph].append(p.tgt)
        return out

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs)


@dataclass
class Flag:
    """A faithfulness or quality flag on a summary sentence."""

    kind: str  # unsupported-number | unsupported-entity | number-missing | ...
    text: str  # the offending token or span
    sentence: int | None = None  # index of the summary sentence, where known
    detail: str = ""


@dataclass
class ArticleSummary:
    article_id: str
    strategy: (
        str  # extractive | translate-then-summarize | summarize-then-translate | cross-lingual
    )
    lang: str
    text: str
    model: str
    # The sentences (paragraph, sentence) of the cleaned article the model saw; anything
    # not listed here did not reach the model and `omitted_note` says why.
    used_input: list[tuple[int, int]] = field(default_factory=list)
    omitted_note: str = ""
    sentences: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. the Hindi summary before translation


@dataclass
class SourceRef:
    article_id: str
    paragraph: int
    sentence: int
    text: str
    similarity: float = 1.0
    # the member that stands for its fact in a merged sentence (summarize.merge.represent)
    representative: bool = False


@dataclass
class MergedSentence:
    text: str
    sources: list[str]  # supporting article ids
    support: float  # 0..1
    agreement: int  # number of sources that report it
    refs: list[SourceRef] = field(default_factory=list)
    unique: bool = False  # reported by one source only
    flags: list[Flag] = field(default_factory=list)


@dataclass
class Conflict:
    kind: str  # number | date | name
    description: str
    values: dict[str, str]  # article id -> the value it reports
    refs: list[SourceRef] = field(default_factory=list)


@dataclass
class CoverageRow:
    """One merged fact and what each source says about it."""

    sentence: int  # index in MergedSummary.sentences
    text: str
    # article id -> "reported" | "not-reported" | "conflicting", one entry per source
    cells: dict[str, str]
    values: dict[str, str] = field(default_factory=dict)  # article id -> its conflicting value


@dataclass
class TimelineEntry:
    article_id: str
    title: str | None
    date: str | None  # ISO 8601 where known; undated articles come last


@dataclass
class Blindspot:
    """A fact one source alone reports."""

    sentence: int  # index in MergedSummary.sentences
    article_id: str


@dataclass
class Coverage:
    """Who covered what in one event (summarize.merge.coverage): facts x sources."""

    sources: list[str]  # article ids, in the result's article order
    rows: list[CoverageRow]
    blindspots: list[Blindspot] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


@dataclass
class MergedSummary:
    lang: str
    method: str
    sentences: list[MergedSentence]
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    coverage: Coverage | None = None  # filled by the pipeline after the merge

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class ArticleResult:
    article: CleanArticle
    translation: TranslatedArticle | None = None
    summaries: list[ArticleSummary] = field(default_factory=list)


@dataclass
class RunResult:
    """Everything one pipeline run produced: the unit the reports and the app render."""

    articles: list[ArticleResult]
    merged: MergedSummary | None
    errors: list[SkippedInput] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)  # role -> model id
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    notices: list[str] = field(default_factory=list)  # e.g. "translation is off"
    schema_version: str = SCHEMA_VERSION
