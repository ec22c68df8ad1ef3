"""HTML pages: extraction (trafilatura + htmldate), what it dropped, and the cleaner after it."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest

from summarize.clean import clean_article
from summarize.errors import MissingDependencyError
from summarize.ingest import read_articles
from summarize.ingest.html import (
    EXTRACTION_REMOVED,
    decode_html,
    extract_html,
    html_to_text,
    looks_like_html,
    visible_blocks,
)
from summarize.lang.segment import split_sentences

PAGES = Path(__file__).resolve().parent.parent / "data" / "html"
GOLD = sorted(PAGES.glob("*.json"))


def _sq(text: str) -> str:
    return " ".join(text.split())


def _gold(name: str) -> dict:
    return json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))


def test_fixture_set_is_complete():
    assert len(GOLD) >= 20
    for g in GOLD:
        assert (PAGES / json.loads(g.read_text(encoding="utf-8"))["file"]).is_file()


def test_visible_blocks_follow_the_layout():
    html = """<html><head><title>T</title><style>p{}</style></head><body>
      <nav><a>होम</a> | <a>देश</a></nav>
      <script>var x = "छिपा";</script>
      <div hidden>hidden one</div><p style="display: none">hidden two</p>
      <p>पहला <b>अनुच्छेद</b> है।</p>
      <div>line one<br>line two</div>
      <ul><li>item a</li><li>item b</li></ul>
    </body></html>"""
    assert visible_blocks(html) == [
        "होम | देश",
        "पहला अनुच्छेद है।",
        "line one",
        "line two",
        "item a",
        "item b",
    ]
    assert html_to_text("<p>a</p><p>b <i>c</i></p>") == "a\nb c"


def test_looks_like_html():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("  <html lang='hi'><p>x</p></html>")
    assert looks_like_html("<p>एक</p><p>दो</p><p>तीन</p>")
    assert not looks_like_html("राम ने कहा कि <b>सच</b> यही है।")  # inline tag in plain text
    assert not looks_like_html("plain text\nwith lines")


def test_page_extraction_keeps_paragraphs_title_author_date():
    html = (PAGES / "hi12_navyug_board_results_comments.html").read_text(encoding="utf-8")
    gold = _gold("hi12_navyug_board_results_comments")
    ex = extract_html(html)
    assert ex.title == gold["title"] and ex.author == gold["author"] and ex.date == gold["date"]
    lines = ex.text.split("\n")
    # <br><br> paragraphs stay paragraphs, each on its own line, with no tag left
    assert len(lines) >= len(gold["body"]) and "<" not in ex.text
    assert lines[1].startswith("भोपाल: मध्य प्रदेश माध्यमिक शिक्षा मंडल")
    dropped = {r["text"]: r["reason"] for r in ex.removed}
    assert dropped["टिप्पणियां (3)"] == "extraction"  # the comments section is not body
    assert any("रिजल्ट की वेबसाइट सुबह से बहुत धीमी" in t for t in dropped)
    assert ex.meta()["format"] == "html" and ex.meta()["date_from"] == "metadata"


def test_hindi_author_keeps_its_last_vowel_sign():
    ex = extract_html((PAGES / "hi01_savera_monsoon.html").read_text(encoding="utf-8"))
    assert ex.author == "राकेश तिवारी"  # trafilatura alone gives "राकेश तिवार"


def test_date_from_the_printed_stamp_when_the_page_has_no_metadata():
    ex = extract_html(
        (PAGES / "hi11_gramsamachar_minimal_library.html").read_text(encoding="utf-8")
    )
    # htmldate's extensive search would take "2008 बैच" in the text for 2008-01-01
    assert ex.date == "2024-01-03" and ex.date_from == "page stamp"


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_nothing_on_a_page_is_dropped_unseen(gold_path):
    """Every visible block ends up in the body, the title, or a removal with its reason."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    (article,), errors = read_articles([PAGES / gold["file"]])
    assert errors == []
    ca = clean_article(article)
    assert ca.title == gold["title"]
    body = _sq(ca.text)
    removed = " ".join(_sq(r.text) for r in ca.removed)
    for block in visible_blocks((PAGES / gold["file"]).read_text(encoding="utf-8")):
        words = [w for w in block.split() if len(w) > 3]  # the cleaner may cut spans inside
        seen = sum(1 for w in words if w in body or w in removed or w in (ca.title or ""))
        assert seen >= len(words) * 0.8, block
    assert EXTRACTION_REMOVED not in ca.meta  # moved into ca.removed, not kept twice


def test_both_stages_record_their_removals():
    (article,), _ = read_articles([PAGES / "en04_cityherald_pune_potholes_updated_only.html"])
    ca = clean_article(article)
    reasons = {r.reason for r in ca.removed}
    assert "extraction" in reasons and reasons - {"extraction"}  # the cleaner removed more
    assert ca.meta["format"] == "html" and ca.meta["extractor"] == "trafilatura"


def test_fixture_body_sentences_mostly_kept():
    """A floor under the figure the benchmark reports (benchmarks/html_extraction.py)."""
    kept = total = 0
    for g in GOLD:
        gold = json.loads(g.read_text(encoding="utf-8"))
        (article,), _ = read_articles([PAGES / gold["file"]])
        body = _sq(clean_article(article).text)
        for item in gold["body"]:
            for sent in split_sentences(_sq(item), lang=gold["lang"]):
                total += 1
                kept += _sq(sent) in body
    assert kept / total >= 0.9, (kept, total)


def test_directory_of_pages_and_html_in_records(tmp_path):
    page = (PAGES / "hi12_navyug_board_results_comments.html").read_text(encoding="utf-8")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    rec = {"id": "r1", "title": "अपना शीर्षक", "text": page}
    (tmp_path / "b.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text(
        'id,text\nc1,"<p>पहला अनुच्छेद यहां है।</p><p>दूसरा अनुच्छेद यहां है।</p><p>© साइट</p>"\n',
        encoding="utf-8",
    )
    articles, errors = read_articles([tmp_path])
    assert errors == []
    by_id = {a.id: a for a in articles}
    assert set(by_id) == {"a", "r1", "c1"}
    assert by_id["r1"].title == "अपना शीर्षक"  # the record's own title wins
    assert by_id["r1"].date == "2024-04-24"  # extraction fills what the record lacks
    assert "<p" not in by_id["r1"].raw_text and by_id["r1"].meta["format"] == "html"
    assert "<p>" not in by_id["c1"].raw_text and "पहला अनुच्छेद" in by_id["c1"].raw_text


def test_plain_text_records_are_unchanged(tmp_path):
    (tmp_path / "x.jsonl").write_text(
        '{"id": "x", "text": "सादा पाठ <b>है</b>।"}\n', encoding="utf-8"
    )
    (a,), _ = read_articles([tmp_path / "x.jsonl"])
    assert a.raw_text == "सादा पाठ <b>है</b>।" and "format" not in a.meta


def test_decode_html_uses_the_declared_charset():
    data = '<html><head><meta charset="windows-1252"></head><body><p>café</p></body></html>'
    assert "café" in decode_html(data.encode("cp1252"))
    assert "café" in decode_html("<p>café</p>".encode("latin-1"), "latin-1")
    assert "नमस्ते" in decode_html("<p>नमस्ते</p>".encode())


def test_missing_dependency_names_the_extra(monkeypatch):
    real_import = builtins.__import__

    def fake(name, *args, **kwargs):
        if name in ("trafilatura", "htmldate"):
            raise ImportError(f"No module named '{name}'", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingDependencyError, match=r"\.venv/bin/pip install -e '\.\[html\]'"):
        extract_html("<html><body><p>x</p></body></html>")
