"""Faithfulness check: numbers and names in a summary that none of its sources contain.

Summarisers (and fusion) invent numbers and names; extractive output copies them.  For
every summary -- per article and merged -- :func:`check_summary` flags:

* ``unsupported-number``: a number of the summary (digits, Devanagari digits normalised
  by :mod:`summarize.lang.numbers`, and number words such as ``दो``/``two``, ``दस लाख``,
  "एक"/"one" excepted)
  that appears in no source, neither as digits nor as a number word.  Comparisons are by
  value, so ``२``, ``2``, ``दो`` and ``two`` all support each other, and sources in Hindi
  and in English (the translations) can be given together.
* ``unsupported-entity``: a name of the summary that appears in no source.

How names are found (conservative on purpose: a false alarm on every other sentence would
teach users to ignore the flags):

* English (Latin script): maximal sequences of capitalised words (``Kim Jong Un``,
  ``Vostochny Cosmodrome``).  A single capitalised word at the start of a sentence is not
  taken, since capitalisation there says nothing; neither are common sentence-starting
  function words, months and weekdays (a date is not a name).  A name is *supported*
  when every word of it occurs in some source (case-insensitive, possessive ``'s`` off),
  or when the whole name matches a source span with a fuzzy ratio >= 0.85 (transliteration
  variants: ``Kim Jong-un`` / ``Kim Jong Un``); a name is also supported if a source gives
  its Devanagari form -- we do not transliterate, so that case is only caught when the
  sources include the English translation.
* Hindi (Devanagari): there is no capitalisation.  A Devanagari token is *name-like* when
  it is no stop word and not a common word, also after removing an inflectional ending
  (ताकतों -> ताकत, पड़ेगी -> पड़ना).  Common words (``summarize/data/hi_common_words.txt``) are
  the Devanagari words occurring 3+ times in FLORES-200 dev (997 sentences of varied topics)
  and the Devanagari whole words of the XLM-R SentencePiece vocabulary that
  multilingual-e5-small uses (a word that is one piece of a 250k vocabulary trained on
  CommonCrawl is frequent; names rarely are).  A name-like token is *supported* when a source
  has it, a token with its stem, or a spelling variant (difflib ratio >= 0.8: transliterations
  vary, वोस्तोचनी/वोस्तोचन).  Reported: two or more adjacent unsupported name-like tokens
  (``शी जिनपिंग``) or one right after a title (राष्ट्रपति, मंत्री, प्रवक्ता ...).
  Measured leave-one-out on the four seeds (each article's sentences checked against the
  other three): 22 Hindi entity flags, about 15 real names or organisations
  (ओलेग कोजेमायाको, दिमित्री पेसकोव, हिरोकाज़ू, ...) and 7 false alarms, mostly English
  loanwords written in Devanagari (सीक्रेट मीटिंग, डिफेंस एक्सपोर्ट).  Limits: a new surname
  after a known first name is missed (सर्गेई लावरोव); a lone new name without a title is
  missed; a frequent name (मोदी, किम) is never reported; names in one script are not matched
  to the other (no transliteration), so give the English translations as sources too.

Empty summaries or sources give no flags.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence

from summarize.lang.dates import EN_MONTH_NAMES, EN_WEEKDAY_NAMES
from summarize.lang.lexicon import FUNCTION_WORDS_HI, NOT_NAMES_EN, is_common_hindi, stem
from summarize.lang.numbers import HI_NUMBER_WORDS, extract_numbers, word_numbers
from summarize.lang.script import DEVANAGARI_LETTERS, DEVANAGARI_WORD, ZERO_WIDTH_JOINERS, nfc
from summarize.types import Flag

__all__ = [
    "check_summary",
    "summary_numbers",
    "english_entities",
    "hindi_name_candidates",
    "entity_supported",
]

# Letters and digits, plus the Devanagari vowel signs and virama (Python's \w misses them).
_W = rf"(?:[^\W_]|[{DEVANAGARI_WORD}{ZERO_WIDTH_JOINERS}])"
_WORD_RE = re.compile(rf"{_W}+(?:['’-]{_W}+)*")
_LATIN_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_DEVANAGARI_TOKEN_RE = re.compile(f"[{DEVANAGARI_LETTERS}]+")  # letters and signs, no digits

# Capitalised words that do not make a name: function words, months, weekdays.
_EN_NOT_NAMES = NOT_NAMES_EN | set(EN_MONTH_NAMES) | set(EN_WEEKDAY_NAMES)


# --- numbers ------------------------------------------------------------------------------


def summary_numbers(text: str) -> list[str]:
    """Numbers of ``text`` as canonical digit strings: digits (any script) and number words.

    A phrase of number words is one number (``दो सौ`` = 200, ``दस लाख`` = 1000000, ``twenty
    five`` = 25, see :func:`summarize.lang.numbers.number_phrases`), also after digits
    (``5 हज़ार`` gives 5 and 5000).
    """
    text = nfc(text)
    return extract_numbers(text) + word_numbers(text)


def _number_forms(texts: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for t in texts:
        out.update(summary_numbers(t))
    return out


# --- names ----------------------------------------------------------------------------------


def _close_run(run: list[str], starts_sentence: bool) -> str | None:
    """A capitalised run as a name, or None (sentence-initial single word, function words)."""
    words = list(run)
    while words and words[0].lower() in _EN_NOT_NAMES:  # "The Kremlin" -> "Kremlin"
        words.pop(0)
        starts_sentence = False
    if not words:
        return None
    if len(words) == 1 and (starts_sentence or words[0].lower() in _EN_NOT_NAMES):
        return None
    return " ".join(words)


def english_entities(text: str) -> list[str]:
    """Capitalised word sequences of Latin-script ``text`` (see the module docstring)."""
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?।])\s+|\n+", nfc(text)):
        run: list[str] = []
        starts = False
        prev_end = 0
        for k, m in enumerate(_LATIN_WORD_RE.finditer(sentence)):
            w = m.group(0).rstrip(".'’")
            gap = sentence[prev_end : m.start()]
            prev_end = m.end()
            capitalised = w[:1].isupper() and w != "I"
            if run and (not capitalised or re.search(r"[,;:()\"“”]", gap)):
                name = _close_run(run, starts)
                if name:
                    out.append(name)
                run = []
            if capitalised:
                if not run:
                    starts = k == 0
                run.append(w.removesuffix("'s").removesuffix("’s"))
        if run:
            name = _close_run(run, starts)
            if name:
                out.append(name)
    return out


def hindi_name_candidates(text: str) -> list[str]:
    """Devanagari tokens of ``text`` that may be names: not stop words, not common words."""
    out = []
    for tok in _DEVANAGARI_TOKEN_RE.findall(nfc(text)):
        if (
            len(tok) < 2
            or tok in FUNCTION_WORDS_HI
            or tok in HI_NUMBER_WORDS
            or is_common_hindi(tok)
        ):
            continue
        out.append(tok)
    return out


def _source_words(sources: Sequence[str]) -> set[str]:
    words: set[str] = set()
    for s in sources:
        for w in _WORD_RE.findall(nfc(s).lower()):
            words.add(w.removesuffix("'s").removesuffix("’s"))
            words.update(p for p in re.split(r"[-'’]", w) if p)
    return words


def entity_supported(entity: str, sources: Sequence[str], _words: set[str] | None = None) -> bool:
    """Whether a (Latin-script) name occurs in the sources, allowing spelling variants."""
    words = _source_words(sources) if _words is None else _words
    parts = [p.lower() for p in re.split(r"[\s\-'’]+", entity) if p]
    if parts and all(p in words for p in parts):
        return True
    target = " ".join(parts)
    n = len(parts)
    for s in sources:
        toks = [t.lower() for t in re.split(r"[\s\-'’]+", re.sub(r"[^\w\s\-'’]", " ", nfc(s))) if t]
        for size in {max(1, n - 1), n, n + 1}:
            for i in range(0, max(0, len(toks) - size) + 1):
                cand = " ".join(toks[i : i + size])
                if cand and difflib.SequenceMatcher(None, target, cand).ratio() >= 0.85:
                    return True
    return False


_HI_TITLES = set(
    """राष्ट्रपति प्रधानमंत्री मुख्यमंत्री मंत्री नेता श्री श्रीमती सुश्री डॉ डॉक्टर जनरल मार्शल एडमिरल
    प्रवक्ता सचिव अध्यक्ष निदेशक राजदूत गवर्नर राज्यपाल सांसद विधायक न्यायाधीश जज कप्तान कमांडर
    तानाशाह सम्राट राजा रानी प्रमुख संस्थापक सीईओ""".split()
)


def _hindi_unsupported_names(
    sentence: str, source_words: set[str], source_stems: set[str], source_tokens: set[str]
) -> list[str]:
    """Spans of name-like Devanagari tokens that no source supports.

    A token is name-like when it is no stop word and not a common word
    (``hi_common_words.txt``); it is supported when a source has it, a token with its stem,
    or a spelling variant (difflib ratio >= 0.8: transliterations vary, वोस्तोचनी/वोस्तोचन).
    Reported: two or more adjacent unsupported name-like tokens ("शी जिनपिंग"), or one after
    a title (राष्ट्रपति, मंत्री, ...).  A lone rare word is more often a common noun than a name,
    so it is not reported (a new surname next to a known first name is missed: सर्गेई लावरोव).
    """
    candidates = set(hindi_name_candidates(sentence))
    toks = _DEVANAGARI_TOKEN_RE.findall(nfc(sentence))

    def supported(tok: str) -> bool:
        if tok in source_words or stem(tok) in source_stems:
            return True
        return any(
            abs(len(tok) - len(s)) <= 3 and difflib.SequenceMatcher(None, tok, s).ratio() >= 0.8
            for s in source_tokens
        )

    unsupported = [t in candidates and not supported(t) for t in toks]
    out: list[str] = []
    i = 0
    while i < len(toks):
        if not unsupported[i]:
            i += 1
            continue
        j = i
        while j < len(toks) and unsupported[j]:
            j += 1
        if j - i >= 2 or (i > 0 and toks[i - 1] in _HI_TITLES):
            out.append(" ".join(toks[i:j]))
        i = j
    return out


# --- the check ------------------------------------------------------------------------------


def check_summary(summary: str | list[str], sources: list[str], lang: str = "en") -> list[Flag]:
    """Flags for numbers and names of ``summary`` found in none of ``sources``.

    ``summary`` may be one text or its sentences (then each flag carries the sentence
    index).  ``sources`` may mix Hindi texts and their English translations.  ``lang`` is
    the summary's language; names are looked for in both scripts whatever it says, since
    Hindi news mixes Latin-script names in.
    """
    sentences = [summary] if isinstance(summary, str) else list(summary)
    sources = [s for s in sources if s and s.strip()]
    if not sources or not any(s.strip() for s in sentences):
        return []
    numbers = _number_forms(sources)
    words = _source_words(sources)
    hi_tokens = {t for s in sources for t in _DEVANAGARI_TOKEN_RE.findall(nfc(s))}
    hi_stems = {stem(t) for t in hi_tokens}
    flags: list[Flag] = []
    indexed = not isinstance(summary, str)
    for si, sent in enumerate(sentences):
        where = si if indexed else None
        seen: set[tuple[str, str]] = set()
        for num in summary_numbers(sent):
            if num not in numbers and ("number", num) not in seen:
                seen.add(("number", num))
                flags.append(
                    Flag(
                        "unsupported-number",
                        num,
                        where,
                        "this number appears in none of the sources",
                    )
                )
        for ent in english_entities(sent):
            if ("entity", ent) in seen:
                continue
            seen.add(("entity", ent))
            if not entity_supported(ent, sources, words):
                flags.append(
                    Flag(
                        "unsupported-entity", ent, where, "this name appears in none of the sources"
                    )
                )
        for name in _hindi_unsupported_names(sent, words, hi_stems, hi_tokens):
            if ("entity", name) in seen:
                continue
            seen.add(("entity", name))
            flags.append(
                Flag(
                    "unsupported-entity",
                    name,
                    where,
                    "this name (Hindi, found by a heuristic) appears in none of the sources",
                )
            )
    return flags
