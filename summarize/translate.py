"""Sentence-level translation of cleaned articles on top of any text-to-text engine.

MT models (IndicTrans2, NLLB, Marian) are trained on sentences, so an article is
translated sentence by sentence and put back together:

1. every sentence of every article is one unit, addressed by ``(paragraph, sentence)``;
2. a sentence longer than the model window (``max_sentence_tokens``, counted with the
   engine's own tokenizer) is split at clause boundaries -- after ``,`` ``;`` ``:`` and
   dashes, then before conjunctions (और, लेकिन, कि, क्योंकि, ... / and, but, because ...), then
   at whitespace -- into the fewest pieces that fit, translated piece by piece and joined;
   the pieces are recorded in :attr:`SentencePair.pieces`.  Nothing is ever truncated;
3. all units of all articles are de-duplicated and handed to the engine in one call; the
   engine sorts them by length and batches them by its token budget
   (:meth:`summarize.engines.base.Engine.generate`), which keeps padding low;
4. the results are re-assembled per article, paragraph structure and hi<->en alignment kept;
5. every number of a source sentence must appear in its translation
   (:func:`summarize.lang.numbers.missing_numbers`, Devanagari digits normalised); the misses are
   listed per sentence in :attr:`SentencePair.missing_numbers`.

The design follows argos-translate's composition of translation over one interface, with
sentence splitting outside the model wrapper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from summarize.engines.base import Engine, ProgressFn
from summarize.lang.numbers import missing_numbers
from summarize.lang.segment import CLAUSE_SPLIT_LEVELS
from summarize.types import CleanArticle, SentencePair, TranslatedArticle

# Longest sentence (in the engine's tokens) translated as one unit; the config's
# translation.max_sentence_tokens defaults to it.
MAX_SENTENCE_TOKENS = 200

# Split points, tried in order (clause punctuation, conjunctions, any space).
SPLIT_LEVELS = CLAUSE_SPLIT_LEVELS


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
        engine: Engine,
        max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
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
        return max(4, min(self.max_sentence_tokens, int(self.engine.window())))

    def split(self, sentence: str) -> list[str]:
        """The sentence itself, or its pieces if it is longer than :attr:`limit`."""
        return split_long_sentence(sentence, self.limit, self.engine.count_tokens)

    def _translate_units(self, units: list[str], progress: ProgressFn | None) -> dict[str, str]:
        """Translations of the distinct non-empty ``units``, in one call to the engine."""
        unique = list(dict.fromkeys(u for u in units if u.strip()))
        if not unique:
            if progress:
                progress(0, 0)
            return {}
        results = self.engine.generate(unique, progress=progress)
        return dict(zip(unique, results, strict=True))

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

        ``progress(done, total)`` is called after each batch the engine runs, counting
        distinct units (sentences or pieces of long sentences).
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
                model=self.engine.model_id,
                engine=self.engine.name,
                src_lang=art.lang or self.src_lang,
                tgt_lang=self.tgt_lang,
                pairs=pairs[ai],
            )
            for ai, art in enumerate(articles)
        ]

    def translate_texts(self, texts: list[str], lang: str | None = None) -> list[str]:
        """Translate short texts (e.g. summaries): each is split into sentences and re-joined."""
        from summarize.lang.segment import split_sentences

        lang = lang or self.src_lang
        per_text = [split_sentences(t, lang) if t.strip() else [] for t in texts]
        flat = [s for sents in per_text for s in sents]
        translated = iter(self.translate_sentences(flat))
        return [" ".join(next(translated)[0] for _ in sents).strip() for sents in per_text]


__all__ = ["MAX_SENTENCE_TOKENS", "SPLIT_LEVELS", "Translator", "split_long_sentence"]
