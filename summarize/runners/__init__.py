"""Batch runners over the :class:`~summarize.pipeline.Pipeline`.

* :mod:`summarize.runners.local` -- every event in this process, outputs written atomically
  and resumable (``summarize run``).
"""

from summarize.runners.local import FORMATS, BatchResult, EventOutcome, run_batch

__all__ = ["FORMATS", "BatchResult", "EventOutcome", "run_batch"]
