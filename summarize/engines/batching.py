"""Batching by token budget: inputs sorted by length, batches of similar length, order restored.

Padding makes a batch cost ``len(batch) * longest`` tokens, so texts are sorted by length
(longest first, so that an out-of-memory error shows on the first batch, not the last) and
cut into batches whose padded size stays within the budget.  A text longer than the budget
still gets a batch of its own: nothing is ever dropped.  Planned once per call, in
:meth:`summarize.engines.base.Engine.generate`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def plan_batches(
    lengths: Sequence[int], budget: int, max_batch: int | None = None
) -> list[list[int]]:
    """Indices of the inputs grouped into batches of padded size ``<= budget`` tokens.

    Each index appears exactly once.  Inputs are sorted by length, longest first (ties keep
    their input order), so batches hold texts of similar length.
    """
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
) -> list[str]:
    """Apply ``fn`` batch by batch (see :func:`plan_batches`); results in input order."""
    out: list[str | None] = [None] * len(items)
    done = 0
    for batch in plan_batches(lengths, budget, max_batch):
        results = fn([items[i] for i in batch])
        if len(results) != len(batch):
            raise RuntimeError(f"engine returned {len(results)} outputs for {len(batch)} inputs")
        for i, r in zip(batch, results, strict=True):
            out[i] = r
        done += len(batch)
        if progress is not None:
            progress(done, len(items))
    return [r if r is not None else "" for r in out]
