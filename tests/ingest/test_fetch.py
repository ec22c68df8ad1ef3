"""Fetching URLs: limits, redirects, errors and every SSRF refusal, against a local server.

The server (``web``, tests/ingest/conftest.py) listens on 127.0.0.1 only.  A public host
name is tested without a network through an injected resolver (``news.test`` -> a public
address) and connector (which takes the checked address and opens the local server).
"""

from __future__ import annotations

import socket

import pytest

from summarize.config import FetchConfig
from summarize.ingest import read_articles
from summarize.ingest.fetch import USER_AGENT, Fetcher, FetchError, address_refusal, is_url

PUBLIC_IP = "93.184.215.14"  # a global unicast address; never connected to here


def local(**kw: object) -> Fetcher:
    return Fetcher(FetchConfig(allow_loopback=True, **kw))  # type: ignore[arg-type]


class Net:
    """A resolver and connector that make ``*.test`` names public hosts served locally."""

    def __init__(self, port: int, names: dict[str, list[str]] | None = None) -> None:
        self.port = port
        self.names = {"news.test": [PUBLIC_IP], **(names or {})}
        self.connected: list[str] = []

    def resolve(self, host: str, port: int) -> list[str]:
        if host in self.names:
            return self.names[host]
        if host.replace(".", "").isdigit() or ":" in host:
            return [host]
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def connect(self, address: str, port: int, timeout: float) -> socket.socket:
        self.connected.append(address)
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout)

    def fetcher(self, **kw: object) -> Fetcher:
        return Fetcher(FetchConfig(**kw), resolver=self.resolve, connector=self.connect)  # type: ignore[arg-type]


# --- what a fetch does ---------------------------------------------------------------------


def test_fetches_a_page(web):
    got = local().fetch(f"{web.base}/page.html")
    assert got.status == 200 and got.content_type == "text/html" and got.charset == "utf-8"
    assert "टिप्पणियां (3)".encode() in got.body
    assert got.final_url == got.url and got.redirects == ()


def test_sends_a_clear_user_agent(web):
    body = local().fetch(f"{web.base}/ua").body.decode()
    assert USER_AGENT in body and USER_AGENT.startswith("summarize/")
    custom = local(user_agent="my-newsroom-bot/1.0").fetch(f"{web.base}/ua").body.decode()
    assert "my-newsroom-bot/1.0" in custom


def test_follows_a_redirect_chain(web):
    got = local().fetch(f"{web.base}/r/3")
    assert got.final_url == f"{web.base}/page.html"
    assert got.redirects == (f"{web.base}/r/2", f"{web.base}/r/1", f"{web.base}/page.html")


def test_redirect_limit(web):
    with pytest.raises(FetchError, match=r"more than 2 redirects"):
        local(max_redirects=2).fetch(f"{web.base}/r/3")
    with pytest.raises(FetchError, match=r"more than 5 redirects"):
        local().fetch(f"{web.base}/loop")


def test_slow_answer_times_out(web):
    with pytest.raises(FetchError, match=r"/slow: no complete answer within 0.5 s"):
        local(timeout_s=0.5).fetch(f"{web.base}/slow")


def test_body_over_the_limit_is_refused(web):
    with pytest.raises(FetchError, match=r"300007 bytes, over the limit of 100000 bytes"):
        local(max_bytes=100_000).fetch(f"{web.base}/big")
    # no Content-Length: counted while reading
    with pytest.raises(FetchError, match=r"over the limit of 100000 bytes"):
        local(max_bytes=100_000).fetch(f"{web.base}/drip-big")
    assert len(local(max_bytes=1_000_000).fetch(f"{web.base}/big").body) == 300_007


def test_http_error_names_the_status(web):
    with pytest.raises(FetchError) as info:
        local().fetch(f"{web.base}/missing")
    assert (
        str(info.value)
        == f"could not fetch {web.base}/missing: the server answered HTTP 404 Not Found"
    )


def test_connection_refused_and_unresolvable_host():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="connection was refused"):
        local().fetch(f"http://127.0.0.1:{port}/")
    net = Net(0)
    with pytest.raises(FetchError, match=r"host name 'offline\.test' could not be resolved"):
        net.fetcher().fetch("http://offline.test/story")


# --- SSRF refusals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped IPv6
        ("10.1.2.3", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.10.20", "link-local"),
        ("fe80::1", "link-local"),
        ("169.254.169.254", "metadata"),
        ("100.100.100.200", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.1.1", "reserved"),  # carrier-grade NAT: not public
    ],
)
def test_address_refusals(address, words):
    assert words in (address_refusal(address) or "")


def test_public_addresses_pass_and_loopback_only_when_allowed():
    assert address_refusal(PUBLIC_IP) is None
    assert address_refusal("2606:4700::1111") is None
    assert address_refusal("127.0.0.1", allow_loopback=True) is None
    # allowing loopback allows nothing else
    assert "private" in (address_refusal("10.0.0.1", allow_loopback=True) or "")
    assert "metadata" in (address_refusal("169.254.169.254", allow_loopback=True) or "")


def test_loopback_refused_by_default_before_connecting(web):
    for url in (f"{web.base}/page.html", f"http://localhost:{web.port}/page.html"):
        with pytest.raises(FetchError, match=r"refused: .*loopback address \(allow it with"):
            Fetcher().fetch(url)
    assert web.hits == []  # nothing reached the server


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://news.test/x", "gopher://news.test/", "data:text/html,<p>x</p>"],
)
def test_non_http_schemes_are_refused(url):
    with pytest.raises(FetchError, match="only http and https URLs are fetched"):
        Fetcher().fetch(url)


@pytest.mark.parametrize(
    ("host", "addresses", "words"),
    [
        ("intranet.test", ["10.20.30.40"], "intranet.test resolves to 10.20.30.40 is a private"),
        ("meta.test", ["169.254.169.254"], "metadata"),
        ("dual.test", [PUBLIC_IP, "192.168.0.9"], "192.168.0.9 is a private"),  # every address
    ],
)
def test_names_are_checked_after_dns_resolution(web, host, addresses, words):
    net = Net(web.port, {host: addresses})
    with pytest.raises(FetchError, match=words):
        net.fetcher().fetch(f"http://{host}/page.html")
    assert net.connected == []


def test_allowed_host_is_fetched_at_the_checked_address(web):
    net = Net(web.port)
    got = net.fetcher().fetch("http://news.test/page.html")
    assert got.status == 200 and net.connected == [PUBLIC_IP]


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("http://127.0.0.1:{port}/page.html", "127.0.0.1 is a loopback address"),
        ("http://localhost:{port}/page.html", "loopback"),
        ("http://[::1]:{port}/page.html", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://intranet.test/admin", "private"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
def test_redirect_from_an_allowed_host_is_checked_again(web, target, words):
    net = Net(web.port, {"intranet.test": ["10.0.0.7"], "localhost": ["127.0.0.1"]})
    target = target.format(port=web.port)
    with pytest.raises(FetchError) as info:
        net.fetcher().fetch(f"http://news.test/to?u={target}")
    message = str(info.value)
    assert words in message and f"redirected to {target}" in message
    assert net.connected == [PUBLIC_IP]  # only the allowed first hop was connected to
    assert [h.split("?")[0] for h in web.hits] == ["/to"]


def test_credentials_in_urls_are_refused():
    with pytest.raises(FetchError, match="user name or password"):
        Fetcher().fetch("http://user:pw@news.test/")


def test_is_url():
    assert is_url("https://x.example/a") and is_url("ftp://x") and is_url("file:///etc/passwd")
    assert not is_url("seeds/a.txt") and not is_url("C:\\data\\a.txt") and not is_url("-")


# --- through ingest --------------------------------------------------------------------------


def test_offline_url_is_an_error_naming_it_and_other_inputs_are_read(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("एक खबर का पहला वाक्य है।\n", encoding="utf-8")
    net = Net(0)
    fetcher = Fetcher(FetchConfig(), resolver=net.resolve, connector=net.connect)
    articles, errors = read_articles(
        ["http://offline.test/news/story-1.html", str(story)], fetcher=fetcher
    )
    assert [a.id for a in articles] == ["story"]
    (err,) = errors
    assert err.source == "http://offline.test/news/story-1.html" and err.where == "url"
    assert err.message.startswith("the page could not be fetched: the host name 'offline.test'")


def test_url_is_read_as_a_page(web):
    articles, errors = read_articles([f"{web.base}/r/2"], fetch=FetchConfig(allow_loopback=True))
    assert errors == []
    (a,) = articles
    assert a.id == "page" and a.source == f"{web.base}/r/2" and a.url == f"{web.base}/page.html"
    assert a.title.startswith("MP Board Result 2024") and a.date == "2024-04-24"
    assert "<" not in a.raw_text and "टिप्पणियां (3)" not in a.raw_text
    removed = [r["text"] for r in a.meta["extraction_removed"]]
    assert "टिप्पणियां (3)" in removed


def test_url_refused_by_default_through_ingest(web):
    articles, errors = read_articles([f"{web.base}/page.html"])
    assert articles == [] and "loopback" in errors[0].message
    assert web.hits == []
