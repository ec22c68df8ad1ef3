"""The ``extractive`` strategy: the article's most central sentences, no generator.

Sentences are chosen on the Hindi text by centrality + MMR over multilingual sentence
embeddings (:func:`summarize.strategies.select.top_sentences`, LexRank-style) and kept in
document order.  With translation on, the summary is the aligned English of the same
sentences (the Hindi choice is kept as ``extra["source_summary"]``); without it, it is Hindi.
"""

from __future__ import annotations

from typing import Any

from summarize.strategies.base import Strategy, StrategyContext, Translations
from summarize.strategies.fit import join_sentences
from summarize.strategies.select import top_sentences
from summarize.types import ArticleSummary, CleanArticle, TranslatedArticle


class ExtractiveStrategy(Strategy):
    name = "extractive"

    def run(
        self, articles: list[CleanArticle], translations: Translations, ctx: StrategyContext
    ) -> list[ArticleSummary]:
        embedder = ctx.embedder()
        k = ctx.settings.extractive_sentences
        out: list[ArticleSummary] = []
        for n, (article, tr) in enumerate(zip(articles, translations, strict=True), 1):
            sentences = article.sentences()
            chosen = top_sentences(embedder, sentences, k) if sentences else []
            out.append(self._summary(article, tr, chosen, ctx))
            ctx.step(n, len(articles), article.id)
        return out

    def _summary(
        self,
        article: CleanArticle,
        tr: TranslatedArticle | None,
        chosen: list[int],
        ctx: StrategyContext,
    ) -> ArticleSummary:
        sentences = article.sentences()
        index = article.sentence_index()
        picked = [index[k] for k in chosen]
        hindi = [sentences[k] for k in chosen]
        extra: dict[str, Any] = {"selected": [list(i) for i in picked]}
        if tr is not None:
            by_index = {(p.paragraph, p.sentence): p.tgt for p in tr.pairs}
            text_sents = [by_index.get(i, "") for i in picked]
            lang, model = tr.tgt_lang or "en", f"{ctx.embeddings_model} + {tr.model}"
            extra["source_summary"] = join_sentences(hindi)
        else:
            text_sents, lang, model = hindi, article.lang, ctx.embeddings_model
        return ArticleSummary(
            article_id=article.id,
            strategy=self.name,
            lang=lang,
            text=join_sentences(text_sents),
            model=model,
            used_input=list(index),
            omitted_note="",
            sentences=[s for s in text_sents if s.strip()],
            extra=extra,
        )
