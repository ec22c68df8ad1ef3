"""Text-to-text and embedding backends behind one interface (see :mod:`summarize.engines.base`)."""

from summarize.engines.base import (
    EMBEDDER_REGISTRY,
    ENGINE_REGISTRY,
    Engine,
    Generator,
    cached_load,
    create_engine,
    resolve_model_dir,
)

__all__ = [
    "EMBEDDER_REGISTRY",
    "ENGINE_REGISTRY",
    "Engine",
    "Generator",
    "cached_load",
    "create_engine",
    "resolve_model_dir",
]
