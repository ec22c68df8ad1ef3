"""The other members of a merged sentence's fact cluster, as a collapsible list (issue 15).

A merged sentence stands for a fact several sources report; its representative was chosen for
readability and centrality (:mod:`summarize.merge.represent`), and the other members are the
evidence.  The HTML report and the web app (:mod:`summarize.app.render`) show them on demand
with this one fragment: a ``<details>`` element, closed, listing each member with its source
label; every text is escaped.  ``result.json`` has them as the sentence's ``refs`` (the
representative one with ``"representative": true``).
"""

from __future__ import annotations

from html import escape

from summarize.types import MergedSentence

__all__ = ["members_details"]


def members_details(s: MergedSentence, labels: dict[str, str], css_prefix: str = "") -> str:
    """``<details>`` listing the members of ``s`` other than its representative ("" if none).

    ``labels``: article id -> short source label (``A1``); an id not in it is shown as is."""
    others = [r for r in s.refs if not r.representative]
    if not others:
        return ""
    items = "".join(
        f"<li><span class='{css_prefix}member-src'>{escape(labels.get(r.article_id, r.article_id))}"
        f"</span> {escape(r.text)}</li>"
        for r in others
    )
    n = len(others)
    return (
        f"<details class='{css_prefix}members'><summary>{n} other sentence{'s' if n > 1 else ''}"
        f" of the sources say this</summary><ul>{items}</ul></details>"
    )
