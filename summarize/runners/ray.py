"""The batch runner on Ray Data: ``summarize run ... --executor ray [--address ADDR]``.

The same :class:`~summarize.pipeline.Pipeline` stages as the local runner
(:mod:`summarize.runners.local`), with the per-article work spread over a Ray cluster:

1. **read** on the driver, with the readers ``ingest`` uses (every format ``run`` takes);
   the articles become a Ray Dataset of rows (``ray.data.from_items``);
2. **clean** (only for ``--group-by auto``, which needs cleaned titles and leads to group
   by): stateless ``map_batches`` tasks;
3. **group** on the driver (serial: online clustering is one pass in publication order);
4. **translate and summarise**: a callable class in an actor pool (``ActorPoolStrategy``),
   ``concurrency`` actors, ``batch_size`` articles a call.  Each actor builds one Pipeline
   and loads its models once, on first use (one copy of each model per actor, never per
   task);
5. **merge** per event and **write** on the driver, by the local runner's own code, so the
   outputs (``articles.parquet``, ``events.jsonl``, per-event reports, ``errors.jsonl``,
   ``manifest.json``) are the same files with the same content.

How results come back: every stage result an actor computes (or finds in its cache) is a
stage-cache entry, keyed by :mod:`summarize.pipeline.keys` exactly as the local run keys it;
the actor returns those entries, and the driver's pipeline reads them from memory
(:class:`StageCache`) before its own cache.  The driver then runs the local batch: every
per-article stage is a hit, the merge runs, the files are written.  Identical outputs follow
from running the same code on the same inputs, and the tests check it.

Faults: actors are restarted when their process dies and the batch they held is retried
(``max_restarts``/``max_task_retries``); results are keyed by article id, so a retried batch
cannot duplicate one, and an article that does not come back is computed on the driver and
counted (:attr:`BatchResult.stats`: articles ``sent`` to the actor pool, ``returned``,
``duplicates`` dropped, ``recomputed`` on the driver, and ``cleaned`` by the Ray tasks of
``--group-by auto``).  A record that cannot be cleaned is reported in
``errors.jsonl`` as in the local run.  Resume: events whose ``.done`` marker matches are not
sent to Ray again.  ``SUMMARIZE_RAY_FAULT_ONCE=<file>`` (with ``<file>.armed`` present) makes
the first actor call kill its own process: fault injection for the tests, ``<file>`` records
that it happened.

``ray`` is the optional extra ``.[ray]``.  On a cluster (``--address``), every node needs
this package and its models installed.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from summarize.cache import Cache
from summarize.config import Config
from summarize.errors import MissingDependencyError, SummarizeError
from summarize.group import AUTO
from summarize.pipeline import Pipeline
from summarize.pipeline.keys import clean_key
from summarize.runners.local import BatchResult, _Batch, run_batch
from summarize.serialize import from_jsonable, to_jsonable
from summarize.types import Article

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_CONCURRENCY",
    "StageCache",
    "ray_run_batch",
    "require_ray",
]

DEFAULT_CONCURRENCY = 2
DEFAULT_BATCH_SIZE = 4
FAULT_ENV = "SUMMARIZE_RAY_FAULT_ONCE"
Entries = list[tuple[str, str, Any]]  # (stage, key, JSON value)


def require_ray() -> None:
    """Raise :class:`MissingDependencyError` (with the install command) without Ray Data."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise MissingDependencyError("ray[data]", "ray") from exc


class StageCache(Cache):
    """A stage cache with entries in memory before the base cache, recording what it serves.

    On the driver the memory holds what the actors computed; in an actor it records every
    stage result put or found (``seen``), which is what the actor sends back."""

    def __init__(self, base: Cache) -> None:
        super().__init__(base.dir, enabled=base.enabled)
        self.memory: dict[tuple[str, str], Any] = {}
        self.seen: Entries = []

    def get(self, stage: str, key: str, cls: Any = None) -> Any:
        data = self.memory.get((stage, key))
        if data is not None:
            self.hits += 1
            value = data if cls is None else from_jsonable(cls, data)
        else:
            value = super().get(stage, key, cls)
        if value is not None:
            self.seen.append((stage, key, to_jsonable(value)))
        return value

    def put(self, stage: str, key: str, value: object) -> None:
        super().put(stage, key, value)
        self.seen.append((stage, key, to_jsonable(value)))

    def load(self, entries: Entries) -> None:
        for stage, key, value in entries:
            self.memory[(stage, key)] = value


def _ignore(*_args: object) -> None:
    return None


def _maybe_die() -> None:
    """Fault injection for the tests: with ``$SUMMARIZE_RAY_FAULT_ONCE.armed`` present, the
    first actor call kills its own process and leaves its pid in ``$SUMMARIZE_RAY_FAULT_ONCE``."""
    marker = os.environ.get(FAULT_ENV)
    if marker and os.path.exists(marker + ".armed") and not os.path.exists(marker):
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)


class _Worker:
    """One actor (or task) of the Ray pipeline: one Pipeline, models loaded once."""

    def __init__(
        self,
        config: Config,
        strategies: list[str],
        use_cache: bool,
        cache_dir: str,
        clean_only: bool = False,
    ) -> None:
        self.pipe = Pipeline(config, use_cache=use_cache, cache_dir=cache_dir)
        self.cache = StageCache(self.pipe.cache)
        self.pipe.cache = self.cache
        self.strategies = strategies
        self.clean_only = clean_only

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, Any]:
        import numpy as np

        _maybe_die()
        ids, entries, errors = [], [], []
        for article_json, carried in zip(batch["article"], batch["entries"], strict=True):
            article = from_jsonable(Article, json.loads(article_json))
            self.cache.seen = []
            self.cache.load(json.loads(carried))
            try:
                self._stages(article)
                error = ""
            except SummarizeError as exc:  # e.g. an empty record: the driver reports it
                error = str(exc)
            ids.append(article.id)
            entries.append(json.dumps(self.cache.seen, ensure_ascii=False))
            errors.append(error)
        as_array = lambda xs: np.array(xs, dtype=object)  # noqa: E731
        return {"id": as_array(ids), "article": as_array(list(batch["article"])),
                "entries": as_array(entries), "error": as_array(errors)}  # fmt: skip

    def _stages(self, article: Article) -> None:
        cleaned = self.pipe.clean(article)
        if self.clean_only:
            return
        translation = None
        if self.pipe.translation_on:
            (translation,) = self.pipe._translate([cleaned], _ignore, lambda: None)
        from summarize.strategies.joint import groups

        for group in groups(self.strategies):
            self.pipe._summarize(group, [cleaned], [translation], _ignore)


def _clean_task(batch: Mapping[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Cleaning as a stateless Ray task (models, if the cleaner needs one, cached per process)."""
    return _Worker(**kwargs, clean_only=True)(batch)


class _RayBatch(_Batch):
    """The local batch with its per-article stages computed on Ray before the events run."""

    address: str | None = None
    concurrency: int = DEFAULT_CONCURRENCY
    batch_size: int = DEFAULT_BATCH_SIZE

    def _setup(self) -> StageCache:
        if not isinstance(self.pipe.cache, StageCache):
            self.pipe.cache = StageCache(self.pipe.cache)
            self.result.stats.update(sent=0, returned=0, duplicates=0, recomputed=0, cleaned=0)
        return self.pipe.cache

    def group(self, articles: list[Article]) -> dict[str, list[Article]]:
        if self.group_by == AUTO:  # cleaning on Ray first: grouping reads the cleaned text
            self._compute(articles, clean_only=True)
        return super().group(articles)

    def before_events(self, groups: Mapping[str, list[Article]], slugs: Mapping[str, str]) -> None:
        todo = [
            a
            for name, members in groups.items()
            if not self.is_done(slugs[name], members)
            for a in members
        ]
        self._compute(todo, clean_only=False)

    def _compute(self, articles: Sequence[Article], *, clean_only: bool) -> None:
        cache = self._setup()
        if not articles:
            return
        import ray
        import ray.data

        _init_ray(self.address)
        rows = [
            {"article": json.dumps(to_jsonable(a), ensure_ascii=False),
             "entries": json.dumps(self._carried(cache, a), ensure_ascii=False)}
            for a in articles
        ]  # fmt: skip
        ds = ray.data.from_items(rows)
        settings = {
            "config": self.pipe.config,
            "strategies": self.strategies,
            "use_cache": cache.enabled,
            "cache_dir": str(cache.dir),
        }
        if clean_only:  # stateless tasks
            mapped = ds.map_batches(
                _clean_task, fn_kwargs=settings, batch_size=self.batch_size, num_cpus=1
            )
        else:  # an actor pool: each actor loads its models once
            mapped = ds.map_batches(
                _Worker,
                fn_constructor_kwargs=settings,
                batch_size=self.batch_size,
                compute=ray.data.ActorPoolStrategy(size=self.concurrency),
                num_cpus=1,
                max_restarts=-1,  # a dead actor is restarted ...
                max_task_retries=-1,  # ... and the batch it held is retried
            )
        out = mapped.take_all()
        if clean_only:
            self.result.stats["cleaned"] += len({row["id"] for row in out})
            for row in out:
                cache.load(json.loads(row["entries"]))
        else:
            self._collect(cache, articles, out)

    def _carried(self, cache: StageCache, article: Article) -> Entries:
        """The article's clean result when Ray already made it (so an actor does not redo it)."""
        key = clean_key(self.pipe.config, article)
        value = cache.memory.get(("clean", key))
        return [] if value is None else [("clean", key, value)]

    def _collect(
        self, cache: StageCache, articles: Sequence[Article], out: list[dict[str, Any]]
    ) -> None:
        stats = self.result.stats
        stats["sent"] += len(articles)
        seen: set[str] = set()
        for row in out:
            if row["id"] in seen:
                stats["duplicates"] += 1
                continue
            seen.add(row["id"])
            cache.load(json.loads(row["entries"]))
        stats["returned"] += len(seen)
        stats["recomputed"] += sum(1 for a in articles if a.id not in seen)


def _init_ray(address: str | None) -> None:
    import ray

    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        # A local Ray on this machine, no dashboard.  Its services listen on the machine's
        # own address (Ray 2.60 ignores a loopback node address for a local cluster).
        ray.init(include_dashboard=False, log_to_driver=False)


def ray_run_batch(
    inputs: Sequence[str | Path | Article],
    *,
    address: str | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    batch_size: int = DEFAULT_BATCH_SIZE,
    **kwargs: Any,
) -> BatchResult:
    """:func:`summarize.runners.local.run_batch` with the per-article stages on Ray Data.

    ``address``: an existing cluster (``ray://...`` or ``HOST:PORT``); without it a local Ray
    is started (or the one this process already started is used).  ``concurrency``: actors
    in the pool; ``batch_size``: articles per actor call.  Other arguments are run_batch's.
    """
    require_ray()

    class Batch(_RayBatch):
        pass

    Batch.address, Batch.concurrency, Batch.batch_size = address, concurrency, batch_size
    return run_batch(inputs, batch_class=Batch, **kwargs)
