"""HTML markup inside a line of text: strip it, keep the words around it, record what went.

A pasted or badly scraped article can carry markup in its text: ``<script>alert(1)</script>``,
``<img src=x onerror=alert(2)>``, ``<b>…</b>``, an HTML comment.  Markup is not the article,
but the sentences next to it are, so a line is never removed for the markup it holds: the
markup is cut out (recorded as ``Removed(span, "markup", line)``) and the rest of the line
goes on through the cleaner like any other line.

* the *content* of ``script``, ``style``, ``noscript``, ``iframe``, ``template``, ``svg`` and
  ``object`` elements is code or a fallback, never prose, so it goes with the tags (an element
  left open runs to the end of the line);
* any other tag of HTML's vocabulary (``<img …>``, ``<b>``, ``</p>``, ``<br/>``) is cut and
  the text between an opening and closing tag is kept;
* HTML comments ``<!-- … -->`` go whole.

Only tags named in :data:`HTML_TAGS` count as markup, so text such as ``तापमान <5 डिग्री`` or
``x < y`` stays untouched.  A line that is markup and
nothing else is left for the line-shape rules (which call it ``tracking``, as before); this
module only takes markup out of lines that also hold text.
"""

from __future__ import annotations

import re

__all__ = ["HTML_TAGS", "strip_markup"]

# elements whose content is code or a fallback for the element, never article text
_CODE_ELEMENTS = ("script", "style", "noscript", "iframe", "template", "svg", "object")

HTML_TAGS = frozenset(
    """a abbr address amp-ad amp-img area article aside audio b bdi bdo big blockquote body br
    button canvas caption center cite code col colgroup dd del details dfn dialog div dl dt em
    embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i
    iframe img input ins kbd label legend li link main map mark meta nav noscript object ol
    optgroup option output p param picture pre q s samp script section select small source
    span strike strong style sub summary sup svg table tbody td template textarea tfoot th
    thead time title tr track tt u ul var video wbr""".split()
)

_NAMES = "|".join(sorted((re.escape(t) for t in HTML_TAGS), key=len, reverse=True))
# an attribute value may hold ">" only inside quotes
_ATTRS = r"""(?:\s+(?:[^<>"']|"[^"]*"|'[^']*')*)?"""
_TAG_RE = re.compile(rf"<\s*/?\s*(?:{_NAMES})(?![\w-]){_ATTRS}\s*/?\s*>", re.IGNORECASE)
_CODE_RE = re.compile(
    rf"<\s*(?P<name>{'|'.join(_CODE_ELEMENTS)})(?![\w-]){_ATTRS}\s*>.*?"
    rf"(?:<\s*/\s*(?P=name)\s*>|$)",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_HAS_WORD_RE = re.compile(r"\w")
# a cut leaves a space; none before punctuation ("शब्द <b>x</b>।" -> "शब्द x।")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+(?=[।॥.,!?;:)\]])")


def _cut(pattern: re.Pattern[str], text: str, spans: list[str]) -> str:
    """``text`` without the matches of ``pattern`` (each appended to ``spans``)."""

    def repl(m: re.Match[str]) -> str:
        spans.append(m.group(0))
        return " "

    return pattern.sub(repl, text)


def strip_markup(line: str) -> tuple[str, list[str]]:
    """The line without its markup, and the markup spans cut out (in the order found).

    A line without markup comes back unchanged with no spans; so does a line that is markup
    and nothing else (no word left), which the line-shape rules then judge whole.
    """
    if "<" not in line:
        return line, []
    spans: list[str] = []
    text = _cut(_COMMENT_RE, line, spans)
    text = _cut(_CODE_RE, text, spans)
    text = _cut(_TAG_RE, text, spans)
    if not spans:
        return line, []
    rest = _SPACE_BEFORE_PUNCT_RE.sub("", " ".join(text.split()))
    if not _HAS_WORD_RE.search(rest):
        return line, []
    return rest, spans
