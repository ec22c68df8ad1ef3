"""The strategy interface: a :class:`Strategy` turns a batch of articles into one summary each.

Following sumy's one-algorithm-per-file layout over one base class, and rouge_score's
injected collaborators, a strategy never builds models itself: the Pipeline hands it a
:class:`StrategyContext` whose ``engine(config_key)``, ``embedder()`` and ``translate(texts)``
are created on first call, so the offline config never touches a generator.  The public
:meth:`Strategy.summarize` is a template: the strategy's :meth:`~Strategy.run`, then the one
faithfulness post-step that every strategy shares.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from summarize.errors import ConfigError
from summarize.strategies.registry import StrategyInfo, strategy_info
from summarize.types import ArticleSummary, CleanArticle, TranslatedArticle

if TYPE_CHECKING:
    from summarize.config import SummarizationConfig
    from summarize.engines.base import Engine
    from summarize.engines.embeddings import Embedder

ProgressFn = Callable[[int, int, str | None], None]
Translations = Sequence[TranslatedArticle | None]


class StrategyContext:
    """The collaborators and settings a strategy may use (each model built on first call)."""

    def __init__(
        self,
        settings: SummarizationConfig,
        *,
        engine: Callable[[str], Engine] | None = None,
        embedder: Callable[[], Embedder] | None = None,
        translate: Callable[[list[str]], list[str]] | None = None,
        translation_model: str = "",
        embeddings_model: str = "",
        progress: ProgressFn | None = None,
    ) -> None:
        self.settings = settings
        self._engine = engine
        self._embedder = embedder
        self._translate = translate
        self.translation_model = translation_model
        self.embeddings_model = embeddings_model
        self._progress = progress

    def engine(self, config_key: str) -> Engine:
        """The text engine of ``config_key`` (``summarization.summarizer`` ...)."""
        if self._engine is None:
            raise ConfigError(
                f"this strategy needs the model of `{config_key}`, and none was given"
            )
        return self._engine(config_key)

    def embedder(self) -> Embedder:
        if self._embedder is None:
            raise ConfigError("this strategy needs a sentence embedder, and none was given")
        return self._embedder()

    def translate(self, texts: list[str]) -> list[str]:
        """Hindi texts -> English texts, through the configured translator."""
        if self._translate is None:
            raise ConfigError("this strategy needs translation, and translation is off")
        return self._translate(texts)

    def step(self, done: int, total: int, article_id: str | None) -> None:
        """Report that ``done`` of ``total`` articles are summarised."""
        if self._progress is not None:
            self._progress(done, total, article_id)


class Strategy(ABC):
    """One summarisation strategy; ``name`` is its key in the registry."""

    name: ClassVar[str]

    @property
    def info(self) -> StrategyInfo:
        return strategy_info(self.name)

    @property
    def label(self) -> str:
        return self.info.label

    @property
    def needs(self) -> tuple[str, ...]:
        return self.info.needs

    @abstractmethod
    def run(
        self, articles: list[CleanArticle], translations: Translations, ctx: StrategyContext
    ) -> list[ArticleSummary]:
        """One summary per article, in order (``translations[i]`` is None when off)."""

    def summarize(
        self, articles: list[CleanArticle], translations: Translations, ctx: StrategyContext
    ) -> list[ArticleSummary]:
        """:meth:`run`, then flag the numbers and names no source supports."""
        if len(articles) != len(translations):
            raise ValueError("one translation (or None) per article is needed")
        if not articles:
            return []
        out = self.run(articles, translations, ctx)
        self.check(out, articles, translations)
        return out

    def check(
        self, out: list[ArticleSummary], articles: list[CleanArticle], translations: Translations
    ) -> None:
        """The faithfulness post-step every strategy shares: flag what no source supports."""
        from summarize.faithfulness import check_summary

        for summary, article, tr in zip(out, articles, translations, strict=True):
            sources = [article.text] + ([tr.text] if tr is not None else [])
            checked = summary.sentences or summary.text
            summary.flags = list(check_summary(checked, sources, summary.lang))
