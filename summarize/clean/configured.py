"""The embedder the cleaner gets under a config: one rule for every caller.

Pass 5b (:mod:`.story_blocks`) judges another story after a boundary line by meaning only
when the cleaner is given an embedder.  The pipeline gives it the configured one
(``config.embeddings``) when ``config.clean.topic_check`` is on; ``summarize clean`` must do the
same, or the two would clean the same page differently.  :func:`clean_embedder` is that rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarize.config import Config
    from summarize.engines.embeddings import Embedder

__all__ = ["clean_embedder"]


def clean_embedder(config: Config) -> Embedder | None:
    """The configured embedder when the topic check is on, else None (lexical cleaning).

    The model loads on first use (see :mod:`summarize.engines.embeddings`): a missing model
    raises :class:`~summarize.errors.ModelUnavailableError` when the first page is cleaned."""
    if not config.clean.topic_check:
        return None
    from summarize.engines.embeddings import load_embedder

    return load_embedder(config.embeddings)
