"""Reports of a :class:`~summarize.types.RunResult`: versioned JSON, Markdown, self-contained HTML.

* :mod:`summarize.report.json` — ``result.json``: the typed result and its schema version,
  read back with :func:`from_json`.
* :mod:`summarize.report.markdown` — ``summary.md``, for a terminal or a pull request.
* :mod:`summarize.report.html` — ``report.html``: one file, every text escaped, source chips
  linking merged sentences to the source sentences.
* :mod:`summarize.report.common` — the wording all views share (titles, flag text), which
  the web app uses too.
"""

from __future__ import annotations

from summarize.report.html import sentence_anchor, to_html
from summarize.report.json import from_json, to_json
from summarize.report.markdown import to_markdown

__all__ = ["from_json", "sentence_anchor", "to_html", "to_json", "to_markdown"]
