"""Hindi and English sentence splitting, and paragraph splitting.

Why hand-written rules and not pysbd / indic-nlp-library: both mis-handle exactly the cases
that dominate scraped Hindi news (measured by ``python -m benchmarks.segmentation`` on
FLORES-200 dev, see that module's docstring for the figures):

* Hindi news writes the full stop as ``.`` about as often as ``।`` (483 vs 242 of the
  FLORES joins): pysbd's Hindi rules never split at ``.`` (0%), indic-nlp's only at 32% of
  them, and indic-nlp never at ``|`` used as a danda (0%); boundary recall over all Hindi
  joins is 34% (pysbd) and 53% (indic-nlp) against 99% here;
* ``|`` typed for ``।`` (common on the web), ``। ”`` (quote after a space), ``है.“`` ...;
* English abbreviations followed by a capitalised name (``U.S. Navy``, ``a.m. Saturday``,
  ``St. Louis``) versus a real sentence end (``... on Io. So the ...``).

The rules, in short.  A newline always ends a sentence.  Inside a line a sentence ends at
``।`` / ``॥`` (always), ``?`` / ``!`` (unless a lowercase Latin word follows), ``|`` (only
as a danda: after Devanagari), ``.`` (unless it is part of a number, an abbreviation, an
initial or an enumeration, or a lowercase Latin word follows) and at an ellipsis only in
English before a capital.  Closing quotes and brackets after the mark belong to the
sentence, also after a space (``। ”``), and so does a short parenthetical right after the
mark without a mark of its own (``है. (ब्रेमर, 1998)``).  Sentences are returned stripped
but otherwise exactly as in the input.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "split_paragraphs", "sentence_spans", "CLAUSE_SPLIT_LEVELS"]

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_MARKS = re.compile(r"[.?!।॥|…]+")
_CLOSERS = "”’\"'»)]"  # may follow the mark directly
_SPACED_CLOSERS = "”’\"'“‘"  # may follow after one space when nothing but space follows them
_LEAD_PUNCT = "(\"'“‘[«-–—"

# Latin abbreviations (lowercased, without the dot).
# Never a sentence end: titles and the like, always followed by a name or a number.
_EN_NEVER = set(
    (
        "mr mrs ms dr prof st mt ft gen col lt capt cmdr sgt rep sen gov pres rev hon "
        "messrs v vs rs re approx dept fig figs vol vols pp cf ca eg ie viz sr mme mlle "
        "brig maj adm supt insp det ave blvd"
    ).split()
)
# A sentence end only when a capitalised word follows (they often close a sentence).
_EN_CONDITIONAL = {"jr", "inc", "ltd", "co", "corp", "etc", "bros", "plc", "llc", "esq", "al"}
# Before a number only (otherwise an ordinary word): "No. 11", "Jan. 5", "p. 12".
_EN_BEFORE_NUMBER = set(
    ("no nos nr p art sec ch jan feb mar apr jun jul aug sep sept oct nov dec op ed").split()
)
# Words that start a sentence: after an ambiguous abbreviation (U.S., a.m., F.) a capital
# alone does not prove a new sentence ("U.S. Navy", "a.m. Saturday"), one of these does.
_EN_STARTERS = set(
    (
        "the a an he she it they we i you this that these those there here but and "
        "however in on at as after before when while if so then his her its their our my "
        "some many most all meanwhile also although since for according officials police "
        "what why how who where no yes now today yesterday one two three both each during "
        "by"
    ).split()
)

# Hindi abbreviations (without the dot) after which a sentence never ends.
_HI_NEVER = set(
    (
        "डॉ डा श्री श्रीमती सुश्री कु प्रो पं मो मु स्व सं नं रु क्र पू ई लि प्रा ले जन "
        "कै कर्न मे डॉक्टर मि मिस मास्टर सर्व उ द पृ वि अ आ"
    ).split()
)
# Latin letter names written in Devanagari: initials ("एम. एस. धोनी", "बी.जे.पी.").
_HI_LETTERS = set(("बी डी एफ एच जे एल एम एन आर एस टी यू वी डब्ल्यू डबल्यू एक्स वाई जेड ज़ेड क्यू ओ ए").split())
# Letter names that are also ordinary Hindi words ("आई" came, "पी" drank, "जी" ji):
# initials only inside a chain of initials.
_HI_LETTERS_AMBIGUOUS = {"आई", "पी", "सी", "जी", "के", "ई"}
_HI_STARTERS = set(
    (
        "यह वह ये वे इस उस इसके उसके उन्होंने उनके उनकी उनका इसमें लेकिन हालांकि हालाँकि "
        "मैं हम आप तब फिर जब अब इससे उसने इसी वहीं पुलिस साथ"
    ).split()
)

_WORD_RE = re.compile(r"\S+")
_CITATION = re.compile(r"[ \t]*\([^()\n.?!।॥|]{1,60}\)")


def _prev_token(text: str, end: int) -> str:
    """The whitespace-delimited token that ends at ``end``, leading brackets/quotes removed."""
    i = end
    while i > 0 and not text[i - 1].isspace() and end - i < 200:
        i -= 1
    return text[i:end].lstrip(_LEAD_PUNCT)


def _last_char(text: str, end: int) -> str:
    """The last non-space character before ``end`` ("" when there is none)."""
    i = end - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _next_word(text: str, start: int) -> str:
    m = _WORD_RE.match(text, start)
    return m.group(0) if m else ""


def _strip_word(word: str) -> str:
    return word.strip(_LEAD_PUNCT + _CLOSERS + ".,;:!?")


def _is_initial(tok: str) -> bool:
    """A single letter, Latin or a Devanagari letter name (unambiguous ones)."""
    return (len(tok) == 1 and tok.isalpha() and tok.isupper()) or tok in _HI_LETTERS


def _dot_is_boundary(text: str, mark_start: int, next_word: str, lang: str) -> bool:
    tok = _prev_token(text, mark_start)
    nxt = _strip_word(next_word)
    first = next_word.lstrip(_LEAD_PUNCT)[:1]
    if not tok:
        return True
    if first.isalpha() and first.isascii() and first.islower():
        return False  # "approx. three", "a.m. a hush", "Jr. crashed"
    if first in ",;:)]}%":
        return False
    # Enumeration at the start of a sentence: "1. ", "(2). ", "iv. "?  Only digits.
    if tok.isdigit() and len(tok) <= 3 and _last_char(text, mark_start - len(tok)) == "":
        return False
    low = tok.lower()
    starter = nxt.lower() in _EN_STARTERS or nxt in _HI_STARTERS
    if "." in tok:  # a chain of initials/abbreviations: "U.S", "a.m", "ई.पू", "बी.जे.पी"
        if low in ("e.g", "i.e"):
            return False
        parts = [p for p in tok.split(".") if p]
        if parts and all(len(p) <= 4 and not p.isdigit() for p in parts):
            return starter
    if tok.isascii():
        if low in _EN_NEVER:
            return False
        if low in _EN_CONDITIONAL:
            return first.isupper() or not first
        if low in _EN_BEFORE_NUMBER:
            return not first.isdigit()
        if len(tok) == 1 and tok.isupper():
            return starter  # "John F. Kennedy"
        return True
    if tok in _HI_NEVER:
        return False
    if tok in _HI_LETTERS:
        return starter
    if tok in _HI_LETTERS_AMBIGUOUS:
        # initial only in a chain: "पी. चिदंबरम" stays ambiguous, "ए. पी. जे." is a chain
        before = _prev_token(text, mark_start - len(tok)).rstrip()
        prev_is_initial = before.endswith(".") and _is_initial(before.rstrip(".").split(".")[-1])
        next_is_initial = next_word.endswith(".") and (
            _is_initial(nxt) or nxt in _HI_LETTERS_AMBIGUOUS
        )
        return not (prev_is_initial or next_is_initial)
    return True


def _is_boundary(text: str, m: re.Match[str], after: int, lang: str) -> bool:
    """Does the mark ``m`` (closers consumed up to ``after``) end a sentence?"""
    mark = m.group(0)
    glued = after < len(text) and not text[after].isspace()
    nxt_pos = after
    while nxt_pos < len(text) and text[nxt_pos].isspace():
        nxt_pos += 1
    if nxt_pos >= len(text):
        return True  # end of line
    next_word = _next_word(text, nxt_pos)
    first = next_word.lstrip(_LEAD_PUNCT)[:1]
    prev_char = text[m.start() - 1] if m.start() > 0 else ""
    prev_dev = bool(_DEVANAGARI.match(_last_char(text, m.start()) or " "))
    next_dev = bool(_DEVANAGARI.match(first or " "))

    if "।" in mark or "॥" in mark:
        return True
    if glued:
        # "है।अगला" is handled above; "किया.अगला" / "क्या?हाँ" / "है|अगला" between
        # Devanagari words; anything else glued (8.5, U.S., example.com, a|b) is not a boundary.
        if not (prev_dev and next_dev):
            return False
        if "." in mark and "?" not in mark and "!" not in mark and "|" not in mark:
            return len(mark) == 1 and _dot_is_boundary(text, m.start(), next_word, lang)
        return True
    if "?" in mark or "!" in mark:
        return not (first.isascii() and first.isalpha() and first.islower())
    if "|" in mark:
        return prev_dev or (bool(prev_char) and prev_char in '”’")?!.')
    if mark.startswith("..") or "…" in mark:
        if lang != "en":
            return False
        before = _last_char(text, m.start())
        return bool(first) and first.isupper() and before not in ",;:"
    return _dot_is_boundary(text, m.start(), next_word, lang)


def _consume_closers(text: str, pos: int) -> int:
    """Position after the closing quotes/brackets (and a mark-less parenthetical) at ``pos``."""
    n = len(text)
    while pos < n and text[pos] in _CLOSERS:
        pos += 1
        # "गया।”." : a second mark after the closing quote belongs to the same end
        while pos < n and text[pos] in ".।॥|?!":
            pos += 1
    # "। ”" / ". “" (quote after one space, then only space or end): still this sentence.
    if pos + 1 < n and text[pos] == " " and text[pos + 1] in _SPACED_CLOSERS:
        q = pos + 1
        while q < n and text[q] in _SPACED_CLOSERS:
            q += 1
        if q >= n or text[q].isspace():
            pos = q
    # "है. (ब्रेमर, 1998)" / "है. (नीचे देखें)": a short parenthetical without a mark of
    # its own closes the sentence before it.
    m = _CITATION.match(text, pos)
    if m:
        end = m.end()
        if end >= n or text[end].isspace():
            pos = end
    return pos


def sentence_spans(line: str, lang: str = "hi") -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of one line (no newline inside)."""
    spans: list[tuple[int, int]] = []
    start = 0
    pos = 0
    n = len(line)
    while pos < n:
        m = _MARKS.search(line, pos)
        if not m:
            break
        after = _consume_closers(line, m.end())
        if _is_boundary(line, m, after, lang):
            seg = line[start:after]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                spans.append((start + lead, start + len(seg.rstrip())))
            start = after
        pos = max(after, m.end())
    seg = line[start:]
    if seg.strip():
        lead = len(seg) - len(seg.lstrip())
        spans.append((start + lead, start + len(seg.rstrip())))
    return spans


def split_sentences(text: str, lang: str = "hi") -> list[str]:
    """Split ``text`` into sentences (``lang`` "hi" or "en"); a newline always ends one."""
    if lang not in ("hi", "en"):
        raise ValueError(f"unsupported language {lang!r}; use 'hi' or 'en'")
    out: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        out.extend(line[a:b] for a, b in sentence_spans(line, lang))
    return out


def split_paragraphs(text: str) -> list[str]:
    """Blocks of text separated by blank lines, stripped; empty blocks dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n[ \t\u00a0]*\n", text)
    return [b.strip() for b in blocks if b.strip()]


# --- clause split points (for sentences too long to translate as one unit) -----------------

# Tried in order.  Each regex matches the boundary *between* two pieces; the punctuation
# stays with the left piece, a conjunction starts the right piece.
_CLAUSE_PUNCT = re.compile(r"(?<=[,;:،—–])\s+|(?<=\s[-–—])\s+")
_CONJUNCTIONS_HI = (
    "और", "लेकिन", "कि", "क्योंकि", "जबकि", "परंतु", "परन्तु", "किंतु", "किन्तु", "तथा", "एवं",
    "या", "अथवा", "ताकि", "जिससे", "इसलिए", "बल्कि", "तो", "जो", "जिसमें", "जहां", "जहाँ", "जब", "यदि", "अगर",
)  # fmt: skip
_CONJUNCTIONS_EN = (
    "and", "but", "because", "while", "which", "that", "who", "or", "so", "although", "whereas",
    "when", "if",
)  # fmt: skip
_CONJUNCTION = re.compile(
    r"\s+(?=(?:" + "|".join(map(re.escape, _CONJUNCTIONS_HI + _CONJUNCTIONS_EN)) + r")(?:\s|$))",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")
CLAUSE_SPLIT_LEVELS: tuple[re.Pattern[str], ...] = (_CLAUSE_PUNCT, _CONJUNCTION, _WHITESPACE)
