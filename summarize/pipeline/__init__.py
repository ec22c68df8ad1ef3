"""The one pipeline behind the CLI, the batch runner and the web app.

:mod:`.run` has :class:`Pipeline` and its stages, :mod:`.models` the models it creates on
first use, :mod:`.keys` the stage-cache keys.
"""

from summarize.pipeline.keys import stage_code
from summarize.pipeline.run import (
    STAGES,
    TRANSLATION_OFF_NOTICE,
    Pipeline,
    ProgressCallback,
    ProgressEvent,
    RunCancelled,
)

__all__ = [
    "STAGES",
    "TRANSLATION_OFF_NOTICE",
    "Pipeline",
    "ProgressCallback",
    "ProgressEvent",
    "RunCancelled",
    "stage_code",
]
