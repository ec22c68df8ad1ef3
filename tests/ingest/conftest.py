"""A local web server for the fetch and feed tests: 127.0.0.1, started and stopped by each test.

Routes: ``/page.html`` (a fixture page), ``/r/N`` (a redirect chain of N hops ending at
the page), ``/loop`` (redirects to itself), ``/slow`` (answers after 3 s), ``/big``
(announces a body over any small limit), ``/drip-big`` (no Content-Length, streams past the
limit), ``/missing`` (404), ``/feed.xml`` (RSS whose items link to ``/page.html`` and
``/missing``), ``/to?u=URL`` (redirects to URL), ``/ua`` (echoes the User-Agent).
Every request path is recorded in ``server.hits``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

PAGES = Path(__file__).resolve().parent.parent / "data" / "html"
PAGE = (PAGES / "hi12_navyug_board_results_comments.html").read_bytes()

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>नवयुग टाइम्स: शिक्षा</title>
<link>{base}/</link><description>feed</description>
<item><title>MP Board Result 2024: 10वीं में 58.1% छात्र पास</title>
<link>{base}/page.html</link><pubDate>Wed, 24 Apr 2024 11:05:00 +0000</pubDate>
<description>&lt;p&gt;माध्यमिक शिक्षा मंडल ने बुधवार को नतीजे घोषित कर दिए।&lt;/p&gt;</description></item>
<item><title>पटना मेट्रो का पहला ट्रायल रन</title>
<link>{base}/missing</link><pubDate>Mon, 05 Feb 2024 08:00:00 +0000</pubDate>
<description>पटना मेट्रो के पहले चरण में 6.1 किलोमीटर लंबे हिस्से पर ट्रायल रन हुआ।</description></item>
</channel></rss>
"""


@dataclass
class Server:
    base: str
    port: int
    hits: list[str] = field(default_factory=list)


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet test output
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _redirect(self, location: str) -> None:
            self.send_response(302)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            server.hits.append(self.path)
            parts = urlsplit(self.path)
            path = parts.path
            if path == "/page.html":
                self._send(200, PAGE)
            elif path.startswith("/r/"):
                n = int(path.rsplit("/", 1)[1])
                self._redirect("/page.html" if n <= 1 else f"/r/{n - 1}")
            elif path == "/loop":
                self._redirect("/loop")
            elif path == "/slow":
                time.sleep(3)
                self._send(200, PAGE)
            elif path == "/big":
                self._send(200, b"<p>" + b"x" * 300_000 + b"</p>")
            elif path == "/drip-big":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()  # no Content-Length: the body ends when the socket closes
                for _ in range(40):
                    self.wfile.write(b"<p>" + b"y" * 10_000 + b"</p>")
                self.close_connection = True
            elif path == "/feed.xml":
                body = FEED.format(base=server.base).encode("utf-8")
                self._send(200, body, "application/rss+xml; charset=utf-8")
            elif path == "/to":
                self._redirect(parse_qs(parts.query)["u"][0])
            elif path == "/ua":
                ua = self.headers.get("User-Agent", "")
                self._send(200, f"<html><body><p>{ua}</p></body></html>".encode())
            else:
                self._send(404, b"<html><body><h1>Not found</h1></body></html>")

    return Handler


@pytest.fixture
def web() -> Iterator[Server]:
    """A server on 127.0.0.1 (a free port), stopped at the end of the test."""
    srv = Server(base="", port=0)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(srv))
    httpd.daemon_threads = True
    httpd.block_on_close = False  # /slow may still be sleeping when the test ends
    srv.port = httpd.server_address[1]
    srv.base = f"http://127.0.0.1:{srv.port}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
