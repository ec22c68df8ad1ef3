"""Numbers in Hindi and English text: digits, number words, quantities with unit and qualifier.

MT models often drop or alter numbers, and summarisers invent them.  The translation
number check, the faithfulness check and the merge's number conflicts all need the same
notion of "the numbers of a text":

* digits (:func:`extract_numbers`): Devanagari (and other Indic) digits mapped to ASCII,
  thousands separators removed (Western ``1,000`` and Indian ``1,00,000`` grouping),
  decimals kept (``8.5``), a trailing ``.`` of a sentence not taken as a decimal point;
* number words (:data:`NUMBER_WORDS`): Hindi 2-20, 25 and the tens, ``सौ``, ``हज़ार``,
  ``लाख``, ``करोड़``; English two-twenty, the tens, hundred-billion, dozen.  ``एक``/``one``
  are left out on purpose: in Hindi ``एक`` is also the indefinite article.  A phrase of
  number words (after digits or alone) is one number (:func:`number_phrases`): tens plus
  units add (``twenty five`` = 25), ``सौ``/hundred, dozen and the scales multiply (``दो सौ`` = 200,
  ``दस लाख`` = 1,000,000, ``2.5 करोड़`` = 25,000,000, ``दो लाख पचास हज़ार`` = 250,000);
  words that do not combine (``दो तीन``, "two or three") start a new number;
* quantities (:func:`quantities`): a number with the words after it (its unit, as stems)
  and a qualifier (``लगभग``/about, ``से अधिक``/more than, ...).  Years and day numbers
  next to a month name are dates, not quantities.

Written by hand because no library does this for mixed Devanagari/Latin text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.lang.dates import MONTHS
from summarize.lang.lexicon import FACT_STOP, stem
from summarize.lang.script import TOKEN_RE, for_matching, to_ascii_digits, tokens

# digits with optional grouping commas and an optional decimal part; no letters glued before
_NUMBER_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{2,3})+|\d+)(?:\.(\d+))?(?![\d])")


def extract_numbers(text: str) -> list[str]:
    """Numbers of ``text`` in a canonical form (ASCII digits, no separators), in order.

    >>> extract_numbers("इन 12 बैंकों में ८.५% तक ब्याज, 1,00,000 रुपये")
    ['12', '8.5', '100000']
    """
    out: list[str] = []
    for m in _NUMBER_RE.finditer(to_ascii_digits(text)):
        whole = m.group(1).replace(",", "").lstrip("0") or "0"
        frac = m.group(2)
        out.append(f"{whole}.{frac}" if frac is not None else whole)
    return out


def missing_numbers(source: str, target: str) -> list[str]:
    """Numbers of ``source`` that do not appear (as often) in ``target``.

    Counts matter: a source with two "2"s and a translation with one misses one "2".
    """
    have = Counter(extract_numbers(target))
    missing: list[str] = []
    for num in extract_numbers(source):
        if have[num] > 0:
            have[num] -= 1
        else:
            missing.append(num)
    return missing


# --- number words ----------------------------------------------------------------------------

HI_NUMBER_WORDS: dict[str, int] = {
    "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "सात": 7, "आठ": 8,
    "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14, "पंद्रह": 15,
    "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20, "पच्चीस": 25, "तीस": 30,
    "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70, "अस्सी": 80, "नब्बे": 90, "सौ": 100,
    "हजार": 1000, "हज़ार": 1000, "लाख": 100000, "करोड़": 10000000, "करोड": 10000000,
}  # fmt: skip
EN_NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    "billion": 1_000_000_000, "dozen": 12,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {**HI_NUMBER_WORDS, **EN_NUMBER_WORDS}


def _is_digits(token: str) -> bool:
    return token.replace(",", "").replace(".", "", 1).isdigit()


def _combine(first: float, words: Sequence[str]) -> tuple[float, int]:
    """Value of ``first`` and the longest prefix of the number ``words`` after it that reads as
    one number, and how many tokens that number takes.

    ``current`` is the part under the last scale word (hazaar, lakh, ...), ``total`` the
    rest: "दो लाख पचास हज़ार" = 2 x 100000 + 50 x 1000.
    """
    total, current, last_scale = (first, 0.0, first) if first >= 1000 else (0.0, first, math.inf)
    n = 1
    for w in words:
        v = float(NUMBER_WORDS[w])
        if v >= 1000:  # a scale
            if current and v < last_scale:
                total, current, last_scale = total + current * v, 0.0, v
            elif not current and v > last_scale:  # "हज़ार करोड़": a scale of a scale
                total, last_scale = total * v, v
            else:
                break
        elif v == 100 or w == "dozen":  # "दो सौ", "two dozen"
            if not 0 < current < 100:
                break
            current *= v
        elif not current:  # right after a scale: "दो लाख पचास ..."
            current = v
        elif current % 100 == 0 and v < 100:  # "two hundred fifty"
            current += v
        elif current % 10 == 0 and current % 100 >= 20 and v < 10:  # "twenty five"
            current += v
        else:
            break
        n += 1
    return total + current, n


# Punctuation between two tokens that ends a number phrase ("दो लाख, two hundred" is two).
_PHRASE_BREAK_RE = re.compile(r"[,;:.!?।॥|()\[\]{}\"“”‘’«»–—/]")


def phrase_tokens(text: str) -> tuple[list[str], frozenset[int]]:
    """The :func:`tokens` of ``text`` and the indices of those that follow punctuation."""
    s = for_matching(text)
    toks: list[str] = []
    breaks: set[int] = set()
    prev = 0
    for m in TOKEN_RE.finditer(s):
        if toks and _PHRASE_BREAK_RE.search(s, prev, m.start()):
            breaks.add(len(toks))
        toks.append(m.group())
        prev = m.end()
    return toks, frozenset(breaks)


def number_phrases(
    toks: Sequence[str], breaks: frozenset[int] = frozenset()
) -> list[tuple[int, int, float]]:
    """``(start, end, value)`` of every number phrase of ``toks`` (tokens of :func:`tokens`).

    A phrase is digits or a number word, followed by the number words that combine with it
    (up to the next token in ``breaks``: a phrase does not run across punctuation).
    """
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if _is_digits(t):
            try:
                first = float(t.replace(",", ""))
            except ValueError:  # "1.2.3"
                i += 1
                continue
        elif t in NUMBER_WORDS:
            first = float(NUMBER_WORDS[t])
        else:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j] in NUMBER_WORDS and j not in breaks:
            j += 1
        value, n = _combine(first, toks[i + 1 : j])
        out.append((i, i + n, value))
        i += n
    return out


def format_number(value: float) -> str:
    """``value`` as a canonical digit string: ``"25"``, ``"2.5"``."""
    return str(int(value)) if float(value).is_integer() else str(value)


def word_numbers(text: str) -> list[str]:
    """Values of the number phrases of ``text`` that contain a number word (``दस लाख``, ``5 हज़ार``)."""
    toks, breaks = phrase_tokens(text)
    return [
        format_number(v)
        for start, end, v in number_phrases(toks, breaks)
        if any(w in NUMBER_WORDS for w in toks[start:end])
    ]


def term(token: str) -> str:
    """A token for matching: a number word as its digits, any other word as its :func:`stem`."""
    if token in NUMBER_WORDS:
        return str(NUMBER_WORDS[token])
    return stem(token)


def content_stems(text: str) -> list[str]:
    """The :func:`term` of every content token of ``text`` (no :data:`FACT_STOP`, no single letters)."""
    return [term(t) for t in tokens(text) if t not in FACT_STOP and (len(t) > 1 or t.isdigit())]


# --- quantities ------------------------------------------------------------------------------

# qualifiers: (words, symbol, English gloss), before or after the number phrase
_QUALIFIERS_BEFORE: list[tuple[tuple[str, ...], str, str]] = [
    (("लगभग",), "~", "about"), (("करीब",), "~", "about"), (("क़रीब",), "~", "about"),
    (("तकरीबन",), "~", "about"), (("तक़रीबन",), "~", "about"), (("कम", "से", "कम"), ">=", "at least"),
    (("about",), "~", "about"), (("around",), "~", "about"), (("approximately",), "~", "about"),
    (("roughly",), "~", "about"), (("nearly",), "~", "nearly"), (("almost",), "~", "nearly"),
    (("some",), "~", "about"), (("more", "than"), ">", "more than"), (("over",), ">", "more than"),
    (("at", "least"), ">=", "at least"), (("less", "than"), "<", "less than"),
    (("under",), "<", "less than"), (("up", "to"), "<=", "up to"),
]  # fmt: skip
_QUALIFIERS_AFTER: list[tuple[tuple[str, ...], str, str]] = [
    (("से", "अधिक"), ">", "more than"), (("से", "ज्यादा"), ">", "more than"),
    (("से", "ज़्यादा"), ">", "more than"), (("से", "ऊपर"), ">", "more than"),
    (("से", "भी", "अधिक"), ">", "more than"), (("से", "भी", "ज्यादा"), ">", "more than"),
    (("से", "कम"), "<", "less than"), (("or", "more"), ">=", "at least"),
    (("plus",), ">", "more than"),
]  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: tuple[str, ...]  # terms of up to two words after the number
    qualifier: str  # "", "~", ">", ">=", "<", "<="
    gloss: str  # "about", "more than", ...
    surface: str

    def describe(self) -> str:
        shown = f"{self.gloss + ' ' if self.gloss else ''}{format_number(self.value)}"
        return shown + (f" ({self.surface})" if self.surface else "")


def _match_at(toks: Sequence[str], i: int, words: tuple[str, ...]) -> bool:
    return tuple(toks[i : i + len(words)]) == words


def _is_date_part(toks: Sequence[str], i: int, value: float) -> bool:
    """A year (1900-2100), or a day number next to a month name."""
    if 1900 <= value <= 2100 and float(value).is_integer():
        return True
    return (i + 1 < len(toks) and toks[i + 1] in MONTHS) or (i > 0 and toks[i - 1] in MONTHS)


def _qualifier(toks: Sequence[str], i: int, j: int) -> tuple[str, str, int, int]:
    """(symbol, gloss, surface start, surface end) for the number phrase ``toks[i:j]``."""
    for words, sym, gloss in _QUALIFIERS_BEFORE:
        start = i - len(words)
        if start >= 0 and _match_at(toks, start, words):
            return sym, gloss, start, j + 1
    for words, sym, gloss in _QUALIFIERS_AFTER:
        for k in range(j, min(j + 3, len(toks))):  # after the unit: "दो घंटे से अधिक"
            if _match_at(toks, k, words):
                return sym, gloss, i, k + len(words)
    return "", "", i, j + 1  # the surface: number + first unit word


def quantities(text: str) -> list[Quantity]:
    """Numbers of ``text`` with the words after them (unit) and a qualifier, if any.

    Years (1900-2100), day numbers before/after a month name and clock times are dates,
    not quantities.  Number words (``दो``, ``two``) count; ``एक``/``one`` do not.
    """
    toks, breaks = phrase_tokens(text)
    out: list[Quantity] = []
    for i, j, value in number_phrases(toks, breaks):
        if j == i + 1 and _is_digits(toks[i]) and _is_date_part(toks, i, value):
            continue
        unit = tuple(term(w) for w in toks[j : j + 2] if w not in FACT_STOP and not w[:1].isdigit())
        qual, gloss, lo, hi = _qualifier(toks, i, j)
        surface = " ".join(toks[lo : min(len(toks), hi)])
        out.append(Quantity(value, unit, qual, gloss, surface))
    return out
