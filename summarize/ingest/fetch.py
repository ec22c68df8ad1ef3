"""Fetch a web page for ingest: bounded, identified, and never a proxy into the host's network.

The app runs on public hosts, so a URL a user types must not reach the machine's own
services or its cloud's metadata endpoint (server-side request forgery).  :class:`Fetcher`
follows the advice of the OWASP SSRF prevention cheat sheet:

* only ``http``/``https`` URLs;
* the host name is resolved here, *every* address it resolves to is checked, and the
  connection goes to the checked address (so a second DNS answer cannot swap it: DNS
  rebinding); the check refuses loopback, private, link-local, cloud-metadata, multicast,
  reserved and unspecified addresses (IPv4-mapped IPv6 addresses are checked as IPv4);
* redirects are followed by hand, at most ``max_redirects``, and each new location goes
  through the same checks;
* one deadline (``timeout_s``) covers the whole fetch, redirects included, and the body
  may be at most ``max_bytes`` (announced by ``Content-Length`` or counted while reading);
* every request says who it is (``User-Agent``: :data:`USER_AGENT` unless configured).

``FetchConfig.allow_loopback`` (CLI ``--allow-loopback``) lets loopback addresses through
for local use and tests; the other refusals stay.  The resolver and the socket connector
are injectable (``Fetcher(resolver=..., connector=...)``), so tests can check a public
host name without a network.  Every failure is a :class:`FetchError` whose message names
the URL and says why it could not be fetched.  Built on the standard library
(:mod:`http.client`), so fetching needs no extra package.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from summarize import __version__
from summarize.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from summarize.config import FetchConfig

__all__ = [
    "USER_AGENT",
    "Connector",
    "FetchError",
    "Fetched",
    "Fetcher",
    "Resolver",
    "address_refusal",
    "is_url",
]

USER_AGENT = (
    f"summarize/{__version__} (news summarisation toolkit; fetches the pages a user asks for)"
)
REDIRECT_CODES = (301, 302, 303, 307, 308)
# Cloud metadata services (AWS/GCP/Azure/OpenStack, Alibaba, AWS IPv6): named apart from
# the ranges they sit in because reaching them leaks credentials.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "100.100.100.200", "fd00:ec2::254")
)
_CHUNK = 64 * 1024

Resolver = Callable[[str, int], list[str]]  # (host, port) -> IP addresses
Connector = Callable[[str, int, float], socket.socket]  # (address, port, timeout) -> socket


class FetchError(InputError):
    """A URL that could not be fetched; the message names the URL and says why."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"could not fetch {url}: {reason}")


@dataclass(frozen=True)
class Fetched:
    """A fetched page: the body bytes and what the server said about them."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, without parameters ("text/html")
    charset: str | None
    body: bytes
    redirects: tuple[str, ...] = ()


def is_url(text: str) -> bool:
    """Whether an input names a URL (``scheme://...``) rather than a file path."""
    head, sep, _ = text.partition("://")
    return bool(sep) and head.isascii() and head.isalpha() and len(head) > 1


def address_refusal(address: str, *, allow_loopback: bool = False) -> str | None:
    """Why a connection to ``address`` is refused, or ``None`` when it is a public address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"'{address}' is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA_ADDRESSES:
        return f"{ip} is a cloud metadata address"
    if ip.is_unspecified:
        return f"{ip} is the unspecified address"
    if ip.is_loopback:
        if allow_loopback:
            return None
        return f"{ip} is a loopback address (allow it with --allow-loopback / fetch.allow_loopback)"
    if ip.is_link_local:
        return f"{ip} is a link-local address"
    if ip.is_private:
        return f"{ip} is a private-network address"
    if ip.is_multicast:
        return f"{ip} is a multicast address"
    if not ip.is_global:
        return f"{ip} is a reserved (non-public) address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def system_connector(address: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((address, port), timeout=timeout)


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a checked address, with the URL's host in ``Host``."""

    def __init__(
        self, host: str, port: int, address: str, connector: Connector, timeout: float
    ) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address
        self._connector = connector

    def connect(self) -> None:
        self.sock = self._connector(self._address, self.port, float(self.timeout or 0) or 1.0)


class _PinnedHTTPS(_PinnedHTTP):
    """HTTPS to a checked address; the certificate is verified against the URL's host."""

    default_port = 443

    def connect(self) -> None:
        super().connect()
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


@dataclass
class _Hop:
    scheme: str
    host: str
    port: int
    target: str  # path and query


class Fetcher:
    """Fetches URLs under one :class:`~summarize.config.FetchConfig` (see the module doc)."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        resolver: Resolver | None = None,
        connector: Connector | None = None,
    ) -> None:
        if config is None:
            from summarize.config import FetchConfig

            config = FetchConfig()
        self.config = config
        self.resolver = resolver or system_resolver
        self.connector = connector or system_connector
        self.user_agent = config.user_agent or USER_AGENT

    def fetch(self, url: str) -> Fetched:
        """The page at ``url`` after at most ``max_redirects`` redirects; else :class:`FetchError`."""
        deadline = time.monotonic() + self.config.timeout_s
        current = url
        redirects: list[str] = []
        while True:
            hop = self._check_url(url, current)
            address = self._resolve(url, current, hop)
            conn, resp = self._request(url, hop, address, deadline)
            try:
                location = resp.getheader("Location")
                if resp.status in REDIRECT_CODES and location:
                    if len(redirects) >= self.config.max_redirects:
                        raise FetchError(
                            url, f"more than {self.config.max_redirects} redirects (limit)"
                        )
                    current = urljoin(current, location.strip())
                    redirects.append(current)
                    continue
                if resp.status >= 400:
                    at = f" at {current}" if redirects else ""
                    raise FetchError(
                        url, f"the server answered HTTP {resp.status} {resp.reason}{at}".rstrip()
                    )
                body = self._read_body(url, conn, resp, deadline)
            finally:
                conn.close()
            ctype = resp.getheader("Content-Type") or ""
            media, _, params = ctype.partition(";")
            return Fetched(
                url=url,
                final_url=current,
                status=resp.status,
                content_type=media.strip().lower(),
                charset=_charset(params),
                body=body,
                redirects=tuple(redirects),
            )

    def _check_url(self, url: str, current: str) -> _Hop:
        at = "" if current == url else f" (redirected to {current})"
        parts = urlsplit(current)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError(
                url, f"only http and https URLs are fetched, not '{scheme or '(none)'}'{at}"
            )
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError:
            raise FetchError(url, f"bad port in the URL{at}") from None
        if not parts.hostname:
            raise FetchError(url, f"the URL has no host{at}")
        if parts.username or parts.password:
            raise FetchError(url, f"URLs with a user name or password are not fetched{at}")
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        return _Hop(scheme, parts.hostname, port, target)

    def _resolve(self, url: str, current: str, hop: _Hop) -> str:
        """The address to connect to; every address of the host must pass the check."""
        at = "" if current == url else f" (redirected to {current})"
        try:
            addresses = self.resolver(hop.host, hop.port)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(
                url,
                f"the host name '{hop.host}' could not be resolved "
                f"(offline, or no such host: {getattr(exc, 'strerror', None) or exc}){at}",
            ) from None
        if not addresses:
            raise FetchError(url, f"the host name '{hop.host}' resolved to no address{at}")
        for address in addresses:
            why = address_refusal(address, allow_loopback=self.config.allow_loopback)
            if why:
                host = "" if hop.host == address else f"{hop.host} resolves to "
                raise FetchError(url, f"refused: {host}{why}{at}")
        return addresses[0]

    def _request(
        self, url: str, hop: _Hop, address: str, deadline: float
    ) -> tuple[_PinnedHTTP, http.client.HTTPResponse]:
        cls = _PinnedHTTPS if hop.scheme == "https" else _PinnedHTTP
        conn = cls(hop.host, hop.port, address, self.connector, _remaining(url, deadline, self))
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
            "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity",
        }
        try:
            conn.request("GET", hop.target, headers=headers)
            return conn, conn.getresponse()
        except Exception as exc:
            conn.close()
            raise self._network_error(url, exc) from None

    def _read_body(
        self, url: str, conn: _PinnedHTTP, resp: http.client.HTTPResponse, deadline: float
    ) -> bytes:
        limit = self.config.max_bytes
        announced = resp.getheader("Content-Length")
        if announced and announced.strip().isdigit() and int(announced) > limit:
            raise FetchError(
                url, f"the body is {int(announced)} bytes, over the limit of {limit} bytes"
            )
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if conn.sock is not None:  # the deadline covers slow drips too
                    conn.sock.settimeout(_remaining(url, deadline, self))
                chunk = resp.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, f"the body is over the limit of {limit} bytes")
                chunks.append(chunk)
        except FetchError:
            raise
        except Exception as exc:
            raise self._network_error(url, exc) from None
        return b"".join(chunks)

    def _network_error(self, url: str, exc: BaseException) -> FetchError:
        if isinstance(exc, FetchError):
            return exc
        if isinstance(exc, (socket.timeout, TimeoutError)):
            return FetchError(url, f"no complete answer within {self.config.timeout_s:g} s")
        if isinstance(exc, ConnectionRefusedError):
            return FetchError(url, "the connection was refused")
        if isinstance(exc, ssl.SSLError):
            return FetchError(url, f"TLS error: {exc.reason or exc}")
        if isinstance(exc, http.client.HTTPException):
            return FetchError(url, f"bad HTTP response ({type(exc).__name__}: {exc})")
        if isinstance(exc, OSError):
            return FetchError(url, f"network error: {exc.strerror or exc}")
        return FetchError(url, f"{type(exc).__name__}: {exc}")


def _remaining(url: str, deadline: float, fetcher: Fetcher) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(url, f"no complete answer within {fetcher.config.timeout_s:g} s")
    return left


def _charset(params: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None
