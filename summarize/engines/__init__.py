"""Text-to-text and embedding backends behind one interface (see :mod:`summarize.engines.base`).

:mod:`.registry` names them and declares what each accepts; :mod:`.base` holds the one
:class:`Engine` template, the model cache and model resolution; the backends are
:mod:`.hf_seq2seq`, :mod:`.ctranslate2` and :mod:`.indictrans2`, and :mod:`.embeddings`
the sentence embedders.
"""

from summarize.engines.base import (
    Engine,
    cached_load,
    create_engine,
    resolve_model_dir,
)
from summarize.engines.registry import (
    EMBEDDER_REGISTRY,
    ENGINE_REGISTRY,
    check_engine_section,
)

__all__ = [
    "EMBEDDER_REGISTRY",
    "ENGINE_REGISTRY",
    "Engine",
    "cached_load",
    "check_engine_section",
    "create_engine",
    "resolve_model_dir",
]
