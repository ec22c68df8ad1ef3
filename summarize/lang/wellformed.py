"""Is a sentence well formed enough to stand for a fact?  Surface checks for Hindi and English.

Used by the merge to choose each cluster's representative for readability as well as
centrality (issue 15).  No parser: a few checks of the shape of a sentence that
machine-translation debris and scraping residue fail, each with a name:

* ``no-terminal``  no sentence-final mark (``।``, ``.``, ``!``, ``?``, also before a quote);
* ``no-verb``      no finite verb: Hindi has none of its auxiliaries or finite endings, English
                   none of its auxiliaries, modals, reporting verbs or a past form;
* ``word-order``   a Hindi sentence whose finite verb is not near its end (Hindi is verb-final;
                   "... ने कहा किम जोंग अन में 'बैठक ... व्लादिमीर पुतिन." is translation debris);
* ``mixed-script`` Latin glued to Devanagari, a Hindi sentence that is mostly Latin words, or
                   Devanagari inside an English sentence;
* ``quotes``       an unbalanced quotation mark;
* ``length``       under :data:`MIN_WORDS` or over :data:`MAX_WORDS` words.
"""

from __future__ import annotations

import re

from summarize.lang.script import DEVANAGARI, DEVANAGARI_LETTERS

__all__ = ["MAX_WORDS", "MIN_WORDS", "PROBLEMS", "has_finite_verb", "is_caption_phrase", "problems"]

MIN_WORDS = 6
MAX_WORDS = 60
PROBLEMS = ("no-terminal", "no-verb", "word-order", "mixed-script", "quotes", "length")
# how near the end a Hindi finite verb must be (words before the final mark)
_VERB_FINAL_WINDOW = 4

_TERMINAL_RE = re.compile(r"[।॥.!?][\"'’”)\]»]*\s*$")
_HI_AUX = frozenset(
    "है हैं था थे थी थीं हो हूं हूँ होगा होगी होंगे रहा रही रहे गया गई गए गयी गये हुआ हुई हुए "
    "कहा बताया किया की दिया दी लिया ली चाहिए सकता सकती सकते चुका चुकी चुके पाया पाई".split()
)
_HI_FINITE_END_RE = re.compile(r"(ेगा|ेगी|ेंगे|ेगें|ाएगा|ाएगी|ाएंगे|ूंगा|ेंगी)$")
# perfective forms ("लिए", "बनाए", "पहुंची"), counted only as the last word: Hindi is verb-final
_HI_PERFECTIVE_END_RE = re.compile(r"(या|यी|ये|ई|ए|ी|ा|े)$")
# auxiliaries that also make participles inside a noun phrase ("लगाया गया बैरियर")
_HI_PARTICIPLE = frozenset("गया गई गए गयी गये हुआ हुई हुए".split())
# words in final position that are no verb: postpositions and the like
_HI_NOT_VERB = frozenset("की के का में से पर ने को भी ही तो".split())
# a caption's people, whose nouns end like a perfective verb ("कर्मचारी", "महिला", "दमकलकर्मी"),
# after a present participle ("गड्ढा खोदते निगम कर्मचारी।", "साड़ी बुनती महिला।")
_HI_PERSON_END_RE = re.compile(
    r"(कर्मी|चारी|कारी|र्थी|वासी|वाला|वाली|वाले|महिला|लड़की|बच्ची|युवती|छात्रा|बच्चे|लड़के)$"
)
_HI_PRESENT_PARTICIPLE_RE = re.compile(r"..(ते|ती|ता)$")
_EN_FINITE = frozenset(
    "is are was were has have had will would can could shall should may might must do does did "
    "said says told added announced reported".split()
)
_EN_PAST_RE = re.compile(r"^[a-z]{3,}ed$")
_WORD_RE = re.compile(rf"[A-Za-z]+(?:['’-][A-Za-z]+)*|[{DEVANAGARI_LETTERS}\u200c\u200d]+|\d+")
_GLUED_RE = re.compile(rf"[{DEVANAGARI_LETTERS}][A-Za-z]|[A-Za-z][{DEVANAGARI_LETTERS}]")
_DEV_RE = re.compile(f"[{DEVANAGARI}]")


def _is_hi_finite(w: str) -> bool:
    return w in _HI_AUX or bool(_HI_FINITE_END_RE.search(w))


# a clause opened with "कि", "और", "जो", "जब" may follow a verb directly
_CLAUSE_OPENERS = frozenset("कि और जो जब जहां तथा लेकिन पर".split())


def has_finite_verb(text: str, lang: str) -> bool:
    """An auxiliary, a modal, a reporting verb or a future form anywhere in ``text`` (a photo
    caption is a noun phrase: "घाट पर दीपदान के लिए जुटे श्रद्धालु।")."""
    words = _WORD_RE.findall(text)
    if lang == "hi" and any(_DEV_RE.search(w) for w in words):
        return any(_is_hi_finite(w) for w in words)
    return any(w.lower() in _EN_FINITE or _EN_PAST_RE.match(w.lower()) for w in words)


def is_caption_phrase(text: str) -> bool:
    """A Hindi photo caption's shape: one noun phrase closed by a danda, 3 to 16 words, no
    comma, ending in a noun ("धरने पर बैठे अभिभावक।", "ऊंटों का टोला लेकर जाते पशुपालक।").
    Hindi is verb-final, so a sentence ends in its verb; a caption may hold a participle or a
    genitive "की" before its final noun ("प्रवेश पर लगाया गया स्वचालित बैरियर।", "स्टील की
    थालियां।"), but no finite verb among its last two words and no postposition last ("...
    हुआ किसानों का।" is an inverted sentence).  A key point or a deck joins its parts with
    commas ("पुरी, गंजाम और खुर्दा में बिजली आपूर्ति बाधित।") and is no caption."""
    t = text.strip()
    if not _DEV_RE.search(t) or not t.endswith("।") or t.count("।") != 1 or "," in t:
        return False
    words = _WORD_RE.findall(t)
    if not 3 <= len(words) <= 16:
        return False
    last, before = words[-1], words[-2]
    if _is_hi_finite(last) or last in _HI_NOT_VERB or last.endswith("ीं"):
        return False
    if _is_hi_finite(before) and before not in _HI_NOT_VERB:
        return False
    # inside the phrase only a passive participle ("लगाया गया", "बनी हुई") or a genitive
    if any(_is_hi_finite(w) and w not in _HI_NOT_VERB and w not in _HI_PARTICIPLE for w in words):
        return False
    if _HI_PERSON_END_RE.search(last) and any(
        _HI_PRESENT_PARTICIPLE_RE.search(w) for w in words[-4:-1]
    ):
        return True
    return not _HI_PERFECTIVE_END_RE.search(last)


def _verb_first(words: list[str]) -> bool:
    """English order carried into Hindi by a translation system: a finite verb among the first
    three words and a long run of words after it before any clause opener ("रूस मदद करेगा
    उत्तर कोरिया अंतरिक्ष में ...")."""
    for k, w in enumerate(words[:3]):
        if _is_hi_finite(w) and len(words) > 8:
            rest = words[k + 1 : k + 5]
            return len(rest) == 4 and not any(r in _CLAUSE_OPENERS for r in rest)
    return False


def _verb_problems(words: list[str], lang: str) -> list[str]:
    if lang == "hi":
        hits = [k for k, w in enumerate(words) if _is_hi_finite(w)]
        if words and _HI_PERFECTIVE_END_RE.search(words[-1]) and words[-1] not in _HI_NOT_VERB:
            hits.append(len(words) - 1)
        if not hits:
            return ["no-verb"]
        if hits[-1] < len(words) - _VERB_FINAL_WINDOW or _verb_first(words):
            return ["word-order"]
        return []
    lower = [w.lower() for w in words]
    if any(w in _EN_FINITE or _EN_PAST_RE.match(w) for w in lower[1:]):
        return []
    return ["no-verb"]


def _script_problems(text: str, words: list[str], lang: str) -> list[str]:
    if _GLUED_RE.search(text):
        return ["mixed-script"]
    if lang == "hi":
        latin = sum(1 for w in words if w.isascii() and w.isalpha())
        return ["mixed-script"] if words and latin / len(words) > 0.3 else []
    return ["mixed-script"] if _DEV_RE.search(text) else []


def _quote_problems(text: str) -> list[str]:
    # a doubled single quote (‘‘ ’’ '') is one double quote
    text = text.replace("‘‘", "“").replace("’’", "”").replace("''", '"')
    doubles = text.count('"') + text.count("“") + text.count("”")
    # a single quote between letters is an apostrophe ("Shetty's"), elsewhere a quote
    singles = len(re.findall(r"(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])", text))
    return ["quotes"] if doubles % 2 or singles % 2 else []


def problems(text: str, lang: str) -> list[str]:
    """The names (of :data:`PROBLEMS`) of the checks ``text`` fails; empty: well formed.

    ``lang`` is ``"hi"`` or ``"en"`` (anything else is checked as English)."""
    t = text.strip()
    words = _WORD_RE.findall(t)
    out: list[str] = []
    if not _TERMINAL_RE.search(t):
        out.append("no-terminal")
    out += _verb_problems(words, lang)
    out += _script_problems(t, words, lang)
    out += _quote_problems(t)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        out.append("length")
    return out
