"""The name of an event made of all inputs (a run without ``--group-by``): from its content.

A run without a grouping field puts every article into one event.  Its name is what a user
sees first (the output folder ``events/<name>/``, the report's heading), so it says what the
articles are about rather than ``all``: the words the articles' titles share, most shared
first (``पुतिन कोरिया किम जोंग`` for the four seed articles about Kim Jong Un's visit to
Putin).  The titles are the cleaner's (:func:`summarize.clean.clean_article` finds the
headline of a scraped page), or the record's own title.

* Words are the titles' letters-and-digits tokens, compared case-folded; function words
  (:data:`summarize.lang.lexicon.TOPIC_STOP`) and one-letter tokens do not count.
* A word counts once per title; the name is the words found in at least two titles (in half
  of them when there are many), the most shared first, ties in order of first appearance,
  at most :data:`MAX_WORDS` of them.
* One article, or titles that share no word: the first title, cut to ``MAX_WORDS + 4`` words.
* No title at all: :data:`summarize.group.ALL_INPUTS_EVENT` (``all``).

The name depends only on the input, so a rerun over the same input finds the same event
folder and resumes it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from summarize.config import CleanConfig
from summarize.group import ALL_INPUTS_EVENT
from summarize.lang.lexicon import TOPIC_STOP
from summarize.lang.script import DEVANAGARI_WORD
from summarize.types import Article

__all__ = ["MAX_WORDS", "content_event_name", "titles_name"]

MAX_WORDS = 4
# a word: letters and digits of any script, with Devanagari's vowel signs (not in \w)
_WORD_RE = re.compile(rf"(?:[^\W_]|[{DEVANAGARI_WORD}])+")


def _words(title: str) -> list[str]:
    """Content words of a title, in order, each once (a hyphenated name splits: जोंग-उन)."""
    out: list[str] = []
    for token in _WORD_RE.findall(title):
        w = token.casefold()
        if len(w) > 1 and w not in TOPIC_STOP and not w.isdigit() and w not in out:
            out.append(w)
    return out


def titles_name(titles: Sequence[str]) -> str | None:
    """The event name of these titles (see the module docstring); ``None`` without titles."""
    titles = [t.strip() for t in titles if t and t.strip()]
    if not titles:
        return None
    per_title = [_words(t) for t in titles]
    df: Counter[str] = Counter(w for words in per_title for w in words)
    order = {w: i for i, w in enumerate(dict.fromkeys(w for ws in per_title for w in ws))}
    need = max(2, (len(titles) + 1) // 2)
    shared = sorted((w for w, n in df.items() if n >= need), key=lambda w: (-df[w], order[w]))
    if len(titles) > 1 and shared:
        return " ".join(shared[:MAX_WORDS])
    return " ".join(titles[0].split()[: MAX_WORDS + 4]).rstrip(" ,;:|-–—")


def content_event_name(articles: Sequence[Article], clean: CleanConfig | None = None) -> str:
    """The name of the one event of an ungrouped run: its titles' shared words."""
    from summarize.clean import clean_article

    titles = [a.title or clean_article(a, clean).title or "" for a in articles]
    return titles_name(titles) or ALL_INPUTS_EVENT
