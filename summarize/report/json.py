"""The versioned JSON report (``result.json``): a whole :class:`~summarize.types.RunResult`.

The dataclasses as :func:`summarize.serialize.to_jsonable` writes them, with
``schema_version`` set to this toolkit's :data:`~summarize.types.SCHEMA_VERSION`;
:func:`from_json` rebuilds the typed result (``from_json(to_json(r)) == r``) and refuses a
file of another major schema version with a clear message rather than misreading it.
"""

from __future__ import annotations

import json

from summarize.errors import SummarizeError
from summarize.serialize import from_jsonable, to_jsonable
from summarize.types import SCHEMA_VERSION, RunResult


def to_json(result: RunResult, indent: int | None = 2) -> str:
    """``result`` as JSON text, stamped with the schema version this toolkit writes."""
    data = to_jsonable(result)
    data["schema_version"] = SCHEMA_VERSION
    return json.dumps(data, ensure_ascii=False, indent=indent)


def from_json(text: str) -> RunResult:
    """The typed result of a JSON report; SummarizeError when it is not one we can read."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SummarizeError(f"not a summarize JSON report: {exc}") from None
    if not isinstance(data, dict) or "articles" not in data:
        raise SummarizeError("not a summarize JSON report (no `articles`)")
    version = str(data.get("schema_version", "0"))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise SummarizeError(
            f"report schema version {version} is not supported (this toolkit reads {SCHEMA_VERSION})"
        )
    return from_jsonable(RunResult, data)


__all__ = ["from_json", "to_json"]
