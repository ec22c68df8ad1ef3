"""The shared body of the three abstractive strategies: fit, generate, record what was seen.

Each strategy says which text the model reads (:meth:`AbstractiveStrategy.docs`), which
model writes (``model_need``, a key of :data:`~summarize.strategies.registry.NEED_KEYS`),
and what happens after (:meth:`AbstractiveStrategy.finish`: translate, relabel, split into
sentences).  Fitting and generation are :mod:`summarize.strategies.fit`: every article of
the batch goes through one ``generate`` call per round.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar

from summarize.strategies.base import Strategy, StrategyContext, Translations
from summarize.strategies.fit import Doc, FittedInput, abstractive_summaries, fit_input
from summarize.strategies.registry import NEED_KEYS
from summarize.strategies.select import window_selector
from summarize.types import ArticleSummary, CleanArticle

if TYPE_CHECKING:
    from summarize.engines.base import Engine


def split_summary(text: str, lang: str) -> list[str]:
    """Sentences of a generated summary."""
    from summarize.lang.segment import split_sentences

    return [s for s in split_sentences(text, lang) if s.strip()]


class AbstractiveStrategy(Strategy):
    """A strategy whose summary a generator writes from a fitted input."""

    model_need: ClassVar[str]  # the need whose model writes the summary
    lang: ClassVar[str]  # the language the model writes
    # Whether the model reads the translation (then it runs after translation; otherwise the
    # Pipeline may start it while translation still runs: issue 13)
    reads_translation: ClassVar[bool] = False

    @property
    def config_key(self) -> str:
        """Config key of the writing model (``summarization.summarizer`` ...)."""
        return NEED_KEYS[self.model_need]

    @abstractmethod
    def docs(self, articles: list[CleanArticle], translations: Translations) -> list[Doc]:
        """What the model reads of each article."""

    def finish(
        self,
        out: list[ArticleSummary],
        articles: list[CleanArticle],
        translations: Translations,
        ctx: StrategyContext,
    ) -> None:
        """After generation: the summaries' sentences (strategies add their own steps)."""
        for s in out:
            s.sentences = split_summary(s.text, s.lang)

    def run(
        self, articles: list[CleanArticle], translations: Translations, ctx: StrategyContext
    ) -> list[ArticleSummary]:
        fitted = self.prepare(articles, translations, ctx)
        results = abstractive_summaries(ctx.engine(self.config_key), fitted)
        return self.complete(articles, translations, fitted, results, ctx)

    def prepare(
        self, articles: list[CleanArticle], translations: Translations, ctx: StrategyContext
    ) -> list[FittedInput]:
        """What the model sees of each article (the first half of :meth:`run`)."""
        return self._fit_all(ctx.engine(self.config_key), self.docs(articles, translations), ctx)

    def complete(
        self,
        articles: list[CleanArticle],
        translations: Translations,
        fitted: list[FittedInput],
        results: list[tuple[str, list[str]]],
        ctx: StrategyContext,
    ) -> list[ArticleSummary]:
        """The summaries from the model's outputs (the second half of :meth:`run`)."""
        engine = ctx.engine(self.config_key)
        out = []
        input_fit = ctx.settings.input_fit
        for n, (article, fit, (text, inter)) in enumerate(
            zip(articles, fitted, results, strict=True), 1
        ):
            extra: dict[str, Any] = {"input_fit": input_fit if fit.note else "whole"}
            if inter:
                extra["chunk_summaries"] = inter
            out.append(
                ArticleSummary(
                    article_id=article.id,
                    strategy=self.name,
                    lang=self.lang,
                    text=text,
                    model=engine.describe(),
                    used_input=fit.used,
                    omitted_note=fit.note,
                    extra=extra,
                )
            )
            ctx.step(n, len(articles), article.id)
        self.finish(out, articles, translations, ctx)
        return out

    def _fit_all(self, engine: Engine, docs: list[Doc], ctx: StrategyContext) -> list[FittedInput]:
        mode = ctx.settings.input_fit
        select = window_selector(ctx.embedder()) if mode == "extract-then-abstract" else None
        return [
            fit_input(d.sentences, d.index, engine, mode, select, d.salience_texts) for d in docs
        ]
