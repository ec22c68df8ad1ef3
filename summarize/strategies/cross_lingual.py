"""``cross-lingual``: one model reads the Hindi article and writes an English summary (mT5 CrossSum)."""

from __future__ import annotations

from summarize.strategies.abstractive import AbstractiveStrategy
from summarize.strategies.base import Translations
from summarize.strategies.fit import Doc
from summarize.types import CleanArticle


class CrossLingual(AbstractiveStrategy):
    name = "cross-lingual"
    model_need = "cross_lingual"
    lang = "en"

    def docs(self, articles: list[CleanArticle], translations: Translations) -> list[Doc]:
        return [Doc(a.sentences(), a.sentence_index()) for a in articles]
