"""The record-field options shared by ``summarize run``, ``clean`` and ``app``.

A CSV, JSONL or Parquet file whose columns are not called ``text``, ``id``, ``title`` and
``date`` is read with ``--text-field body --title-field headline ...``; the flags are named
in :data:`summarize.ingest.records.FIELD_FLAGS`, which the error for a record without its
text field quotes, so the message and the options cannot drift apart.
"""

from __future__ import annotations

import argparse

from summarize.ingest.records import FIELD_FLAGS

__all__ = ["add_field_options", "field_names"]

_HELP = {
    "text": "record field (CSV/JSONL/Parquet column) holding the article text (default: text)",
    "id": "record field holding the article id (default: id)",
    "title": "record field holding the headline (default: title)",
    "date": "record field holding the publication date (default: date)",
}


def add_field_options(parser: argparse.ArgumentParser) -> None:
    """``--text-field``, ``--id-field``, ``--title-field``, ``--date-field``."""
    for role, flag in FIELD_FLAGS.items():
        parser.add_argument(
            flag,
            dest=f"{role}_field",
            default=role if role == "text" else None,
            metavar="FIELD",
            help=_HELP[role],
        )


def field_names(args: argparse.Namespace) -> dict[str, str]:
    """Role -> record field, for the options given (``{"text": "body"}``)."""
    names: dict[str, str] = {}
    for role in FIELD_FLAGS:
        value = getattr(args, f"{role}_field", None)
        if value:
            names[role] = value
    return names
