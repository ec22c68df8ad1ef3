"""Script facts for Hindi and English text: Unicode normalisation, Devanagari classes, digits.

Every module that reads Hindi needs the same few facts, and they used to be written five
ways.  Here they are named once:

* :func:`nfc` -- Unicode NFC.  Hindi text arrives with nukta and vowel signs both
  precomposed and decomposed (``ज़`` as one code point or as ``ज`` + ``़``); comparisons
  are only meaningful after NFC.
* The Devanagari block (U+0900-U+097F) as regex classes: :data:`DEVANAGARI` (the whole
  block), :data:`DEVANAGARI_LETTERS` (letters, vowel signs and virama, without the dandas
  U+0964/5 and the digits U+0966-096F) and :data:`DEVANAGARI_WORD` (letters and digits,
  without the dandas).  Python's ``\\w`` misses the vowel signs and the virama (Unicode
  category M), so a word regex has to name them.
* :data:`DIGITS_TO_ASCII` -- the digits of the Brahmi-derived scripts, Arabic-Indic,
  Extended Arabic-Indic, Ol Chiki and Meetei Mayek mapped to ASCII (the table of the
  IndicTrans2 processor, which covers every script IndicTrans2 translates), and
  :func:`to_ascii_digits`.  Each digit maps to one character, so offsets are preserved.
* :func:`tokens` -- word and number tokens for matching (lowercased, digits ASCII).
* :func:`guess_lang` and :func:`is_latin` -- two different questions: which script
  dominates a page (Devanagari letters >= Latin letters -> Hindi), and whether a sentence
  is (more than 80 %) Latin script, as English translations are.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "DEVANAGARI",
    "DEVANAGARI_LETTERS",
    "DEVANAGARI_WORD",
    "DIGITS_TO_ASCII",
    "to_ascii_digits",
    "nfc",
    "normalize_text",
    "TOKEN_RE",
    "for_matching",
    "tokens",
    "guess_lang",
    "is_latin",
]

# Ranges for use inside a character class ("[...]").
DEVANAGARI = "\u0900-\u097f"  # the whole block: letters, signs, dandas, digits
DEVANAGARI_LETTERS = "\u0900-\u0963\u0970-\u097f"  # letters and signs; no dandas, no digits
DEVANAGARI_WORD = "\u0900-\u0963\u0966-\u097f"  # letters, signs and digits; no dandas
# Zero-width (non-)joiners are part of Devanagari words ("क्‍ष" spellings).
ZERO_WIDTH_JOINERS = "\u200c\u200d"

# First code point of each Brahmi-derived Unicode block: their digits sit at offset 0x66.
_SCRIPT_BLOCKS = (0x0900, 0x0980, 0x0A00, 0x0A80, 0x0B00, 0x0B80, 0x0C00, 0x0C80, 0x0D00)
# ... plus Arabic-Indic, Extended Arabic-Indic, Ol Chiki and Meetei Mayek zeros.
_ZERO_DIGITS = [base + 0x66 for base in _SCRIPT_BLOCKS] + [0x0660, 0x06F0, 0x1C50, 0xABF0]
DIGITS_TO_ASCII: dict[int, str] = {zero + d: str(d) for zero in _ZERO_DIGITS for d in range(10)}

# A letter for matching: any Unicode letter, plus the Devanagari vowel signs and virama.
_LETTER = rf"(?:[^\W\d_]|[{DEVANAGARI_LETTERS}{ZERO_WIDTH_JOINERS}])"
TOKEN_RE = re.compile(rf"[0-9]+(?:[.,][0-9]+)*|{_LETTER}+(?:[-']{_LETTER}+)*")
_DEV_CHAR_RE = re.compile(f"[{DEVANAGARI}]")
_LATIN_CHAR_RE = re.compile(r"[A-Za-z]")


def nfc(text: str) -> str:
    """Unicode NFC of ``text``."""
    return unicodedata.normalize("NFC", text)


def normalize_text(text: str) -> str:
    """Text as read from a file: NFC, ``\\n`` line ends, a leading BOM dropped.  Nothing else."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return nfc(text)


def to_ascii_digits(text: str) -> str:
    """Map the digits of Indic scripts (Devanagari ``०-९`` and others) to ASCII digits."""
    return text.translate(DIGITS_TO_ASCII)


def for_matching(text: str) -> str:
    """``text`` as :func:`tokens` reads it: NFC, ASCII digits, lowercase."""
    return to_ascii_digits(nfc(text)).lower()


def tokens(text: str) -> list[str]:
    """Word and number tokens (NFC, digits as ASCII, lowercased, punctuation dropped).

    >>> tokens("राष्ट्रपति ने २ घंटे बात की, Kim Jong-un said")
    ['राष्ट्रपति', 'ने', '2', 'घंटे', 'बात', 'की', 'kim', 'jong-un', 'said']
    """
    return TOKEN_RE.findall(for_matching(text))


def guess_lang(text: str) -> str:
    """``"hi"`` when ``text`` has at least as many Devanagari as Latin characters, else ``"en"``."""
    dev = len(_DEV_CHAR_RE.findall(text))
    lat = len(_LATIN_CHAR_RE.findall(text))
    return "hi" if dev >= lat else "en"


def is_latin(text: str) -> bool:
    """Whether more than 80 % of the letters of ``text`` are ASCII (an English sentence)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) > 0.8 * len(letters)
