"""``translate-then-summarize``: translate the article, then summarise the English (mT5 XL-Sum).

The model reads the English translation; salience (for extract-then-abstract fitting) is
judged on the aligned Hindi source sentences, so that every strategy picks the same
sentences and nothing is embedded twice.
"""

from __future__ import annotations

from summarize.errors import ConfigError
from summarize.strategies.abstractive import AbstractiveStrategy, split_summary
from summarize.strategies.base import StrategyContext, Translations
from summarize.strategies.fit import Doc
from summarize.types import ArticleSummary, CleanArticle


class TranslateThenSummarize(AbstractiveStrategy):
    name = "translate-then-summarize"
    model_need = "summarizer"
    lang = "en"
    reads_translation = True

    def docs(self, articles: list[CleanArticle], translations: Translations) -> list[Doc]:
        docs = []
        for article, tr in zip(articles, translations, strict=True):
            if tr is None:
                raise ConfigError(f"{self.name} needs the translation of '{article.id}'")
            docs.append(
                Doc(
                    [p.tgt for p in tr.pairs],
                    [(p.paragraph, p.sentence) for p in tr.pairs],
                    [p.src for p in tr.pairs],
                )
            )
        return docs

    def finish(
        self,
        out: list[ArticleSummary],
        articles: list[CleanArticle],
        translations: Translations,
        ctx: StrategyContext,
    ) -> None:
        for s, tr in zip(out, translations, strict=True):
            assert tr is not None  # docs() refused articles without one
            s.lang = tr.tgt_lang or "en"
            s.sentences = split_summary(s.text, s.lang)
            s.model = f"{tr.model} -> {s.model}"
