"""Batch runners over the :class:`~summarize.pipeline.Pipeline`.

* :mod:`summarize.runners.local` -- every event in this process, outputs written atomically
  and resumable (``summarize run``).
* :mod:`summarize.runners.ray` -- the same run with the per-article stages on Ray Data
  (``summarize run --executor ray``; the optional extra ``ray``, imported only when used).
"""

from summarize.runners.local import FORMATS, BatchResult, EventOutcome, run_batch

__all__ = ["FORMATS", "BatchResult", "EventOutcome", "run_batch"]
