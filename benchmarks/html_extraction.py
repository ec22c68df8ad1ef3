"""Reading saved pages: trafilatura alone, our cleaner alone, and both, on the HTML fixtures.

    .venv/bin/python -m benchmarks.html_extraction          # table
    .venv/bin/python -m benchmarks.html_extraction --json   # the same figures as JSON
    .venv/bin/python -m benchmarks.html_extraction --misses # plus every miss, page by page

The 23 pages of ``tests/data/html/`` (13 Hindi, 10 English, layouts of Indian news portals)
were annotated before any extraction code was written (``tests/data/html/README.md``):
body paragraphs, captions, title, date, author.  Three ways of reading a page are scored:

* ``trafilatura``: ``trafilatura.bare_extraction`` alone (comments off): its main text,
  title, author and date (it asks htmldate itself);
* ``cleaner``: our cleaner (:func:`summarize.clean.clean_article`) on the page's visible
  text, one line per block (:func:`summarize.ingest.html.visible_blocks`): what a user who
  copies the page's text, or a plain scraper, gives it;
* ``both``: :func:`summarize.ingest.html.extract_html` (trafilatura's text and title, the
  date from metadata, else the page's printed stamp, else htmldate's guess; a Hindi author
  name made whole), then the cleaner: what ``summarize run page.html`` does.

Figures:

* body sentences kept = annotated body sentences (body items split by
  :func:`summarize.lang.segment.split_sentences`) found in the output body (whitespace
  collapsed, substring match, as the fixture README asks);
* boilerplate removed = the page's visible blocks that are neither body, title nor caption
  (a block is body when it is inside a body item or holds one), counted as kept when the
  output body holds it (a block under 25 characters only when it is a whole output line,
  so that a menu word inside a sentence does not count);
* captions removed   = annotated captions not in the output body (captions are not body);
* title / date       = exact match with the annotation (date: the first 10 characters of
  the ISO date; ``null`` must stay ``null``); author (extraction only) likewise.

The figures do not depend on the machine; the run time printed at the end does (a busy
shared machine makes it noisy).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from summarize.clean import clean_article
from summarize.ingest.html import extract_html, visible_blocks
from summarize.lang.segment import split_sentences
from summarize.types import Article

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "data" / "html"
SHORT = 25  # characters: shorter boilerplate blocks count as kept only as a whole line


def _sq(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Output:
    title: str | None
    date: str | None
    lines: list[str]  # body paragraphs (or lines), whitespace collapsed
    author: str | None = None


@dataclass
class Score:
    body_kept: int = 0
    body_total: int = 0
    boiler_removed: int = 0
    boiler_total: int = 0
    captions_removed: int = 0
    captions_total: int = 0
    title_ok: int = 0
    date_ok: int = 0
    author_ok: int = 0
    pages: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, object]:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "-"

        return {
            "body sentences kept": pct(self.body_kept, self.body_total),
            "boilerplate removed": pct(self.boiler_removed, self.boiler_total),
            "captions removed": pct(self.captions_removed, self.captions_total),
            "title": pct(self.title_ok, self.pages),
            "date": pct(self.date_ok, self.pages),
        }


def read_trafilatura(html: str) -> Output:
    """trafilatura on its own: its text, title, date (it calls htmldate itself) and author."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if doc is None:
        return Output(None, None, [])
    lines = [_sq(x) for x in (doc.text or "").split("\n") if x.strip()]
    if lines and doc.title and lines[0] == _sq(doc.title):
        lines = lines[1:]  # the headline, repeated as the first line, is the title
    return Output(doc.title, doc.date, lines, doc.author)


def _cleaned(article: Article) -> Output:
    ca = clean_article(article)
    return Output(ca.title, ca.date, [_sq(" ".join(p)) for p in ca.paragraphs])


def read_cleaner(html: str) -> Output:
    text = "\n".join(visible_blocks(html))
    return _cleaned(Article(id="page", source="page", raw_text=text))


def read_both(html: str) -> Output:
    ex = extract_html(html)
    art = Article("page", "page", ex.text, title=ex.title, date=ex.date, meta=ex.meta())
    out = _cleaned(art)
    out.author = ex.author
    return out


READERS: dict[str, Callable[[str], Output]] = {
    "trafilatura": read_trafilatura,
    "cleaner": read_cleaner,
    "both": read_both,
}


def _boilerplate(html: str, gold: dict[str, object]) -> list[str]:
    body = [_sq(str(b)) for b in gold["body"]]  # type: ignore[attr-defined]
    captions = [_sq(str(c)) for c in gold["captions"]]  # type: ignore[attr-defined]
    title = _sq(str(gold["title"] or ""))
    out = []
    for block in dict.fromkeys(visible_blocks(html)):
        if block == title or any(block in b or b in block for b in body):
            continue
        if any(block in c or c in block for c in captions):
            continue
        out.append(block)
    return out


def score_page(name: str, html: str, gold: dict[str, object], out: Output, s: Score) -> None:
    text = " ".join(out.lines)
    lines = set(out.lines)
    s.pages += 1
    lang = str(gold["lang"])
    for item in gold["body"]:  # type: ignore[attr-defined]
        for sent in split_sentences(_sq(str(item)), lang=lang):
            s.body_total += 1
            if _sq(sent) in text:
                s.body_kept += 1
            else:
                s.misses.append(f"{name}: body lost: {sent[:90]}")
    for block in _boilerplate(html, gold):
        s.boiler_total += 1
        kept = block in lines if len(block) < SHORT else block in text
        if kept:
            s.misses.append(f"{name}: boilerplate kept: {block[:90]}")
        else:
            s.boiler_removed += 1
    for cap in gold["captions"]:  # type: ignore[attr-defined]
        s.captions_total += 1
        if _sq(str(cap)) in text:
            s.misses.append(f"{name}: caption kept: {str(cap)[:90]}")
        else:
            s.captions_removed += 1
    _score_fields(name, gold, out, s)


def _score_fields(name: str, gold: dict[str, object], out: Output, s: Score) -> None:
    if _sq(out.title or "") == _sq(str(gold["title"] or "")):
        s.title_ok += 1
    else:
        s.misses.append(f"{name}: title {out.title!r} != {gold['title']!r}")
    got = out.date[:10] if out.date else None
    if got == gold["date"]:
        s.date_ok += 1
    else:
        s.misses.append(f"{name}: date {got!r} != {gold['date']!r}")
    if _sq(out.author or "") == _sq(str(gold["author"] or "")):
        s.author_ok += 1


def run() -> dict[str, Score]:
    scores = {name: Score() for name in READERS}
    for gold_path in sorted(PAGES.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        html = (PAGES / gold["file"]).read_text(encoding="utf-8")
        for name, reader in READERS.items():
            score_page(gold_path.stem, html, gold, reader(html), scores[name])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    scores = run()
    seconds = time.perf_counter() - t0
    if args.json:
        doc = {k: {**asdict(v), "misses": len(v.misses)} for k, v in scores.items()}
        print(json.dumps(doc, indent=2))
        return 0
    n = scores["both"].pages
    print(f"{n} pages (tests/data/html/), annotated before the code was written\n")
    cols = list(scores["both"].row())
    print("| reader | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for name, s in scores.items():
        print(f"| {name} | " + " | ".join(str(v) for v in s.row().values()) + " |")
    a, b = scores["trafilatura"], scores["both"]
    print(f"\nauthor: trafilatura {a.author_ok}/{a.pages}, extract_html {b.author_ok}/{b.pages}")
    print(f"{seconds:.1f} s for {3 * n} readings (a busy shared machine makes this noisy)")
    if args.misses:
        for name, s in scores.items():
            print(f"\n## {name}")
            print("\n".join(s.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
