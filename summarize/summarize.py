"""Per-article summaries by four strategies, and fitting long articles into a model's window.

Strategies (every one yields an :class:`~summarize.types.ArticleSummary`):

* ``extractive`` — the most central, non-redundant sentences (multilingual sentence
  embeddings, centrality + MMR, see :mod:`summarize.extractive`) in document order.  Chosen on
  the Hindi text; given in English (the aligned translations) when translation is on.
* ``translate-then-summarize`` — summarise the English translation (mT5 XL-Sum).
* ``summarize-then-translate`` — summarise the Hindi (mT5 XL-Sum), translate the summary.
* ``cross-lingual`` — Hindi article -> English summary in one model (mT5 CrossSum).

mT5 sees 512 input tokens, and many articles are longer.  Nothing is truncated silently:
:func:`fit_input` picks what the model sees, by ``summarization.input_fit``:

* ``extract-then-abstract`` — the salient sentences that fit the window
  (:func:`summarize.extractive.rank_for_window`: centrality + MMR order, taken while the
  token count stays within the window), checked with the engine's own ``count_tokens`` on
  the joined text and given to the model in document order;
* ``chunk`` — consecutive sentences in chunks that fit, each summarised, the chunk summaries
  then summarised together (recursively, while they do not fit) — chunk-summarise-merge.

The sentences the model saw are recorded in ``used_input`` and what it did not see is said in
``omitted_note``.  A single sentence longer than the window is cut into pieces at word
boundaries (and the note says so).  Generation is batched across articles: one
``generate`` call per strategy step, not one per article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from summarize.types import ArticleSummary, CleanArticle, Flag, TranslatedArticle

Index = tuple[int, int]
Doc = tuple[
    list[str], list[Index], list[str] | None
]  # model input sentences, indices, salience texts
ProgressFn = Callable[[int, int, str | None], None]


class TextEngine(Protocol):
    def generate(self, texts: list[str], **overrides: Any) -> list[str]: ...

    def count_tokens(self, texts: list[str]) -> list[int]: ...

    def window(self) -> int: ...

    def describe(self) -> str: ...


# --- fitting the input into the window ------------------------------------------------------


@dataclass
class Chunk:
    """One model input: its text and the (paragraph, sentence) indices it holds."""

    text: str
    used: list[Index]
    cut: list[Index] = field(default_factory=list)  # sentences cut into pieces to fit


@dataclass
class FittedInput:
    chunks: list[Chunk]
    note: str  # what the model did not see, and why; "" when it saw everything whole

    @property
    def used(self) -> list[Index]:
        seen: list[Index] = []
        for c in self.chunks:
            for i in c.used:
                if i not in seen:
                    seen.append(i)
        return seen


def _join(sentences: Sequence[str]) -> str:
    return " ".join(s.strip() for s in sentences if s.strip())


def split_to_fit(text: str, engine: TextEngine, window: int) -> list[str]:
    """Cut ``text`` at word boundaries into pieces of at most ``window`` tokens each."""
    words = text.split()
    pieces: list[str] = []
    start = 0
    while start < len(words):
        lo, hi = start + 1, len(words)
        # the largest end such that words[start:end] fits (at least one word per piece)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if engine.count_tokens([" ".join(words[start:mid])])[0] <= window:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(" ".join(words[start:lo]))
        start = lo
    return pieces


def fit_input(
    sentences: Sequence[str],
    index: Sequence[Index],
    engine: TextEngine,
    mode: str,
    select: Callable[[list[str], list[int], int], list[int]] | None = None,
    salience_texts: Sequence[str] | None = None,
) -> FittedInput:
    """Choose what ``engine`` sees of an article (see the module docstring).

    ``select(texts, token_counts, budget)`` returns the indices of the salient sentences
    that fit ``budget`` tokens, in document order (:func:`summarize.extractive.rank_for_window`
    over embeddings of ``texts``); without it, the leading sentences that fit are taken.
    ``salience_texts`` (aligned with ``sentences``) are what salience is judged on when it is
    not the model input itself: the Hindi source of an English translation, so that every
    strategy picks the same sentences and nothing is embedded twice.
    """
    window = engine.window()
    judged = list(salience_texts) if salience_texts is not None else list(sentences)
    kept = [k for k, s in enumerate(sentences) if s.strip()]
    pairs = [(index[k], sentences[k]) for k in kept]
    rank_texts = [judged[k] for k in kept]
    if not pairs:
        return FittedInput([Chunk("", [])], "the article has no text")
    full = _join(s for _, s in pairs)
    if engine.count_tokens([full])[0] <= window:
        return FittedInput([Chunk(full, [i for i, _ in pairs])], "")
    if mode == "chunk":
        return _fit_chunks(pairs, engine.count_tokens([s for _, s in pairs]), engine, window)
    if mode != "extract-then-abstract":
        raise ValueError(f"unknown input_fit '{mode}'; allowed: extract-then-abstract, chunk")
    total = len(pairs)
    # count_tokens includes the special tokens (mT5: </s>) once per text: count them once
    specials = engine.count_tokens([""])[0]
    counts = [max(c - specials, 0) for c in engine.count_tokens([s for _, s in pairs])]
    texts = [s for _, s in pairs]
    budget = window - specials
    chosen: list[int] = []
    while budget > 0:
        if select is not None:
            chosen = list(select(rank_texts, counts, budget))
        else:
            chosen, used = [], 0
            for k, c in enumerate(counts):
                if used + c > budget:
                    break
                chosen.append(k)
                used += c
        if not chosen:
            break
        # joining can tokenise differently from the parts: check the real input, shrink if over
        over = engine.count_tokens([_join(texts[k] for k in chosen)])[0] - window
        if over <= 0:
            break
        budget -= over
        chosen = []
    if not chosen:
        # no whole sentence fits (the most salient one alone is longer than the window)
        # the single most salient sentence: a budget of one sentence of cost 1
        best = select(rank_texts, [1] * total, 1)[0] if select is not None else 0
        piece = split_to_fit(texts[best], engine, window)[0]
        i = pairs[best][0]
        note = (
            f"the article ({total} sentences) is longer than the model's {window}-token window "
            f"and no single sentence fits it; the model saw only the first part of sentence "
            f"{i[0] + 1}.{i[1] + 1}, cut at a word boundary"
        )
        return FittedInput([Chunk(piece, [i], cut=[i])], note)
    used_idx = [pairs[k][0] for k in chosen]
    note = (
        f"the article ({total} sentences) is longer than the model's {window}-token window; "
        f"the model saw the {len(chosen)} most salient sentences that fit, in document order, "
        f"and not the other {total - len(chosen)}"
    )
    return FittedInput([Chunk(_join(texts[k] for k in chosen), used_idx)], note)


def _fit_chunks(
    pairs: list[tuple[Index, str]], counts: list[int], engine: TextEngine, window: int
) -> FittedInput:
    chunks: list[Chunk] = []
    current: list[tuple[Index, str]] = []
    cut: list[Index] = []

    def close() -> None:
        if current:
            chunks.append(Chunk(_join(s for _, s in current), [i for i, _ in current]))
            current.clear()

    for (i, s), n in zip(pairs, counts, strict=True):
        if n > window:
            close()
            cut.append(i)
            for piece in split_to_fit(s, engine, window):
                chunks.append(Chunk(piece, [i], cut=[i]))
            continue
        candidate = _join([*(x for _, x in current), s])
        if current and engine.count_tokens([candidate])[0] > window:
            close()
        current.append((i, s))
    close()
    note = (
        f"the article is longer than the model's {window}-token window; it was summarised in "
        f"{len(chunks)} chunks of consecutive sentences, and the chunk summaries summarised together"
    )
    if cut:
        where = ", ".join(f"{p + 1}.{s + 1}" for p, s in cut)
        note += (
            f"; sentence(s) {where} longer than the window were cut into pieces at word boundaries"
        )
    return FittedInput(chunks, note)


def abstractive_summaries(
    engine: TextEngine, fitted: list[FittedInput], max_rounds: int = 4
) -> list[tuple[str, list[str]]]:
    """Summarise each fitted article: one batched ``generate`` per round.

    Returns, per article, the final summary and the intermediate chunk summaries (empty when
    the article fitted in one chunk).  Chunk summaries that together exceed the window are
    chunked and summarised again, at most ``max_rounds`` times.
    """
    flat = [(a, c.text) for a, f in enumerate(fitted) for c in f.chunks]
    outputs = engine.generate([t for _, t in flat]) if flat else []
    per_article: list[list[str]] = [[] for _ in fitted]
    for (a, _), out in zip(flat, outputs, strict=True):
        per_article[a].append(out.strip())
    finals: list[str | None] = [parts[0] if len(parts) == 1 else None for parts in per_article]
    intermediate = [list(parts) if len(parts) > 1 else [] for parts in per_article]
    current = {a: parts for a, parts in enumerate(per_article) if len(parts) > 1}
    window = engine.window()
    for _ in range(max_rounds):
        if not current:
            break
        inputs: list[tuple[int, str]] = []
        for a, parts in current.items():
            fit = _fit_chunks(
                [((0, k), p) for k, p in enumerate(parts)],
                engine.count_tokens(parts),
                engine,
                window,
            )
            inputs.extend((a, c.text) for c in fit.chunks)
        outs = engine.generate([t for _, t in inputs])
        nxt: dict[int, list[str]] = {}
        for (a, _), out in zip(inputs, outs, strict=True):
            nxt.setdefault(a, []).append(out.strip())
        current = {}
        for a, parts in nxt.items():
            if len(parts) == 1:
                finals[a] = parts[0]
            else:
                current[a] = parts
    for a, parts in current.items():  # rounds exhausted: keep the chunk summaries in order
        finals[a] = " ".join(parts)
    return [(f or "", inter) for f, inter in zip(finals, intermediate, strict=True)]


# --- sentence selection through summarize.extractive ----------------------------------------


def _window_selector(embedder: Any) -> Callable[[list[str], list[int], int], list[int]]:
    from summarize.extractive import rank_for_window

    def select(sentences: list[str], counts: list[int], budget: int) -> list[int]:
        emb = embedder.embed(list(sentences), kind="query")
        return list(rank_for_window(emb, counts, budget))

    return select


def _select(embedder: Any, sentences: list[str], k: int) -> list[int]:
    from summarize.extractive import extract

    return sorted(extract(sentences, embedder, k))


def split_summary(text: str, lang: str) -> list[str]:
    """Sentences of a generated summary."""
    from summarize.segment import split_sentences

    return [s for s in split_sentences(text, lang) if s.strip()]


def faithfulness_flags(summary: str | list[str], sources: list[str], lang: str) -> list[Flag]:
    """Numbers and names of the summary (one text, or its sentences) found in no source."""
    from summarize.faithfulness import check_summary

    return list(check_summary(summary, sources, lang))


# --- the strategies -------------------------------------------------------------------------


class Summarizer:
    """Runs the strategies over a batch of articles with injected collaborators.

    ``engine(config_key)`` returns the text engine of a config key
    (``summarization.summarizer``, ``summarization.cross_lingual``); ``embedder()`` the
    sentence embedder; ``translate(texts)`` translates Hindi texts to English (None when
    translation is off).  All are called only when a strategy needs them, so the offline
    config never touches a generator.
    """

    def __init__(
        self,
        *,
        input_fit: str = "extract-then-abstract",
        extractive_sentences: int = 3,
        engine: Callable[[str], TextEngine] | None = None,
        embedder: Callable[[], Any] | None = None,
        translate: Callable[[list[str]], list[str]] | None = None,
        translation_model: str = "",
        embeddings_model: str = "",
    ) -> None:
        self.input_fit = input_fit
        self.extractive_sentences = extractive_sentences
        self._engine = engine
        self._embedder = embedder
        self._translate = translate
        self.translation_model = translation_model
        self.embeddings_model = embeddings_model

    def summarize(
        self,
        strategy: str,
        articles: list[CleanArticle],
        translations: list[TranslatedArticle | None],
        progress: ProgressFn | None = None,
    ) -> list[ArticleSummary]:
        if len(articles) != len(translations):
            raise ValueError("one translation (or None) per article is needed")
        if not articles:
            return []
        if strategy == "extractive":
            out = self._extractive(articles, translations, progress)
        elif strategy == "translate-then-summarize":
            out = self._translate_then_summarize(articles, translations, progress)
        elif strategy == "summarize-then-translate":
            out = self._summarize_then_translate(articles, translations, progress)
        elif strategy == "cross-lingual":
            out = self._cross_lingual(articles, translations, progress)
        else:
            from summarize.config import STRATEGIES

            raise ValueError(f"unknown strategy '{strategy}'; allowed: {', '.join(STRATEGIES)}")
        for summary, article, tr in zip(out, articles, translations, strict=True):
            sources = [article.text] + ([tr.text] if tr is not None else [])
            summary.flags = faithfulness_flags(
                summary.sentences or summary.text, sources, summary.lang
            )
        return out

    # extractive ------------------------------------------------------------------------

    def _extractive(self, articles, translations, progress):
        embedder = self._need_embedder()
        out: list[ArticleSummary] = []
        for n, (article, tr) in enumerate(zip(articles, translations, strict=True), 1):
            sentences = article.sentences()
            index = article.sentence_index()
            chosen = _select(embedder, sentences, self.extractive_sentences) if sentences else []
            picked = [index[k] for k in chosen]
            hi = [sentences[k] for k in chosen]
            extra: dict[str, Any] = {"selected": [list(i) for i in picked]}
            if tr is not None:
                by_index = {(p.paragraph, p.sentence): p.tgt for p in tr.pairs}
                text_sents = [by_index.get(i, "") for i in picked]
                lang, model = tr.tgt_lang or "en", f"{self.embeddings_model} + {tr.model}"
                extra["source_summary"] = _join(hi)
            else:
                text_sents, lang, model = hi, article.lang, self.embeddings_model
            out.append(
                ArticleSummary(
                    article_id=article.id,
                    strategy="extractive",
                    lang=lang,
                    text=_join(text_sents),
                    model=model,
                    used_input=list(index),
                    omitted_note="",
                    sentences=[s for s in text_sents if s.strip()],
                    extra=extra,
                )
            )
            if progress:
                progress(n, len(articles), article.id)
        return out

    # abstractive -----------------------------------------------------------------------

    def _fit_all(self, engine: TextEngine, docs: list[Doc]) -> list[FittedInput]:
        select = None
        if self.input_fit == "extract-then-abstract":
            select = _window_selector(self._need_embedder())
        return [
            fit_input(sents, idx, engine, self.input_fit, select, judged)
            for sents, idx, judged in docs
        ]

    def _abstractive(
        self,
        strategy: str,
        config_key: str,
        articles: list[CleanArticle],
        docs: list[Doc],
        lang: str,
        progress: ProgressFn | None,
    ) -> list[ArticleSummary]:
        engine = self._need_engine(config_key)
        fitted = self._fit_all(engine, docs)
        results = abstractive_summaries(engine, fitted)
        out = []
        for n, (article, fit, (text, inter)) in enumerate(
            zip(articles, fitted, results, strict=True), 1
        ):
            extra: dict[str, Any] = {"input_fit": self.input_fit if fit.note else "whole"}
            if inter:
                extra["chunk_summaries"] = inter
            out.append(
                ArticleSummary(
                    article_id=article.id,
                    strategy=strategy,
                    lang=lang,
                    text=text,
                    model=engine.describe(),
                    used_input=fit.used,
                    omitted_note=fit.note,
                    extra=extra,
                )
            )
            if progress:
                progress(n, len(articles), article.id)
        return out

    def _translate_then_summarize(self, articles, translations, progress):
        docs = []
        for article, tr in zip(articles, translations, strict=True):
            if tr is None:
                raise ValueError(
                    f"translate-then-summarize needs the translation of '{article.id}'"
                )
            # salience judged on the Hindi source sentences (the same choice as the other strategies)
            docs.append(
                (
                    [p.tgt for p in tr.pairs],
                    [(p.paragraph, p.sentence) for p in tr.pairs],
                    [p.src for p in tr.pairs],
                )
            )
        out = self._abstractive(
            "translate-then-summarize", "summarization.summarizer", articles, docs, "en", progress
        )
        for s, tr in zip(out, translations, strict=True):
            s.lang = tr.tgt_lang or "en"
            s.sentences = split_summary(s.text, s.lang)
            s.model = f"{tr.model} -> {s.model}"
        return out

    def _summarize_then_translate(self, articles, translations, progress):
        docs = [(a.sentences(), a.sentence_index(), None) for a in articles]
        out = self._abstractive(
            "summarize-then-translate", "summarization.summarizer", articles, docs, "hi", progress
        )
        translate = self._need_translate()
        hindi = [s.text for s in out]
        english = translate(hindi) if any(h.strip() for h in hindi) else ["" for _ in hindi]
        for s, article, hi, en in zip(out, articles, hindi, english, strict=True):
            s.extra["source_summary"] = hi
            s.extra["source_lang"] = article.lang
            s.text = en.strip()
            s.lang = "en"
            s.sentences = split_summary(s.text, "en")
            s.model = f"{s.model} -> {self.translation_model}"
        return out

    def _cross_lingual(self, articles, translations, progress):
        docs = [(a.sentences(), a.sentence_index(), None) for a in articles]
        out = self._abstractive(
            "cross-lingual", "summarization.cross_lingual", articles, docs, "en", progress
        )
        for s in out:
            s.sentences = split_summary(s.text, "en")
        return out

    # collaborators ---------------------------------------------------------------------

    def _need_engine(self, key: str) -> TextEngine:
        if self._engine is None:
            raise ValueError(f"this strategy needs the model of `{key}`, and none was given")
        return self._engine(key)

    def _need_embedder(self) -> Any:
        if self._embedder is None:
            raise ValueError("this strategy needs a sentence embedder, and none was given")
        return self._embedder()

    def _need_translate(self) -> Callable[[list[str]], list[str]]:
        if self._translate is None:
            raise ValueError("summarize-then-translate needs translation, and translation is off")
        return self._translate
