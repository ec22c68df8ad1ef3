"""B-cubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin, 1998).

Per item: precision is the share of its predicted cluster that shares its gold class, recall
the share of its gold class that shares its predicted cluster; the scores are the means over
items, F1 their harmonic mean.  It is the measure Miranda et al. (EMNLP 2018) report for
streaming news clustering, and it counts singletons fairly (an item alone in both is 1/1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["BCubed", "bcubed"]


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float
    f1: float


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> BCubed:
    """Item -> predicted cluster and item -> gold class, over the same items."""
    if set(predicted) != set(gold):
        missing = sorted(set(gold) ^ set(predicted))[:5]
        raise ValueError(f"predicted and gold items differ, e.g. {missing}")
    if not gold:
        raise ValueError("no items to score")
    clusters: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    for item in gold:
        clusters.setdefault(predicted[item], set()).add(item)
        classes.setdefault(gold[item], set()).add(item)
    p = r = 0.0
    for item in gold:
        cluster, cls = clusters[predicted[item]], classes[gold[item]]
        both = len(cluster & cls)
        p += both / len(cluster)
        r += both / len(cls)
    p, r = p / len(gold), r / len(gold)
    return BCubed(p, r, 2 * p * r / (p + r) if p + r else 0.0)
