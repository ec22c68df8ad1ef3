"""The labelled event-grouping mixture of ``tests/data/events/`` as articles and gold labels.

The 36 written articles come from ``articles.jsonl``; the four seed pages are read from
``seeds/`` by the file names ``labels.json`` gives, dated 2023-09-13 (their page text dates
them 12-13 September 2023; they have no date field).  Used by the grouping tests and by
``benchmarks/grouping.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summarize.types import Article

__all__ = ["SEED_DATE", "Mixture", "load_mixture"]

ROOT = Path(__file__).resolve().parents[2]
SEED_DATE = "2023-09-13"


@dataclass
class Mixture:
    articles: list[Article]
    gold: dict[str, str]  # article id -> gold event
    seed_ids: list[str]


def load_mixture(root: Path = ROOT) -> Mixture:
    data = root / "tests" / "data" / "events"
    labels = json.loads((data / "labels.json").read_text(encoding="utf-8"))
    articles: list[Article] = []
    for n, line in enumerate((data / "articles.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        articles.append(
            Article(
                id=rec["id"],
                source=f"{data / 'articles.jsonl'}:{n}",
                raw_text=rec["text"],
                title=rec["title"],
                date=rec["date"],
                url=rec.get("url"),
                meta={"outlet": rec["source"], "lang": rec["lang"]},
            )
        )
    gold = dict(labels["articles"])
    seed_ids = []
    for name in labels["seeds"]["files"]:
        path = root / "seeds" / name
        sid = path.stem
        seed_ids.append(sid)
        articles.append(
            Article(
                id=sid, source=str(path), raw_text=path.read_text(encoding="utf-8"), date=SEED_DATE
            )
        )
        gold[sid] = labels["seeds"]["event"]
    return Mixture(articles, gold, seed_ids)
