"""Numbers in Hindi and English text: extraction and normalisation for comparisons.

MT models often drop or alter numbers, and summarisers invent them.  The translation
number check and the faithfulness check both need the same notion of "the numbers of a
text": Devanagari digits mapped to ASCII, thousands separators removed (Western ``1,000``
and Indian ``1,00,000`` grouping), decimals kept (``8.5``), a trailing ``.`` of a sentence
not taken as a decimal point.  Written by hand because no library does this for mixed
Devanagari/Latin text; it is a few regular expressions.
"""

from __future__ import annotations

import re
from collections import Counter

DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")

# digits with optional grouping commas and an optional decimal part; no letters glued before
_NUMBER_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{2,3})+|\d+)(?:\.(\d+))?(?![\d])")


def normalise_digits(text: str) -> str:
    """Map Devanagari digits to ASCII digits."""
    return text.translate(DEVANAGARI_DIGITS)


def extract_numbers(text: str) -> list[str]:
    """Numbers of ``text`` in a canonical form (ASCII digits, no separators), in order.

    >>> extract_numbers("इन 12 बैंकों में ८.५% तक ब्याज, 1,00,000 रुपये")
    ['12', '8.5', '100000']
    """
    out: list[str] = []
    for m in _NUMBER_RE.finditer(normalise_digits(text)):
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
