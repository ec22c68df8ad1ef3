"""The sentence that stands for a fact: each cluster's representative, for readability and centrality.

Before issue 15 the representative was the member with the highest mean same-fact score to
the other members (the most central), which on the seeds chose machine-translation debris.
Now the members are ranked by, in order:

1. not a lone heading;
2. well formed (:func:`summarize.lang.wellformed.problems` finds nothing, and the sentence is
   not one half of a sentence the segmenter cut at a decimal point), then fewer problems;
3. from a clean source: an article the cleaner flagged no kept line of;
4. centrality: mean same-fact score to the other members, then LexRank centrality.

So a well-formed member always wins over an ill-formed one, and among well-formed members
the most central one.  With translation on, the checks run on the English side
(:func:`choose` gets the English texts) and the Hindi original stays linked through the
merged sentence's references (``SourceRef.representative`` marks it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from summarize.lang.wellformed import problems

__all__ = ["RepKey", "choose", "rep_key"]

RepKey = tuple[bool, bool, int, bool, float, float]


def rep_key(
    i: int,
    members: Sequence[int],
    text: str,
    lang: str,
    heading: bool,
    split: bool,
    clean_source: bool,
    score: np.ndarray,
    cent: np.ndarray,
) -> RepKey:
    """Sort key of member ``i`` (higher is better; see the module)."""
    found = problems(text, lang) + (["split-number"] if split else [])
    others = [j for j in members if j != i]
    central = float(np.mean(score[i, others])) if others else 0.0
    return (not heading, not found, -len(found), clean_source, central, float(cent[i]))


def choose(
    members: Sequence[int],
    text_of: Callable[[int], tuple[str, str]],
    heading_of: Callable[[int], bool],
    split_of: Callable[[int], bool],
    clean_of: Callable[[int], bool],
    score: np.ndarray,
    cent: np.ndarray,
) -> int:
    """The representative of ``members``; ``text_of(i)`` gives the text to judge and its
    language (the English translation when translation is on)."""
    if len(members) == 1:
        return members[0]

    def key(i: int) -> RepKey:
        text, lang = text_of(i)
        return rep_key(i, members, text, lang, heading_of(i), split_of(i), clean_of(i), score, cent)

    return max(members, key=key)
