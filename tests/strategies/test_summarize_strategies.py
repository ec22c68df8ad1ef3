"""The four strategies and long-article fitting, on fakes (no model is loaded)."""

from __future__ import annotations

import pytest

from summarize.config import SummarizationConfig
from summarize.errors import ConfigError
from summarize.strategies import STRATEGIES, create_strategy
from summarize.strategies.abstractive import AbstractiveStrategy
from summarize.strategies.base import Strategy, StrategyContext
from summarize.strategies.fit import abstractive_summaries, fit_input, split_to_fit
from summarize.strategies.registry import NEED_KEYS
from summarize.testing.fakes import FakeEmbedder, FakeEngine, FakeTranslator
from summarize.types import ArticleSummary, CleanArticle, TranslatedArticle


def _summarize(
    strategy: str,
    articles: list[CleanArticle],
    translations: list[TranslatedArticle | None],
    *,
    input_fit: str = "extract-then-abstract",
    extractive_sentences: int = 3,
    **collaborators,
) -> list[ArticleSummary]:
    settings = SummarizationConfig(input_fit=input_fit, extractive_sentences=extractive_sentences)
    ctx = StrategyContext(settings, **collaborators)
    return create_strategy(strategy).summarize(articles, translations, ctx)


def _article(
    n_paragraphs: int = 3, per_paragraph: int = 4, words: int = 6, aid: str = "a1"
) -> CleanArticle:
    paragraphs = [
        [" ".join(f"w{p}{s}{k}" for k in range(words)) + " ।" for s in range(per_paragraph)]
        for p in range(n_paragraphs)
    ]
    return CleanArticle(
        id=aid, source="test", title="t", date=None, url=None, paragraphs=paragraphs
    )


def _doc(article: CleanArticle) -> tuple[list[str], list[tuple[int, int]]]:
    return article.sentences(), article.sentence_index()


def _first_fit(texts: list[str], counts: list[int], budget: int) -> list[int]:
    """A stand-in for rank_for_window: prefer the last sentences (to see the order kept)."""
    chosen, used = [], 0
    for k in reversed(range(len(texts))):
        if used + counts[k] <= budget:
            chosen.append(k)
            used += counts[k]
    return sorted(chosen)


def test_short_article_is_seen_whole() -> None:
    art = _article(1, 2, 3)
    fit = fit_input(*_doc(art), FakeEngine(window=100), "extract-then-abstract")
    assert fit.note == ""
    assert fit.used == art.sentence_index()
    assert len(fit.chunks) == 1


def test_extract_then_abstract_fits_window_and_keeps_order() -> None:
    art = _article(3, 4, 6)  # 12 sentences of 7 words -> far above 40 tokens
    engine = FakeEngine(window=40)
    fit = fit_input(*_doc(art), engine, "extract-then-abstract", _first_fit)
    (chunk,) = fit.chunks
    assert engine.count_tokens([chunk.text])[0] <= 40
    assert fit.used == sorted(fit.used)  # document order
    assert fit.used[-1] == (2, 3)  # the selector's choice, not just the leading sentences
    assert 0 < len(fit.used) < 12
    assert "not the other" in fit.note and "40-token window" in fit.note
    # the text the model sees is exactly the used sentences
    sents = dict(zip(art.sentence_index(), art.sentences(), strict=True))
    assert chunk.text == " ".join(sents[i] for i in fit.used)


def test_salience_judged_on_other_texts() -> None:
    art = _article(2, 4, 6)
    seen: list[list[str]] = []

    def select(texts, counts, budget):
        seen.append(list(texts))
        return _first_fit(texts, counts, budget)

    english = [f"EN {s}" for s in art.sentences()]
    fit = fit_input(
        english,
        art.sentence_index(),
        FakeEngine(window=30),
        "extract-then-abstract",
        select,
        art.sentences(),
    )
    assert seen[0] == art.sentences()  # ranked on the Hindi
    assert fit.chunks[0].text.startswith("EN ")  # the model sees the English


def test_extract_then_abstract_without_selector_takes_leading_sentences() -> None:
    art = _article(2, 4, 6)
    fit = fit_input(*_doc(art), FakeEngine(window=30), "extract-then-abstract")
    assert fit.used == art.sentence_index()[: len(fit.used)]


def test_chunk_mode_covers_every_sentence() -> None:
    art = _article(3, 4, 6)
    engine = FakeEngine(window=30)
    fit = fit_input(*_doc(art), engine, "chunk")
    assert len(fit.chunks) > 1
    assert fit.used == art.sentence_index()
    for c in fit.chunks:
        assert engine.count_tokens([c.text])[0] <= 30
    assert "chunks" in fit.note


def test_oversize_sentence_is_cut_and_said() -> None:
    long = " ".join(f"x{k}" for k in range(100))
    art = CleanArticle("a", "t", None, None, None, [[long, "short one ."]])
    engine = FakeEngine(window=20)
    fit = fit_input(*_doc(art), engine, "chunk")
    assert (0, 0) in fit.chunks[0].cut
    assert "cut into pieces" in fit.note
    assert all(engine.count_tokens([c.text])[0] <= 20 for c in fit.chunks)
    # extract-then-abstract with nothing that fits whole: the first piece of the most
    # salient sentence, said plainly
    art2 = CleanArticle("b", "t", None, None, None, [[long, long + " y"]])
    fit2 = fit_input(*_doc(art2), engine, "extract-then-abstract", _first_fit)
    assert "first part of sentence 1.2" in fit2.note  # _first_fit prefers the last sentence
    assert fit2.used == [(0, 1)]
    assert engine.count_tokens([fit2.chunks[0].text])[0] <= 20


def test_split_to_fit_loses_no_word() -> None:
    text = " ".join(f"w{k}" for k in range(57))
    pieces = split_to_fit(text, FakeEngine(window=10), 10)
    assert " ".join(pieces) == text
    assert all(len(p.split()) + 1 <= 10 for p in pieces)


def test_chunk_summaries_are_merged_recursively() -> None:
    art = _article(4, 5, 8)
    engine = FakeEngine(window=20)
    fit = fit_input(*_doc(art), engine, "chunk")
    [(final, inter)] = abstractive_summaries(engine, [fit])
    assert final and len(inter) == len(fit.chunks)
    assert len(engine.calls) >= 2  # chunks, then their summaries


def test_generation_is_batched_across_articles() -> None:
    arts = [_article(1, 2, 3, aid=f"a{i}") for i in range(4)]
    engine = FakeEngine(window=100)
    out = _summarize(
        "cross-lingual", arts, [None] * 4, engine=lambda key: engine, embedder=FakeEmbedder
    )
    assert len(engine.calls) == 1 and len(engine.calls[0]) == 4
    assert [s.article_id for s in out] == ["a0", "a1", "a2", "a3"]


@pytest.mark.parametrize(
    "strategy",
    ["extractive", "translate-then-summarize", "summarize-then-translate", "cross-lingual"],
)
@pytest.mark.parametrize("input_fit", ["extract-then-abstract", "chunk"])
def test_every_strategy_on_fakes(strategy: str, input_fit: str) -> None:
    arts = [_article(3, 4, 6, aid="a1"), _article(1, 2, 3, aid="a2")]
    translator = FakeTranslator()
    trs = translator.translate_articles(arts)
    engines = {
        "summarization.summarizer": FakeEngine("xlsum", 40),
        "summarization.cross_lingual": FakeEngine("crosssum", 40),
    }
    out = _summarize(
        strategy,
        arts,
        trs,
        input_fit=input_fit,
        extractive_sentences=2,
        engine=engines.__getitem__,
        embedder=FakeEmbedder,
        translate=translator.translate_texts,
        translation_model="fake-mt",
        embeddings_model="fake-e5",
    )
    assert [s.strategy for s in out] == [strategy, strategy]
    long, short = out
    for s in out:
        assert s.text
        assert s.lang == "en"
        assert isinstance(s.flags, list)
    if strategy == "extractive":
        assert len(long.sentences) == 2
        assert all(x.startswith("EN[") for x in long.sentences)
        assert long.extra["source_summary"]
    else:
        # the long article did not fit: what the model saw is recorded and said
        assert long.omitted_note
        assert short.omitted_note == ""
        assert short.used_input == arts[1].sentence_index()
        assert set(long.used_input) <= set(arts[0].sentence_index())
    if strategy == "summarize-then-translate":
        assert long.text.startswith("EN[") and long.extra["source_summary"].startswith("S(")
    if strategy == "translate-then-summarize":
        assert "EN[" in long.text


def test_extractive_in_hindi_when_translation_is_off() -> None:
    art = _article(2, 3, 5)
    out = _summarize(
        "extractive",
        [art],
        [None],
        extractive_sentences=2,
        embedder=FakeEmbedder,
        embeddings_model="e5",
    )
    assert out[0].lang == "hi"
    assert all(s in art.sentences() for s in out[0].sentences)
    assert out[0].model == "e5"


def test_unsupported_numbers_are_flagged() -> None:
    art = CleanArticle("a", "t", None, None, None, [["बैठक 2 घंटे चली ।"]])

    class Inventor(FakeEngine):
        def generate(self, texts, **overrides):
            return ["The meeting lasted 7 hours."]

    out = _summarize(
        "cross-lingual",
        [art],
        [None],
        engine=lambda key: Inventor(window=100),
        embedder=FakeEmbedder,
    )
    assert any("7" in f.text for f in out[0].flags)


@pytest.mark.parametrize("name", list(STRATEGIES))
def test_registry_entry_loads_its_class(name: str) -> None:
    info = STRATEGIES[name]
    strategy = create_strategy(name)
    assert isinstance(strategy, Strategy)
    assert strategy.name == name and strategy.label == info.label and strategy.needs == info.needs
    assert set(info.needs) <= set(NEED_KEYS)
    if isinstance(strategy, AbstractiveStrategy):
        # the model that writes the summary is one the registry says the strategy needs
        assert strategy.model_need in info.needs
        assert strategy.config_key == NEED_KEYS[strategy.model_need]


def test_unknown_strategy_and_missing_collaborators_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown strategy 'abstractive'"):
        create_strategy("abstractive")
    art = _article(1, 2, 3)
    with pytest.raises(ConfigError, match="summarization.cross_lingual"):
        _summarize("cross-lingual", [art], [None], embedder=FakeEmbedder)
    with pytest.raises(ConfigError, match="translation"):
        _summarize(
            "summarize-then-translate",
            [art],
            [None],
            engine=lambda k: FakeEngine(window=100),
            embedder=FakeEmbedder,
        )
    with pytest.raises(ConfigError, match="needs the translation of 'a1'"):
        _summarize(
            "translate-then-summarize",
            [art],
            [None],
            engine=lambda k: FakeEngine(window=100),
            embedder=FakeEmbedder,
        )
