"""B-cubed precision / recall / F1 (summarize.eval.clustering) on hand-computed cases."""

from __future__ import annotations

import pytest

from summarize.eval.clustering import bcubed


def test_perfect_clustering_scores_one() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    s = bcubed({"a": "1", "b": "1", "c": "2"}, gold)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_hand_computed_merge_and_split() -> None:
    # gold: {a,b,c} {d}; predicted: {a,b} {c,d}
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    s = bcubed(pred, gold)
    # precision: a 1, b 1, c 1/2, d 1/2 -> 3/4; recall: a 2/3, b 2/3, c 1/3, d 1 -> 2/3
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))


def test_all_in_one_cluster_has_full_recall_low_precision() -> None:
    gold = {str(i): str(i) for i in range(4)}
    s = bcubed(dict.fromkeys(gold, "one"), gold)
    assert s.recall == 1.0 and s.precision == pytest.approx(0.25)


def test_items_must_match() -> None:
    with pytest.raises(ValueError, match="differ"):
        bcubed({"a": "1"}, {"a": "x", "b": "y"})
