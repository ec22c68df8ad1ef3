"""The fetch option shared by ``summarize run`` and ``clean``: ``--allow-loopback``.

URLs and feeds given as inputs are fetched under the config's ``fetch`` section
(:class:`summarize.config.FetchConfig`), which refuses loopback, private, link-local and
metadata addresses; ``--allow-loopback`` lets loopback through (a page served on this
machine, tests) and leaves the other refusals in place.
"""

from __future__ import annotations

import argparse

from summarize.config import Config, FetchConfig

__all__ = ["add_fetch_options", "fetch_config", "with_fetch_options"]


def add_fetch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-loopback",
        action="store_true",
        help="let URLs reach loopback addresses (127.0.0.1, localhost: a page served on this "
        "machine); private, link-local and metadata addresses stay refused",
    )


def fetch_config(config: str | None, allow_loopback: bool) -> FetchConfig:
    """The ``fetch`` section of the named config (the built-in defaults without a name)."""
    from summarize.config import load_config

    fetch = load_config(config).fetch if config else FetchConfig()
    if allow_loopback:
        fetch = fetch.model_copy(update={"allow_loopback": True})
    return fetch


def with_fetch_options(config: Config, allow_loopback: bool) -> Config:
    """``config`` with ``fetch.allow_loopback`` set when the flag asks for it."""
    if not allow_loopback:
        return config
    fetch = config.fetch.model_copy(update={"allow_loopback": True})
    return config.model_copy(update={"fetch": fetch})
