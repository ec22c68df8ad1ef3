"""``summarize-then-translate``: summarise the Hindi article (mT5 XL-Sum), translate the summary.

The Hindi summary is kept as ``extra["source_summary"]``; the English one is the summary.
"""

from __future__ import annotations

from summarize.strategies.abstractive import AbstractiveStrategy, split_summary
from summarize.strategies.base import StrategyContext, Translations
from summarize.strategies.fit import Doc
from summarize.types import ArticleSummary, CleanArticle


class SummarizeThenTranslate(AbstractiveStrategy):
    name = "summarize-then-translate"
    model_need = "summarizer"
    lang = "hi"

    def docs(self, articles: list[CleanArticle], translations: Translations) -> list[Doc]:
        return [Doc(a.sentences(), a.sentence_index()) for a in articles]

    def finish(
        self,
        out: list[ArticleSummary],
        articles: list[CleanArticle],
        translations: Translations,
        ctx: StrategyContext,
    ) -> None:
        hindi = [s.text for s in out]
        english = ctx.translate(hindi) if any(h.strip() for h in hindi) else ["" for _ in hindi]
        for s, article, hi, en in zip(out, articles, hindi, english, strict=True):
            s.extra["source_summary"] = hi
            s.extra["source_lang"] = article.lang
            s.text = en.strip()
            s.lang = "en"
            s.sentences = split_summary(s.text, "en")
            s.model = f"{s.model} -> {ctx.translation_model}"
