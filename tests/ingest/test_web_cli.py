"""``summarize clean URL`` and ``summarize run URL`` against a local server (127.0.0.1)."""

from __future__ import annotations

import io
import json

from summarize.cli.main import main


def _clean(*argv: str) -> tuple[int, dict, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["clean", *argv], out=out, err=err)
    return code, json.loads(out.getvalue()), err.getvalue()


def test_clean_url_with_allow_loopback(web):
    # the offline config's embedder is bundled: nothing to warn about
    code, doc, err = _clean(f"{web.base}/page.html", "--allow-loopback", "--config", "offline")
    assert code == 0 and err == ""
    (a,) = doc["articles"]
    assert a["title"].startswith("MP Board Result 2024") and a["date"] == "2024-04-24"
    reasons = [r["reason"] for r in a["removed"]]
    assert "extraction" in reasons  # what extraction dropped is in the output
    assert not any("<p" in s for p in a["paragraphs"] for s in p)


def test_clean_url_refused_by_default_and_other_inputs_still_read(web, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("बारिश से शहर में जलभराव हो गया।\n", encoding="utf-8")
    code, doc, err = _clean(f"{web.base}/page.html", str(story))
    assert code == 1
    assert [a["id"] for a in doc["articles"]] == ["story"]
    (e,) = doc["errors"]
    assert e["source"] == f"{web.base}/page.html" and "loopback" in e["message"]
    assert f"{web.base}/page.html (url): the page could not be fetched: refused" in err
    assert web.hits == []


def test_run_url_and_feed_beside_a_file(web, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("भोपाल में बोर्ड परीक्षा के नतीजे घोषित हुए। छात्राओं ने बाजी मारी।\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    argv = ["run", f"{web.base}/page.html", f"{web.base}/feed.xml", str(story)]
    argv += ["--config", "offline", "--out", str(tmp_path / "out"), "--no-cache", "--quiet"]
    code = main([*argv, "--allow-loopback"], out=out, err=err)
    rows = [json.loads(x) for x in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    ids = sorted(r["article_id"] for r in rows)
    assert ids == ["missing", "page", "page~2", "story"], err.getvalue()
    assert code == 1  # the feed's /missing entry: its page was not fetched (404)
    assert "HTTP 404" in err.getvalue()
