"""Pre- and post-processing around IndicTrans2, equivalent to IndicTransToolkit's ``IndicProcessor``.

Before the model (``preprocess``):

1. punctuation normalisation (curly quotes, dashes, bracket and colon spacing, spaces);
2. Indic digits (Devanagari, Bengali, Gurmukhi, ... Ol Chiki, Meetei) to ASCII digits;
3. placeholders: e-mails, URLs, numbers with separators or a percent sign (``12.5%``,
   ``15/08/2024``, ``1,50,000``) and hashtags/mentions become ``<ID1>``, ``<ID2>`` ...;
   each distinct entity gets one id;
4. Unicode normalisation (NFC, zero-width joiners dropped, ``|`` as danda);
5. punctuation tokenisation (``<ID1>`` becomes ``< ID1 >``, as the model saw it in training);
6. script unification: other Brahmi-derived scripts are mapped onto Devanagari codepoints
   (IndicTrans2 was trained on Devanagari-unified Indic text);
7. the language-tag prefix ``"<src_lang> <tgt_lang> "``.

After the model (``postprocess``): detokenisation (English or Indic), script restoration,
and the placeholders restored **by their number**, in whatever order and spacing the model
produced them (``<ID2>``, ``< ID 2 >``, ``[ID2]``, ``आईडी2`` ...).

Unlike IndicTransToolkit (whose placeholder maps sit in a queue that breaks unless every
preprocess call is followed by exactly one postprocess call, in order), the placeholder map
of each text is returned to the caller and handed back explicitly: batches can be split,
reordered, retried or interleaved between threads.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, field

# FLORES-200 code -> (ISO 639-1-ish code, script) for the languages IndicTrans2 covers.
LANGUAGES: dict[str, str] = {
    "asm_Beng": "as", "awa_Deva": "hi", "ben_Beng": "bn", "bho_Deva": "hi", "brx_Deva": "hi",
    "doi_Deva": "hi", "eng_Latn": "en", "gom_Deva": "kK", "gon_Deva": "hi", "guj_Gujr": "gu",
    "hin_Deva": "hi", "hne_Deva": "hi", "kan_Knda": "kn", "kas_Arab": "ur", "kas_Deva": "hi",
    "kha_Latn": "en", "lus_Latn": "en", "mag_Deva": "hi", "mai_Deva": "hi", "mal_Mlym": "ml",
    "mar_Deva": "mr", "mni_Beng": "bn", "mni_Mtei": "hi", "npi_Deva": "ne", "ory_Orya": "or",
    "pan_Guru": "pa", "san_Deva": "hi", "sat_Olck": "or", "snd_Arab": "ur", "snd_Deva": "hi",
    "tam_Taml": "ta", "tel_Telu": "te", "urd_Arab": "ur", "unr_Deva": "hi",
}  # fmt: skip

# First codepoint of each Brahmi-derived Unicode block; the blocks share one layout, so a
# letter maps between scripts by its offset in the block.
SCRIPT_BLOCKS: dict[str, int] = {
    "Deva": 0x0900, "Beng": 0x0980, "Guru": 0x0A00, "Gujr": 0x0A80, "Orya": 0x0B00,
    "Taml": 0x0B80, "Telu": 0x0C00, "Knda": 0x0C80, "Mlym": 0x0D00,
}  # fmt: skip

# Zero digits of the digit runs mapped to ASCII.
_ZERO_DIGITS = [base + 0x66 for base in SCRIPT_BLOCKS.values()] + [0x0660, 0x06F0, 0x1C50, 0xABF0]
DIGITS_TO_ASCII = {zero + d: str(d) for zero in _ZERO_DIGITS for d in range(10)}

DANDA, DOUBLE_DANDA = "\u0964", "\u0965"

# --- punctuation normalisation ----------------------------------------------------------

_PUNCT_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\r"), ""),
    (re.compile(r"[\u2018\u2019\u201a\u0060\u00b4]"), "'"),
    (re.compile(r"[\u201c\u201d\u201e\u00ab\u00bb]"), '"'),
    (re.compile(r"[\u2013\u2014]"), "-"),
    (re.compile(r"\u2026"), "..."),
    (re.compile(r"\(\s+"), "("),
    (re.compile(r"\s+\)"), ")"),
    (re.compile(r"\s+([:;?!%])"), r"\1"),
    (re.compile(r"\)\s+([.!:?;,])"), r")\1"),
    (re.compile(r"[ \t\u00a0]{2,}"), " "),
]


def normalize_punctuation(text: str) -> str:
    for pattern, repl in _PUNCT_RULES:
        text = pattern.sub(repl, text)
    return text.strip()


def normalize_digits(text: str) -> str:
    return text.translate(DIGITS_TO_ASCII)


# --- placeholders -----------------------------------------------------------------------

_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
_URL = (
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'()]+"
    r"|(?<![\w@.])(?:[A-Za-z0-9-]+\.)+(?:com|org|net|in|gov|edu|io|co|info|news|tv)"
    r"(?:/[^\s<>\"'()]*)?(?![\w])"
)
_NUMBER = (
    r"~?\d+(?:\.\d+)?\s?%?\s?-\s?~?\d+(?:\.\d+)?\s?%"  # ranges of percentages 10-20%
    r"|~?\d+(?:\.\d+)?%"  # 12.5%
    r"|\d+(?:[-/.,:']\d+){2,}"  # dates 15/08/2024, Indian grouping 1,50,000
    r"|\d+[-/.,:']\d+"  # 12:30, 3.75, 1,000
)
_TAG = r"(?<![\w@])[#@]\w+"
_ENTITY_RE = re.compile(
    rf"(?P<email>{_EMAIL})|(?P<url>{_URL})|(?P<number>{_NUMBER})|(?P<tag>{_TAG})"
)
_TRAILING = ".,;:!?"

# How the published models have been seen to render "ID" (IndicTransToolkit's list).
ID_VARIANTS = (
    "ID", "आईडी", "आई . डी .", "आई. डी.", "आय. डी.", "आय . डी .", "आयडी", "ऐटि", "ऐडि",
    "आइडि", "آی ڈی", "آئی ڈی", "ꯑꯥꯏꯗꯤ", "ᱟᱭᱰᱤ ᱾", "ᱟᱭᱰᱤ",
)  # fmt: skip
_ID_WORD = "|".join(
    re.escape(v).replace(r"\ ", r"\s*") for v in sorted(ID_VARIANTS, key=len, reverse=True)
)
_PLACEHOLDER_RE = re.compile(
    rf"[<\[]\s*(?:{_ID_WORD})\s*(\d+)\s*[>\]]"  # <ID1>, < ID 1 >, [ID1], <आईडी1> ...
    rf"|(?<!\w)(?:{_ID_WORD})\s?(\d+)(?!\d)"  # bare ID1 / आईडी 1
)


def _entity_ok(kind: str, match: str) -> bool:
    if kind == "url":
        return len(match.replace(".", "")) >= 4
    if kind == "number":
        return len(re.sub(r"[\s.:]", "", match)) >= 4
    return True


def wrap_placeholders(text: str) -> tuple[str, dict[int, str]]:
    """Replace e-mails, URLs, numbers and tags by ``<IDn>``; return the text and ``{n: entity}``."""
    ids: dict[str, int] = {}
    pieces: list[str] = []
    last = 0
    for m in _ENTITY_RE.finditer(text):
        kind = m.lastgroup or ""
        entity = m.group(0)
        end = m.end()
        if kind == "url":  # a sentence's full stop is not part of the URL
            stripped = entity.rstrip(_TRAILING)
            end -= len(entity) - len(stripped)
            entity = stripped
        if not _entity_ok(kind, entity):
            continue
        n = ids.setdefault(entity, len(ids) + 1)
        pieces.append(text[last : m.start()])
        pieces.append(f"<ID{n}>")
        last = end
    pieces.append(text[last:])
    return "".join(pieces), {n: entity for entity, n in ids.items()}


def restore_placeholders(text: str, entities: dict[int, str]) -> str:
    """Put the entities back wherever the model wrote their placeholder, in any order."""
    if not entities:
        return text

    def sub(m: re.Match[str]) -> str:
        n = int(m.group(1) or m.group(2))
        return entities.get(n, m.group(0))

    return _PLACEHOLDER_RE.sub(sub, text)


# --- Indic normalisation, tokenisation, script ------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u00ad\ufeff"), None)
_PIPE_AS_DANDA = re.compile(r"(?<=[\u0900-\u0dff])\s*\|")
_INDIC_PUNCT = re.compile("([" + re.escape(string.punctuation) + DANDA + DOUBLE_DANDA + "])")
_NUMBER_SEQ = re.compile(r"(?:\d+ [,.:/] )+\d+")
_EN_PUNCT = re.compile(r"([^\w\s'])")


def normalize_indic(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    return _PIPE_AS_DANDA.sub(DANDA, text)


def tokenize_indic(text: str) -> str:
    """Split punctuation off words (numbers like ``1,000`` stay whole)."""
    spaced = " ".join(_INDIC_PUNCT.sub(r" \1 ", text.replace("\t", " ")).split())
    return _NUMBER_SEQ.sub(lambda m: m.group(0).replace(" ", ""), spaced)


def tokenize_english(text: str) -> str:
    spaced = _EN_PUNCT.sub(r" \1 ", text)
    spaced = re.sub(r"(\w)'(\w)", r"\1 '\2", spaced)  # it's -> it 's
    spaced = re.sub(r"n '(t)\b", r" n'\1", spaced)  # don 't -> do n't
    spaced = " ".join(spaced.split())
    return _NUMBER_SEQ.sub(lambda m: m.group(0).replace(" ", ""), spaced)


def transliterate(text: str, src_script: str, tgt_script: str) -> str:
    """Map letters between Brahmi-derived scripts by their offset in the Unicode block."""
    if (
        src_script == tgt_script
        or src_script not in SCRIPT_BLOCKS
        or tgt_script not in SCRIPT_BLOCKS
    ):
        return text
    src, tgt = SCRIPT_BLOCKS[src_script], SCRIPT_BLOCKS[tgt_script]
    out = []
    for ch in text:
        cp = ord(ch)
        offset = cp - src
        if 0 <= offset < 0x80 and not (0x64 <= offset <= 0x6F):  # keep dandas and digits
            mapped = tgt + offset
            out.append(chr(mapped) if unicodedata.name(chr(mapped), "") else ch)
        else:
            out.append(ch)
    return "".join(out)


# --- detokenisation -------------------------------------------------------------------

_NO_SPACE_BEFORE = re.compile(r"\s+([.,!?;:%)\]}" + DANDA + DOUBLE_DANDA + r"])")
_NO_SPACE_AFTER = re.compile(r"([(\[{$])\s+")
_EN_CLITIC = re.compile(r"\s+('(?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)\b|n't\b)")


def _attach_quotes(text: str) -> str:
    """``" quoted text "`` -> ``"quoted text"`` (quotes paired left to right)."""
    tokens = text.split(" ")
    out: list[str] = []
    opening = True
    glue_next = False
    for tok in tokens:
        if tok == '"':
            if opening:
                out.append(tok)
                glue_next = True
            elif out:
                out[-1] += tok
            else:
                out.append(tok)
            opening = not opening
            continue
        if glue_next and out:
            out[-1] += tok
            glue_next = False
        else:
            out.append(tok)
    return " ".join(out)


def detokenize(text: str, lang: str) -> str:
    text = " ".join(text.split())
    if lang == "eng_Latn" or lang.endswith("_Latn"):
        text = _EN_CLITIC.sub(r"\1", text)
    text = _attach_quotes(text)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    return text.strip()


# --- the processor --------------------------------------------------------------------


@dataclass
class Prepared:
    """One preprocessed source line and the placeholders to restore in its translation."""

    text: str
    entities: dict[int, str] = field(default_factory=dict)


class IndicProcessor:
    """Stateless pre/post-processing; placeholder maps travel with the data, not in a queue."""

    def __init__(self, placeholders: bool = True) -> None:
        self.placeholders = placeholders

    @staticmethod
    def script(lang: str) -> str:
        return lang.split("_", 1)[1] if "_" in lang else ""

    def preprocess(self, text: str, src_lang: str, tgt_lang: str | None = None) -> Prepared:
        """Source text -> ``"src tgt tokens..."`` and its placeholder map (``tgt_lang=None``: no tags)."""
        text = normalize_digits(normalize_punctuation(text))
        entities: dict[int, str] = {}
        if self.placeholders:
            text, entities = wrap_placeholders(text)
        script = self.script(src_lang)
        if LANGUAGES.get(src_lang) == "en" or script == "Latn":
            body = tokenize_english(text)
        else:
            body = tokenize_indic(normalize_indic(text))
            body = transliterate(body, script, "Deva")
        body = " ".join(body.split())
        line = f"{src_lang} {tgt_lang} {body}" if tgt_lang else body
        return Prepared(line, entities)

    def preprocess_batch(
        self, texts: list[str], src_lang: str, tgt_lang: str | None = None
    ) -> list[Prepared]:
        return [self.preprocess(t, src_lang, tgt_lang) for t in texts]

    def postprocess(self, text: str, entities: dict[int, str] | None, tgt_lang: str) -> str:
        """Model output text -> final text in ``tgt_lang`` with placeholders restored."""
        script = self.script(tgt_lang)
        if script in SCRIPT_BLOCKS:
            text = transliterate(text, "Deva", script)
        text = detokenize(text, tgt_lang)
        return restore_placeholders(text, entities or {})

    def postprocess_batch(
        self, texts: list[str], entities: list[dict[int, str]], tgt_lang: str
    ) -> list[str]:
        if len(texts) != len(entities):
            raise ValueError(f"{len(texts)} outputs but {len(entities)} placeholder maps")
        return [self.postprocess(t, e, tgt_lang) for t, e in zip(texts, entities, strict=True)]
