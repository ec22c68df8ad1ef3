"""Word lists and stemmers for Hindi and English: function words, named stop sets, stemming.

Function words
--------------
:data:`FUNCTION_WORDS_HI` and :data:`FUNCTION_WORDS_EN` are the shared lists: postpositions,
pronouns, auxiliaries, conjunctions and particles -- words that carry no topic and are never
a name.  Each tool that needs stop words takes a *named* set built from them, because the
tools were tuned (and measured) with slightly different lists, and swapping one for another
changes their outputs:

* :data:`FACT_STOP` -- the merge's content stems (same-fact similarity, quantity units).
  It keeps 14 indefinite/interrogative words as content (``कुछ``, ``सभी``, ``दोनों`` ...:
  "all" and "both" distinguish facts) and also drops ``साथ-साथ``.  Measured on the seeds,
  using the plain function words instead changes one conflict's references and qualifier.
* :data:`TOPIC_STOP` -- the cleaner's topic TF-IDF.  Wider: it also drops light verbs and
  auxiliaries (``जा``, ``सकता``, ``दिया`` ...), relative pronouns and a few English
  adverbs, since these say nothing about a page's topic; it keeps the possessives
  ``उनका/उनकी/उनके`` and a few interrogatives.  Tuned with ``python -m benchmarks.cleaning``.
* :data:`NOT_NAMES_EN` -- English words that start a capitalised run without being part of
  a name (``The Kremlin``, ``Mr Putin``), for the faithfulness check; the month and weekday
  names are added there from :mod:`summarize.lang.dates`.

Stemmers
--------
* :func:`stem` -- for matching words across sentences: one inflectional suffix off, then
  truncation to five characters.  Truncation stemming works well for Hindi retrieval
  (McNamee & Mayfield, 2004); the suffix list catches the oblique/plural endings that
  truncation would keep, and a few English inflections.  Number words are *not* mapped here
  (that is :func:`summarize.lang.numbers.term`).
* :class:`HindiLightStemmer` -- Ramanathan & Rao (2003), exactly as XL-Sum's multilingual
  ROUGE applies it to Hindi; used for ROUGE only, so scores stay comparable to published ones.
* :data:`HI_INFLECTIONS` / :data:`HI_BASE_ENDINGS` -- endings to undo before looking a word
  up in the common-word list (``ताकतों`` -> ``ताकत``, ``पड़ेगी`` -> ``पड़ना``), and
  :func:`hi_common_words`, that list (``summarize/data/hi_common_words.txt``).
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = [
    "FUNCTION_WORDS_HI",
    "FUNCTION_WORDS_EN",
    "FACT_STOP",
    "TOPIC_STOP",
    "NOT_NAMES_EN",
    "HI_INFLECTIONS",
    "HI_BASE_ENDINGS",
    "stem",
    "strip_suffix",
    "hi_common_words",
    "is_common_hindi",
    "HindiLightStemmer",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- function words ------------------------------------------------------------------------

FUNCTION_WORDS_HI = _words(
    """के का की को में से ने पर और है हैं था थी थे यह वह ये वे इस उस इन उन एक भी तो कि लिए साथ बाद
    तक कर किया किए गया गई गए हो होगा होगी रहा रही रहे ही नहीं या जो जब तब कहा बताया इसके उसके
    उनके उनकी उनका अपने अपनी अपना द्वारा बीच करने करते करेंगे लेकिन हालांकि वाले वाली दोनों
    सबसे बहुत कुछ सभी किसी कोई अब फिर यहां वहां क्या क्यों कैसे"""
)
FUNCTION_WORDS_EN = _words(
    """the a an of to in on at for and or but is are was were be been has have had with by from
    that this it its as he she they his her their said says will would not also"""
)

# The merge keeps these as content words: quantifiers and question words tell facts apart.
_FACT_KEEP_HI = _words("अब किसी कुछ कैसे कोई क्या क्यों दोनों फिर बहुत यहां वहां सबसे सभी")
FACT_STOP = (FUNCTION_WORDS_HI - _FACT_KEEP_HI) | {"साथ-साथ"} | FUNCTION_WORDS_EN

# The cleaner's topic check (see the module docstring).
_TOPIC_KEEP_HI = _words(
    "उनका उनकी उनके करेंगे बताया वे होगी किसी कैसे कोई क्या क्यों दोनों फिर बहुत यहां वहां सबसे"
)
_TOPIC_EXTRA_HI = _words(
    """उन्होंने ऐसा ऐसी ऐसे कई करता करती किये क्योंकि चाहिए जा जाता जाती जाते जिस जिसमें जिसे
    दिए दिया दी दौरान बात वाला वो सकता सकती सकते होता होती होने"""
)
_TOPIC_EXTRA_EN = _words(
    """about after before can could into more most new no over than then there what when where
    which who"""
)
TOPIC_STOP = (
    (FUNCTION_WORDS_HI - _TOPIC_KEEP_HI) | _TOPIC_EXTRA_HI | FUNCTION_WORDS_EN | _TOPIC_EXTRA_EN
)

# Names never start with these (auxiliaries and "said" are left out: "Will Smith", "Said Ali").
_EN_AUXILIARIES = _words("are be been had has have is said says was were will would")
_NOT_NAMES_EXTRA_EN = _words(
    """according after all before both dr each earlier here how however i if later many
    meanwhile most mr mrs ms my no one our several so some then there these those today
    tomorrow we what when where which while who why yesterday you your"""
)
NOT_NAMES_EN = (FUNCTION_WORDS_EN - _EN_AUXILIARIES) | _NOT_NAMES_EXTRA_EN


# --- the matching stemmer ------------------------------------------------------------------

_STEM_SUFFIXES = sorted(
    ["ियों", "ियां", "ियाँ", "ाएं", "ाएँ", "ाओं", "ाना", "ाने", "कर", "ें", "ों", "ीं", "ी", "े",
     "ा", "ं", "ाँ", "ो", "s", "es", "ed", "ing"],
    key=len,
    reverse=True,
)  # fmt: skip
STEM_LENGTH = 5


def strip_suffix(token: str, suffixes: list[str], keep: int = 2) -> str:
    """``token`` without the first (longest) of ``suffixes`` it ends with, leaving ``keep``+ chars."""
    for suf in suffixes:
        if len(token) >= len(suf) + keep and token.endswith(suf):
            return token[: -len(suf)]
    return token


def stem(token: str) -> str:
    """Light stem of a lowercased token: one inflectional suffix off, then 5 characters."""
    return strip_suffix(token, _STEM_SUFFIXES)[:STEM_LENGTH]


# --- common Hindi words ----------------------------------------------------------------------

# Inflectional endings (nouns: plural/oblique; verbs: future, participles, infinitive).
HI_INFLECTIONS = sorted(
    ["ियों", "ियां", "ियाँ", "ाओं", "ाएं", "ाएँ", "ों", "ें", "ीं", "ी", "े", "ा", "ेंगे", "ेंगी",
     "ेगी", "ेगा", "ूंगा", "ूंगी", "ाना", "ानी", "ाने", "ती", "ता", "ते", "ना", "नी", "ने", "या",
     "यी", "ये", "ई", "ए", "कर", "ाई", "ाए"],
    key=len,
    reverse=True,
)  # fmt: skip
# Endings of the base forms an inflected word may come from (ताकत, पड़ना, ...).
HI_BASE_ENDINGS = ("", "ा", "ी", "े", "ना", "ाना", "ि")


@functools.lru_cache(maxsize=1)
def hi_common_words() -> frozenset[str]:
    """The common Hindi words of ``summarize/data/hi_common_words.txt`` (empty if missing)."""
    try:
        data = resources.files("summarize").joinpath("data/hi_common_words.txt")
        text = data.read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def is_common_hindi(token: str) -> bool:
    """Whether ``token``, or a base form of it (an inflection undone), is a common word."""
    common = hi_common_words()
    if token in common:
        return True
    for suf in HI_INFLECTIONS:
        if len(token) > len(suf) + 1 and token.endswith(suf):
            base = token[: -len(suf)]
            if any(base + e in common for e in HI_BASE_ENDINGS):
                return True
    return False


# --- the ROUGE stemmer -----------------------------------------------------------------------


class HindiLightStemmer:
    """Ramanathan & Rao's lightweight Hindi stemmer ("A Lightweight Stemmer for Hindi", 2003).

    Strips the longest matching inflectional suffix from a list, leaving at least two
    characters; the stemmer XL-Sum's multilingual ROUGE applies to Hindi when asked to stem.
    """

    # The paper's suffix list, grouped by length in code points (vowel signs count as one).
    SUFFIXES = (
        "ो े ू ु ी ि ा",
        "कर ाओ िए ाई ाए ने नी ना ते ीं ती ता ाँ ां ों ें",
        "ाकर ाइए ाईं ाया ेगी ेगा ोगी ोगे ाने ाना ाते ाती ाता तीं ाओं ाएं ुओं ुएं ुआं",
        "ाएगी ाएगा ाओगी ाओगे एंगी ेंगी एंगे ेंगे ूंगी ूंगा ातीं नाओं नाएं ताओं ताएं ियाँ ियों ियां",
        "ाएंगी ाएंगे ाऊंगी ाऊंगा ाइयाँ ाइयों ाइयां",
    )

    def __init__(self) -> None:
        self._by_length = {
            n: tuple(group.split()) for n, group in enumerate(self.SUFFIXES, start=1)
        }
        assert all(len(x) == n for n, g in self._by_length.items() for x in g)

    def __call__(self, token: str) -> str:
        for n in (5, 4, 3, 2, 1):
            if len(token) > n + 1 and token.endswith(self._by_length[n]):
                return token[:-n]
        return token
