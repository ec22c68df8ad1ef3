"""Pass 8b of the cleaner: a small learned scorer for furniture no rule names.

The rules of the earlier passes know the vocabularies and shapes of the layouts they were
written on; issue 15 measured that on layouts never seen they leave much page furniture in
(a district picker, a weather strip, a sign-off).  What such lines share is not their
wording but their *shape* and *place*: short, no sentence end, no finite verb, few function
words, separators and counts, Title Case tokens, interaction vocabulary (share, follow,
subscribe, शेयर ...), sitting in the header or footer zone (before the first / after the last
sentence of the article) next to lines already removed, and far in wording from the title and
lead.  :func:`line_features` measures those general signals of one free line, and a logistic
regression over them (numpy only; weights in ``line_scorer.json`` next to this module) gives
the probability that the line is boilerplate.

The weights are trained by ``python -m benchmarks.train_line_scorer`` (reproducible: fixed
data, fixed steps, no randomness) on every line but the title of the four seeds
(``tests/data/gold``), the 19 held-out pages (``tests/data/heldout``) and the development
halves of the unseen-layout sets, never on a held-apart half; a line the rule passes removed
is a training line too (its features do not read its own label).  The scorer removes a free
line only where :func:`applies`: in the header or footer zone (between the first and the
last sentence are subheads and Q&A lines), and never a deck or key point under the headline,
a question, a line ending in a comma (a salutation), a line in the header zone ending in a
full stop (a key point), a sentence (a finite verb with a full stop, or 8+ words with one),
two full sentences, 30+ words, or a ``key: value`` line with a number.  The threshold
(``threshold`` in the JSON) is the highest score of a training body line the scorer could
remove plus 0.05, and at least 0.9.  The training script's ``--cv`` option leaves one set out
at a time: on each, no body line was removed.

A line it removes is recorded with a reason read from its shape (:func:`_reason`: a date or
a time -> ``metadata``, else ``navigation``), and its score is in
``CleanArticle.meta["clean"]`` (``line_score:<line>``).  Lines the scorer does not remove
keep the rule passes' decision; it never touches a line already labelled or the title.
"""

from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources

from summarize.clean.page import Line, Page
from summarize.clean.patterns import (
    CLOCK_RE,
    CTA_RE,
    DEV_RE,
    FIGURE_ITEM_RE,
    LAT_RE,
    META_KEYWORDS,
    SOCIAL_RE,
    STAMP_RE,
    WIDGET_WORDS_RE,
)
from summarize.clean.shapes import (
    ends_sentence,
    is_headline_shape,
    is_paragraph_like,
    is_text_line,
    list_bullet,
    list_rank,
    split_words,
    terminal_count,
)
from summarize.lang.dates import parse_date
from summarize.lang.lexicon import TOPIC_STOP
from summarize.lang.wellformed import has_finite_verb

__all__ = ["FEATURES", "applies", "line_features", "mark_scored", "page_features", "score"]

FEATURES = (
    "bias",
    "log_chars",
    "log_words",
    "ends_sentence",
    "terminals",
    "finite_verb",
    "headline_shape",
    "function_words",
    "digits",
    "date_or_time",
    "separators",
    "key_value",
    "title_case",
    "symbols",
    "widget_words",
    "stamp_words",
    "header_zone",
    "footer_zone",
    "next_to_removed",
    "lexical_to_lead",
    "latin_on_hindi",
    "question",
    "blank_around",
    "deck",
)
_SEPARATORS_RE = re.compile(r"[|»›‹«•·▸▶►◆■▪→←↓↑⬇⬆/\\]|\s[-–—:]\s")
_SYMBOL_RE = re.compile(r"[^\w\s.,;:!?।॥'\"’‘“”()\[\]\-–—/%&@#₹$+*=|]")
_KEY_VALUE_RE = re.compile(r"^\s*[^:：]{1,30}[:：]\s*\S")
_DIGIT_RE = re.compile(r"[0-9०-९]")
_HEADER, _FOOTER = FEATURES.index("header_zone"), FEATURES.index("footer_zone")
_KEY_VALUE, _DIGITS, _DATE = (FEATURES.index(f) for f in ("key_value", "digits", "date_or_time"))
_VERB, _DECK = FEATURES.index("finite_verb"), FEATURES.index("deck")
_SENTENCE_WORDS = 6
_NEVER_WORDS = 30  # a line this long is never scored away (it is an article's paragraph)


@functools.cache
def _model() -> tuple[list[float], float]:
    """(weights in FEATURES order with the standardisation folded in, threshold)."""
    data = json.loads(
        resources.files("summarize.clean").joinpath("line_scorer.json").read_text("utf-8")
    )
    if list(data["features"]) != list(FEATURES):
        raise ValueError("line_scorer.json was trained on other features")
    mean, scale, w = data["mean"], data["scale"], data["weights"]
    # fold the standardisation into the weights: w . (x - m) / s = (w / s) . x - w . m / s
    folded = [wi / si for wi, si in zip(w, scale, strict=True)]
    bias = -sum(wi * mi / si for wi, mi, si in zip(w, mean, scale, strict=True))
    folded[0] += bias
    return folded, float(data["threshold"])


def _sentence_like(ln: Line, lang: str) -> bool:
    """A line of the article's text: a sentence of 6+ words, or a paragraph."""
    return not ln.label and is_text_line(ln.text)


def page_features(page: Page, labelled: bool = False) -> list[tuple[Line, list[float]]]:
    """Each free line of the page (no label yet, not the title) and its features; with
    ``labelled``, also the lines the rule passes removed (training data: their features do
    not read their own label)."""
    lines = page.lines
    sentences = [k for k, ln in enumerate(lines) if _sentence_like(ln, page.lang)]
    first = sentences[0] if sentences else len(lines)
    last = sentences[-1] if sentences else -1
    title = next((k for k, ln in enumerate(lines) if ln.label == "title"), None)
    out = []
    for k, ln in enumerate(lines):
        if ln.label == "title" or (ln.label and not labelled):
            continue
        out.append((ln, line_features(page, k, (first, last, title))))
    return out


def _is_deck(ln: Line, k: int, first: int, title: int | None) -> bool:
    """A line of 5+ words of prose between the headline and the first sentence: a deck, a
    standfirst or a key point ("राज्य के 12 जिलों में अलर्ट, स्कूल बंद।"), with or without a
    full stop; not a line of separated items, a ``key: value`` or one with a clock time
    (a stamp: "entry date: 14 MAR 2024 6:12PM")."""
    t = ln.text
    return (
        title is not None
        and title < k < first
        and len(split_words(t)) >= 5
        and not CLOCK_RE.search(t)
        and not _SEPARATORS_RE.search(t)
        and not _KEY_VALUE_RE.match(t)
        and (is_headline_shape(t) or terminal_count(t) <= 1)
    )


def line_features(page: Page, k: int, zones: tuple[int, int, int | None]) -> list[float]:
    """The features (FEATURES order) of line ``k``; ``zones``: the first and last
    sentence-like lines of the page (the header and footer zones lie outside them) and the
    title line."""
    first, last, title = zones
    lines = page.lines
    ln = lines[k]
    t = ln.text
    words = split_words(t)
    n = max(len(words), 1)
    lower = [w.lower().strip(".,:;!?।()\"'") for w in words]
    latin = [w for w in words if LAT_RE.match(w)]
    titled = sum(1 for w in latin if w[:1].isupper())
    removed = [
        j for j in (k - 1, k + 1) if 0 <= j < len(lines) and lines[j].label not in ("", "title")
    ]
    after = k + 1 < len(lines) and lines[k + 1].blank_before
    sim = page.tfidf.cos(page.tfidf.text_vec(t), page.ref_vec) if page.ref_vec else 0.0
    return [
        1.0,
        math.log1p(len(t)),
        math.log1p(len(words)),
        float(ends_sentence(t)),
        float(min(terminal_count(t), 3)),
        float(has_finite_verb(t, page.lang)),
        float(is_headline_shape(t)),
        sum(1 for w in lower if w in TOPIC_STOP) / n,
        min(len(_DIGIT_RE.findall(t)) / max(len(t), 1) * 5, 1.0),
        float(bool(CLOCK_RE.search(t)) or parse_date(t) is not None),
        float(min(len(_SEPARATORS_RE.findall(t)), 4)),
        float(bool(_KEY_VALUE_RE.match(t)) and len(words) <= 8),
        titled / max(len(latin), 1) if len(latin) >= 2 else 0.0,
        float(min(len(_SYMBOL_RE.findall(t)), 3)),
        float(bool(WIDGET_WORDS_RE.search(t) or (SOCIAL_RE.search(t) and CTA_RE.search(t)))),
        float(bool(META_KEYWORDS.search(t) or STAMP_RE.search(t))),
        float(k < first),
        float(k > last),
        float(len(removed)),
        sim,
        float(page.lang == "hi" and not DEV_RE.search(t)),
        float(t.rstrip().endswith("?")),
        float(ln.blank_before and after),
        float(_is_deck(ln, k, first, title)),
    ]


def score(x: list[float]) -> float:
    """The probability (0-1) that a line with features ``x`` is boilerplate."""
    w, _ = _model()
    z = sum(wi * xi for wi, xi in zip(w, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def _reason(ln: Line) -> str:
    t = ln.text
    if CLOCK_RE.search(t) or parse_date(t) is not None:
        return "metadata"
    return "navigation"


_KEY_VALUE_LINE_RE = re.compile(r"^[^:：]+[:：]\s*\S")  # (a value after the colon: no intro)


def applies(ln: Line, x: list[float]) -> bool:
    """Whether the scorer may remove ``ln`` (features ``x``): only in the header or footer zone
    (between the first and the last sentence are subheads and Q&A lines), never a deck or key
    point under the headline (:func:`_is_deck`), never a line of 30+
    words, two full sentences or 8+ words with a finite verb, a question or a short sentence
    (a finite verb and a full stop), a salutation (a final comma), a header-zone line ending in
    a full stop (a key point), a line that ends in a colon (it opens a list or a box), nor a
    ``key: value`` line with a number that is no date (a box of figures is information:
    "रेटिंग: 4.5/5")."""
    if not (x[_HEADER] or x[_FOOTER]) or x[_DECK]:
        return False
    if len(split_words(ln.text)) > _NEVER_WORDS or len(ln.text) > 250:
        return False
    if is_paragraph_like(ln.text) and terminal_count(ln.text) >= 2:
        return False
    if x[_VERB] and len(split_words(ln.text)) >= _SENTENCE_WORDS + 2:
        return False  # a sentence (perhaps without its full stop)
    end = ln.text.rstrip(" \"'’”)")[-1:]
    if end == ",":
        return False  # a salutation ("नमस्कार किसान साथियो,") opens the text after it
    if x[_HEADER] and end in "।.":
        return False  # a key point under the headline ("गैस का खर्च आधा।") is written as one
    if end in ":：" and _KEY_VALUE_LINE_RE.match(ln.text) is None:
        return False  # the line that opens a list or a box ("संयंत्र एक नज़र में:")
    if end == "?" or (x[_VERB] and end in "।.!"):
        return False  # a question (a subhead, an interviewer's) or a short sentence
    if FIGURE_ITEM_RE.match(ln.text) and not x[_DATE]:
        return False  # an item of a box of figures, however long ("X (सीहोर): 42 रन, ...")
    return not (x[_KEY_VALUE] and x[_DIGITS] and not x[_DATE])


def _list_items(page: Page) -> set[int]:
    """Items of a list among the kept lines: a line numbered n beside a kept line numbered
    n - 1 or n + 1 ("2. ग्राम सेवक से खेत का सत्यापन करवाएं" between steps 1 and 3), or a line
    led by the same bullet as a kept line beside it.
    The scorer judges one line at a time, and one item of a list whose neighbours are text is
    no furniture."""
    free = [ln for ln in page.lines if not ln.label]
    ranks = [list_rank(ln.text) for ln in free]
    bullets = [list_bullet(ln.text) for ln in free]
    out = set()
    for k, r in enumerate(ranks):
        if r is not None and (
            (k > 0 and ranks[k - 1] == r - 1) or (k + 1 < len(ranks) and ranks[k + 1] == r + 1)
        ):
            out.add(free[k].idx)
        b = bullets[k]
        if b and ((k > 0 and bullets[k - 1] == b) or (k + 1 < len(free) and bullets[k + 1] == b)):
            out.add(free[k].idx)  # ("• Cargo up 9.2% ..." over "• Coastal coal at a record")
    return out


def mark_scored(page: Page) -> None:
    """Pass 8b (see the module)."""
    _, threshold = _model()
    items = _list_items(page)
    for ln, x in page_features(page):
        if ln.idx in page.protected or ln.idx in items or not applies(ln, x):
            continue
        p = score(x)
        if p >= threshold:
            ln.label = _reason(ln)
            page.diagnostics[f"line_score:{ln.idx}"] = round(p, 4)
