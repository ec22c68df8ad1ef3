"""RSS/Atom feeds -> articles: the linked page when reachable, else the entry's summary."""

from __future__ import annotations

import socket

from summarize.config import FetchConfig
from summarize.ingest import read_articles
from summarize.ingest.feeds import looks_like_feed, parse_feed
from summarize.ingest.fetch import Fetcher

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Metro Times: Delhi</title>
<entry><title>Dense fog grounds Delhi flights</title>
<link href="http://news.test/delhi/fog-flights.html"/><id>urn:1</id>
<published>2024-01-16T03:30:00+05:30</published>
<summary type="html">&lt;p&gt;More than 110 flights were delayed at IGI airport.&lt;/p&gt;</summary>
</entry></feed>
"""


def offline() -> Fetcher:
    def resolve(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    return Fetcher(FetchConfig(), resolver=resolve)


def test_feed_url_gives_pages_and_summaries(web):
    articles, errors = read_articles(
        [f"{web.base}/feed.xml"], fetch=FetchConfig(allow_loopback=True)
    )
    assert [a.id for a in articles] == ["page", "missing"]
    page, summary_only = articles
    # the reachable page: its extracted text, the feed's title and date
    assert page.title == "MP Board Result 2024: 10वीं में 58.1% छात्र पास"
    assert page.date == "2024-04-24T11:05:00Z" and page.url == f"{web.base}/page.html"
    assert "पुनर्मूल्यांकन के लिए आवेदन" in page.raw_text  # the page's body, not the summary
    assert page.meta["feed"] == "नवयुग टाइम्स: शिक्षा" and page.meta["extraction_removed"]
    # the 404: the summary stands in, and the error says so
    assert summary_only.raw_text.startswith("पटना मेट्रो के पहले चरण में")
    assert summary_only.meta["text_from"] == "feed summary"
    (err,) = errors
    assert err.source == f"{web.base}/feed.xml" and err.where == "entry 1"
    assert f"{web.base}/missing" in err.message and "HTTP 404" in err.message
    assert "the feed's summary was used" in err.message


def test_feed_file_offline_uses_summaries_and_names_each_url(tmp_path):
    path = tmp_path / "delhi.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, errors = read_articles([path], fetcher=offline())
    (a,) = articles
    assert a.id == "fog-flights" and a.title == "Dense fog grounds Delhi flights"
    assert (
        a.raw_text == "More than 110 flights were delayed at IGI airport."
    )  # HTML summary as text
    assert a.date == "2024-01-15T22:00:00Z" and a.url == "http://news.test/delhi/fog-flights.html"
    (err,) = errors
    assert "http://news.test/delhi/fog-flights.html" in err.message
    assert "could not be resolved" in err.message


def test_xml_files_are_feeds_only_when_they_are_one(tmp_path):
    (tmp_path / "feed.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "notes.xml").write_text("<notes><n>एक टिप्पणी</n></notes>\n", encoding="utf-8")
    arts, _ = read_articles([tmp_path / "feed.xml", tmp_path / "notes.xml"], fetcher=offline())
    assert [a.meta.get("feed") for a in arts] == ["Metro Times: Delhi", None]
    assert arts[1].raw_text.startswith("<notes>")  # read as text, as before


def test_not_a_feed_is_reported(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("this is not xml at all", encoding="utf-8")
    articles, errors = read_articles([path], fetcher=offline())
    assert articles == [] and errors[0].where == "feed"
    assert "not an RSS or Atom feed" in errors[0].message


def test_looks_like_feed_and_parse():
    assert looks_like_feed(ATOM.encode())
    assert looks_like_feed(b"<rss version='2.0'><channel/></rss>")
    assert looks_like_feed(b"{}", "application/rss+xml")
    assert not looks_like_feed(b"<!DOCTYPE html><html></html>")
    feed = parse_feed(ATOM.encode(), source="x")
    assert feed.title == "Metro Times: Delhi" and feed.entries[0].entry_id == "urn:1"
