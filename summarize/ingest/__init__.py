"""Reading articles: files, directories, JSON Lines, tables and datasets -> :class:`Article`.

``readers`` walks the inputs and reads text formats, ``tables`` reads CSV/Parquet/datasets
through Hugging Face :mod:`datasets`, ``records`` turns one record into an article, and
``ids`` is the one rule that keeps article ids unique.  See :mod:`summarize.ingest.readers`
for the formats and the id scheme.
"""

from summarize.ingest.readers import (
    SUPPORTED_SUFFIXES,
    DecodeError,
    decode_bytes,
    iter_articles,
    read_articles,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DecodeError",
    "decode_bytes",
    "iter_articles",
    "read_articles",
]
