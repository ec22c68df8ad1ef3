"""Sentence-level translation of cleaned articles on top of any text-to-text engine.

MT models (IndicTrans2, NLLB, Marian) are trained on sentences, so an article is
translated sentence by sentence and put back together:

1. every sentence of every article is one unit, addressed by ``(paragraph, sentence)``;
2. a sentence longer than the model window (``max_sentence_tokens``, counted with the
   engine's own tokenizer) is split at clause boundaries -- after ``,`` ``;`` ``:`` and
   dashes, then before conjunctions (और, लेकिन, कि, क्योंकि, ... / and, but, because ...), then
   at whitespace -- into the fewest pieces that fit, translated piece by piece and joined;
   the pieces are recorded in :attr:`SentencePair.pieces`.  Nothing is ever truncated;
3. all units of all articles are de-duplicated, sorted by length and batched with the
   engine's token budget (``batch_tokens``), which keeps padding low;
4. the results are re-assembled per article, paragraph structure and hi<->en alignment kept;
5. every number of a source sentence must appear in its translation
   (:func:`summarize.numbers.missing_numbers`, Devanagari digits normalised); the misses are
   listed per sentence in :attr:`SentencePair.missing_numbers`.

The design follows argos-translate's composition of translation over one interface, with
sentence splitting outside the model wrapper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from summarize.engines.batching import plan_batches
from summarize.numbers import missing_numbers
from summarize.types import CleanArticle, SentencePair, TranslatedArticle

ProgressFn = Callable[[int, int], None]

# Split points, tried in order.  Each regex matches the boundary *between* two pieces; the
# punctuation stays with the left piece, a conjunction starts the right piece.
_CLAUSE_PUNCT = re.compile(r"(?<=[,;:،—–])\s+|(?<=\s[-–—])\s+")
_CONJUNCTIONS_HI = (
    "और", "लेकिन", "कि", "क्योंकि", "जबकि", "परंतु", "परन्तु", "किंतु", "किन्तु", "तथा", "एवं",
    "या", "अथवा", "ताकि", "जिससे", "इसलिए", "बल्कि", "तो", "जो", "जिसमें", "जहां", "जहाँ", "जब", "यदि", "अगर",
)  # fmt: skip
_CONJUNCTIONS_EN = ("and", "but", "because", "while", "which", "that", "who", "or", "so", "although", "whereas", "when", "if")
_CONJUNCTION = re.compile(
    r"\s+(?=(?:" + "|".join(map(re.escape, _CONJUNCTIONS_HI + _CONJUNCTIONS_EN)) + r")(?:\s|$))",
    re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s+")
SPLIT_LEVELS: tuple[re.Pattern[str], ...] = (_CLAUSE_PUNCT, _CONJUNCTION, _WHITESPACE)


def _segments(text: str, pattern: re.Pattern[str]) -> list[str]:
    return [s for s in (p.strip() for p in pattern.split(text)) if s]


def _hard_split(text: str, max_tokens: int, count: Callable[[list[str]], list[int]]) -> list[str]:
    """Last resort for a run of characters with no whitespace: cut by characters."""
    pieces: list[str] = []
    rest = text
    while rest:
        lo, hi = 1, len(rest)
        while lo < hi:  # longest prefix that fits
            mid = (lo + hi + 1) // 2
            if count([rest[:mid]])[0] <= max_tokens:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(rest[:lo])
        rest = rest[lo:]
    return pieces


def split_long_sentence(
    text: str,
    max_tokens: int,
    count: Callable[[list[str]], list[int]],
    levels: Sequence[re.Pattern[str]] = SPLIT_LEVELS,
) -> list[str]:
    """Pieces of ``text`` of at most ``max_tokens`` tokens each, split at the coarsest boundary.

    ``count`` gives the token count of each text (special tokens included).  Segments at a
    level are packed greedily (consecutive segments joined while they fit), and a segment that
    alone is too long is split at the next level.  ``" ".join(pieces)`` equals ``text`` up to
    whitespace.
    """
    text = text.strip()
    if not text or count([text])[0] <= max_tokens:
        return [text] if text else []
    if not levels:
        return _hard_split(text, max_tokens, count)
    segments = _segments(text, levels[0])
    if len(segments) <= 1:
        return split_long_sentence(text, max_tokens, count, levels[1:])
    seg_counts = count(segments)
    pieces: list[str] = []
    current = ""
    for seg, n in zip(segments, seg_counts, strict=True):
        if n > max_tokens:
            if current:
                pieces.append(current)
                current = ""
            pieces.extend(split_long_sentence(seg, max_tokens, count, levels[1:]))
            continue
        candidate = f"{current} {seg}" if current else seg
        if current and count([candidate])[0] > max_tokens:
            pieces.append(current)
            current = seg
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


class Translator:
    """Translate articles sentence by sentence with one engine (see the module docstring)."""

    def __init__(
        self,
        engine: Any,
        max_sentence_tokens: int = 200,
        check_numbers: bool = True,
        *,
        src_lang: str = "hi",
        tgt_lang: str = "en",
    ) -> None:
        self.engine = engine
        self.max_sentence_tokens = int(max_sentence_tokens)
        self.check_numbers = check_numbers
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang

    # --- pieces ------------------------------------------------------------------------

    @property
    def limit(self) -> int:
        """Longest input (in the engine's tokens, special tokens included) sent as one unit."""
        window = self.engine.window() if hasattr(self.engine, "window") else self.max_sentence_tokens
        return max(4, min(self.max_sentence_tokens, int(window)))

    def split(self, sentence: str) -> list[str]:
        """The sentence itself, or its pieces if it is longer than :attr:`limit`."""
        return split_long_sentence(sentence, self.limit, self.engine.count_tokens)

    def _translate_units(self, units: list[str], progress: ProgressFn | None) -> dict[str, str]:
        """Translations of the distinct non-empty ``units``, batched by length."""
        unique = list(dict.fromkeys(u for u in units if u.strip()))
        out: dict[str, str] = {}
        if not unique:
            if progress:
                progress(0, 0)
            return out
        lengths = self.engine.count_tokens(unique)
        budget = int(getattr(self.engine, "batch_tokens", 2048) or 2048)
        done = 0
        for batch in plan_batches(lengths, budget):
            texts = [unique[i] for i in batch]
            results = self.engine.generate(texts)
            if len(results) != len(texts):
                raise RuntimeError(f"{self.engine.describe()} returned {len(results)} outputs for {len(texts)} inputs")
            out.update(zip(texts, results, strict=True))
            done += len(texts)
            if progress:
                progress(done, len(unique))
        return out

    def translate_sentences(
        self, sentences: list[str], progress: ProgressFn | None = None
    ) -> list[tuple[str, list[str]]]:
        """(translation, pieces) of each sentence; pieces empty when it was translated whole."""
        split = [self.split(s) for s in sentences]
        table = self._translate_units([p for pieces in split for p in pieces], progress)
        results: list[tuple[str, list[str]]] = []
        for pieces in split:
            tgt = " ".join(table.get(p, "") for p in pieces).strip()
            results.append((" ".join(tgt.split()), pieces if len(pieces) > 1 else []))
        return results

    # --- public API --------------------------------------------------------------------

    def translate_articles(
        self, articles: list[CleanArticle], progress: ProgressFn | None = None
    ) -> list[TranslatedArticle]:
        """Translate every sentence of every article in one batched pass.

        ``progress(done, total)`` is called after each batch, counting distinct units
        (sentences or pieces of long sentences) sent to the engine.
        """
        index: list[tuple[int, int, int]] = []  # (article, paragraph, sentence)
        sentences: list[str] = []
        for ai, art in enumerate(articles):
            for pi, para in enumerate(art.paragraphs):
                for si, sent in enumerate(para):
                    index.append((ai, pi, si))
                    sentences.append(sent)
        translated = self.translate_sentences(sentences, progress)
        pairs: list[list[SentencePair]] = [[] for _ in articles]
        for (ai, pi, si), src, (tgt, pieces) in zip(index, sentences, translated, strict=True):
            missing = missing_numbers(src, tgt) if self.check_numbers else []
            pairs[ai].append(SentencePair(pi, si, src, tgt, pieces=pieces, missing_numbers=missing))
        return [
            TranslatedArticle(
                article_id=art.id,
                model=str(getattr(self.engine, "model_id", "")),
                engine=str(getattr(self.engine, "name", type(self.engine).__name__)),
                src_lang=art.lang or self.src_lang,
                tgt_lang=self.tgt_lang,
                pairs=pairs[ai],
            )
            for ai, art in enumerate(articles)
        ]

    def translate_texts(self, texts: list[str], lang: str | None = None) -> list[str]:
        """Translate short texts (e.g. summaries): each is split into sentences and re-joined."""
        from summarize.segment import split_sentences

        lang = lang or self.src_lang
        per_text = [split_sentences(t, lang) if t.strip() else [] for t in texts]
        flat = [s for sents in per_text for s in sents]
        translated = iter(self.translate_sentences(flat))
        return [" ".join(next(translated)[0] for _ in sents).strip() for sents in per_text]


__all__ = ["SPLIT_LEVELS", "Translator", "split_long_sentence"]
