"""Batching by token budget: inputs sorted by length, batches of similar length, order restored.

Padding makes a batch cost ``len(batch) * longest`` tokens, so texts are sorted by length
(longest first, so that an out-of-memory error shows on the first batch, not the last) and
cut into batches whose padded size stays within the budget.  A text longer than the budget
still gets a batch of its own: nothing is ever dropped.  Planned once per call, in
:meth:`summarize.engines.base.Engine.generate`.

An engine that runs several batches at once (CTranslate2's ``inter_threads``: one worker per
core, each batch on one core) gets at least that many batches when there are enough inputs
(``min_batches``), and :func:`run_batched` keeps that many in flight.  On a 2-core CPU two
single-threaded batches beat one batch on two threads by 1.3-2x (``benchmarks/pipeline.py``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")


def plan_batches(
    lengths: Sequence[int],
    budget: int,
    max_batch: int | None = None,
    min_batches: int = 1,
) -> list[list[int]]:
    """Indices of the inputs grouped into batches of padded size ``<= budget`` tokens.

    Each index appears exactly once.  Inputs are sorted by length, longest first (ties keep
    their input order), so batches hold texts of similar length.  With ``min_batches`` > 1,
    batches are capped at ``ceil(n / min_batches)`` inputs when the budget alone would give
    fewer batches than that (so that parallel workers all get one).
    """
    batches = _plan(lengths, budget, max_batch)
    n = len(lengths)
    if len(batches) < min_batches <= n:
        cap = math.ceil(n / min_batches)
        batches = _plan(lengths, budget, min(max_batch or cap, cap))
    return batches


def _plan(lengths: Sequence[int], budget: int, max_batch: int | None) -> list[list[int]]:
    budget = max(1, int(budget))
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for i in order:
        n = max(1, int(lengths[i]))
        new_longest = max(longest, n)
        too_big = current and new_longest * (len(current) + 1) > budget
        too_many = max_batch is not None and len(current) >= max_batch
        if too_big or too_many:
            batches.append(current)
            current, new_longest = [], n
        current.append(i)
        longest = new_longest
    if current:
        batches.append(current)
    return batches


def run_batched(
    items: Sequence[T],
    lengths: Sequence[int],
    budget: int,
    fn: Callable[[list[T]], list[str]],
    *,
    max_batch: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    parallel: int = 1,
) -> list[str]:
    """Apply ``fn`` batch by batch (see :func:`plan_batches`); results in input order.

    With ``parallel`` > 1, up to that many batches run at once in worker threads (``fn`` must
    release the GIL while it computes, as CTranslate2 does); ``progress`` is still called from
    the calling thread, after each batch, and the first error is raised once the batches in
    flight have finished.
    """
    out: list[str | None] = [None] * len(items)
    batches = plan_batches(lengths, budget, max_batch, min_batches=max(1, parallel))
    done = 0

    def take(batch: list[int], results: list[str]) -> None:
        nonlocal done
        if len(results) != len(batch):
            raise RuntimeError(f"engine returned {len(results)} outputs for {len(batch)} inputs")
        for i, r in zip(batch, results, strict=True):
            out[i] = r
        done += len(batch)
        if progress is not None:
            progress(done, len(items))

    if parallel <= 1 or len(batches) <= 1:
        for batch in batches:
            take(batch, fn([items[i] for i in batch]))
    else:
        with ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="batch") as pool:
            running: dict[Future[list[str]], list[int]] = {}
            queue = list(batches)
            try:
                while queue or running:
                    while queue and len(running) < parallel:
                        batch = queue.pop(0)
                        running[pool.submit(fn, [items[i] for i in batch])] = batch
                    finished, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in finished:
                        take(running.pop(future), future.result())
            except BaseException:
                queue.clear()  # let the batches in flight finish, start no other
                raise
    return [r if r is not None else "" for r in out]
