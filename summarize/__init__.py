"""summarize: Hindi news articles -> clean text, English translation, per-article and
merged multi-source summaries that say which source supports each sentence.

The public API is imported lazily so that ``import summarize`` stays light (no torch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Pipeline", "load_config", "read_articles", "clean_article", "__version__"]

_LAZY = {
    "Pipeline": ("summarize.pipeline", "Pipeline"),
    "load_config": ("summarize.config", "load_config"),
    "read_articles": ("summarize.ingest", "read_articles"),
    "clean_article": ("summarize.clean", "clean_article"),
}

if TYPE_CHECKING:  # pragma: no cover
    from summarize.clean import clean_article
    from summarize.config import load_config
    from summarize.ingest import read_articles
    from summarize.pipeline import Pipeline


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
