"""Train the cleaner's line scorer (pass 8b, :mod:`summarize.clean.scorer`) reproducibly.

    .venv/bin/python -m benchmarks.train_line_scorer          # write summarize/clean/line_scorer.json
    .venv/bin/python -m benchmarks.train_line_scorer --cv     # leave-one-set-out figures only

Training data: every line but the title of the four seeds (``tests/data/gold``), the 19
held-out pages (``tests/data/heldout``) and every development half of the unseen-layout sets
(:data:`benchmarks.cleaning_unseen.TRAINING`: ``unseen/dev``, ``unseen/heldapart`` -- used up
and development data since session 19 -- and the ``dev`` halves of the later sets but
``unseen5/dev``) -- never a held-apart half -- with its features on the page as the rule passes (1-8) leave it (a
line they removed is a training line too: its features do not read its own label).  Target
1 for a gold boilerplate label (anything but body, title, off-topic), 0 for body; off-topic
lines are left out (another story's text is judged by passes 5 and 5b, not by shape).

Model: logistic regression over standardised features, L2 penalty, classes weighted to
balance, full-batch gradient descent for a fixed number of steps (no randomness: the same
data give the same weights).  Threshold: the highest score of a training body line the scorer
could remove (:func:`summarize.clean.scorer.applies`) plus :data:`MARGIN`, and at least
:data:`MIN_THRESHOLD`.

``--cv`` leaves one set out at a time, trains on the others and scores it (with the threshold
set the same way on the others): how the scorer does on layouts it was not trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from benchmarks.cleaning import GOLD, HELDOUT, HELDOUT_GOLD, SEEDS, load_gold
from benchmarks.cleaning_unseen import TRAINING, half_folder
from summarize.clean import _PASSES
from summarize.clean.page import read_page
from summarize.clean.scorer import FEATURES, applies, mark_scored, page_features
from summarize.types import Article

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "summarize" / "clean" / "line_scorer.json"
SETS = ("seeds", "heldout", *TRAINING)  # never a held-apart half
L2 = 1.0
STEPS = 3000
RATE = 0.1
MARGIN = 0.05
MIN_THRESHOLD = 0.9


def _pages(which: str) -> list[tuple[Path, dict]]:
    if which == "seeds":
        return [(SEEDS / g["file"], g) for g in load_gold(GOLD)]
    if which == "heldout":
        return [(HELDOUT / g["file"], g) for g in load_gold(HELDOUT_GOLD)]
    folder = half_folder(which)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    return [(folder / g["file"], g) for g in golds]


def rows(which: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Features, targets, whether the scorer applies, and a description of each line of one
    set's pages (but the title)."""
    ok: list[bool] = []
    xs: list[list[float]] = []
    ys: list[int] = []
    names: list[str] = []
    stop = _PASSES.index(mark_scored)
    for path, gold in _pages(which):
        article = Article(id=path.stem, source=str(path), raw_text=path.read_text("utf-8"))
        page = read_page(article, None)
        for run_pass in _PASSES[:stop]:
            run_pass(page)
        labels = {e["line"]: e["label"] for e in gold["lines"]}
        for ln, x in page_features(page, labelled=True):
            g = labels.get(ln.idx)
            if g in (None, "title", "off-topic"):
                continue
            xs.append(x)
            ok.append(applies(ln, x))
            ys.append(0 if g == "body" else 1)
            free = "free" if not ln.label else ln.label
            names.append(f"{path.name}:{ln.idx} gold={g} rules={free} | {ln.text[:60]}")
    return np.asarray(xs, dtype=float), np.asarray(ys, dtype=int), np.asarray(ok), names


def fit(x: np.ndarray, y: np.ndarray, ok: np.ndarray) -> dict:
    """Weights, standardisation and threshold (see the module)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    pos = max(int(y.sum()), 1)
    neg = max(len(y) - pos, 1)
    sw = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))
    w = np.zeros(z.shape[1])
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (sw * (p - y)) / len(y) + L2 * np.r_[0.0, w[1:]] / len(y)
        w -= RATE * grad
    p = 1.0 / (1.0 + np.exp(-(z @ w)))
    body = (y == 0) & ok  # the body lines the scorer could remove
    top_body = float(p[body].max()) if body.any() else 0.0
    threshold = max(MIN_THRESHOLD, top_body + MARGIN)
    return {
        "features": list(FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "weights": [round(float(v), 6) for v in w],
        "threshold": round(min(threshold, 0.999), 4),
    }


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    z = (x - np.asarray(model["mean"])) / np.asarray(model["scale"])
    return 1.0 / (1.0 + np.exp(-(z @ np.asarray(model["weights"]))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.train_line_scorer", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--cv", action="store_true", help="leave-one-set-out figures, write nothing")
    ap.add_argument("--verbose", action="store_true", help="with --cv: every free line's score")
    args = ap.parse_args(argv)
    sets = [s for s in SETS if s in ("seeds", "heldout") or half_folder(s).is_dir()]
    data = {s: rows(s) for s in sets}
    if args.cv:
        for held in sets:
            train = [data[s] for s in sets if s != held]
            model = fit(*(np.concatenate([t[i] for t in train]) for i in range(3)))
            x, y, ok, names = data[held]
            p = predict(model, x)
            cut = (p >= model["threshold"]) & ok
            print(
                f"{held:8s} threshold {model['threshold']:.3f}: boilerplate removed "
                f"{int((cut & (y == 1)).sum())}/{int((y == 1).sum())}, body removed "
                f"{int((cut & (y == 0)).sum())}/{int((y == 0).sum())}"
            )
            free = np.asarray([" rules=free " in n for n in names])
            print(
                f"         of the lines the rules keep: boilerplate removed "
                f"{int((cut & free & (y == 1)).sum())}/{int((free & (y == 1)).sum())}"
            )
            for i in np.flatnonzero(cut & (y == 0)):
                print(f"   LOST {p[i]:.3f} {names[i]}")
            if args.verbose:
                order = np.argsort(-p)
                for i in order[::1]:
                    if free[i] and (y[i] == 1 or p[i] > 0.5):
                        print(f"   {'CUT ' if cut[i] else 'keep'} {p[i]:.3f} {names[i]}")
        return 0
    x, y, ok = (np.concatenate([data[s][i] for s in sets]) for i in range(3))
    model = fit(x, y, ok)
    model["trained_on"] = "seeds (tests/data/gold), tests/data/heldout, " + ", ".join(
        f"tests/data/{h}" for h in TRAINING if half_folder(h).is_dir()
    )
    model["lines"] = {"boilerplate": int(y.sum()), "body": int(len(y) - y.sum())}
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: threshold {model['threshold']}, {model['lines']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
