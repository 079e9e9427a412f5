"""Download a partner's calendar without letting the address reach inside our network.

Every hop of a redirect is checked again: its scheme, and every address its host
name resolves to (public only: partner_feeds/services/addresses.py; plain http only
to an allowed network); the connection then goes to the address that was checked (never
resolved a second time), so a name cannot be switched to an internal address
between the check and the request. The body is read in pieces and refused as soon
as it passes the size cap, whatever Content-Length said.
"""

import http.client
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings

from partner_feeds.services import addresses
from partner_feeds.services.refusals import Refused

# http:// only to ENSEMBLE_FEED_ALLOWED_NETWORKS (check_plain_http).
SCHEMES = {"http": 80, "https": 443}
# webcal:// is "subscribe to this over HTTP"; the partners' servers all speak HTTPS.
ALIASES = {"webcal": "https", "webcals": "https"}
CALENDAR_TYPES = {"text/calendar", "application/ics", "text/x-vcalendar"}
REDIRECTS = {301, 302, 303, 307, 308}
MAX_REDIRECTS = 3
CHUNK = 64 * 1024
USER_AGENT = "Ensemble partner calendar import"


def normalize(url):
    """The address to fetch (webcal:// becomes https://), or Refused."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError as error:
        raise Refused("address") from error
    scheme = ALIASES.get(parts.scheme.lower(), parts.scheme.lower())
    if scheme not in SCHEMES:
        raise Refused("scheme")
    if not parts.hostname or parts.username or parts.password:
        raise Refused("address")
    return urlunsplit((scheme, parts.netloc, parts.path or "/", parts.query, ""))


def resolve_all(host, port):
    """Every address of the name (or the literal address); all of them must be public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise Refused("unresolvable", host=host) from error
    found = [info[4][0] for info in infos]
    if not found:
        raise Refused("unresolvable", host=host)
    if not all(addresses.is_public(address) for address in found):
        raise Refused("private_address", host=host)
    return found


def resolve(host, port):
    """The address to connect to (checked: see resolve_all)."""
    return resolve_all(host, port)[0]


def check_plain_http(scheme, found):
    """Plain http:// can be changed by anyone on the way (and a trusted partner's events
    are published at once): only to an allowed network (an intranet)."""
    if scheme == "http" and not all(addresses.is_allowed(address) for address in found):
        raise Refused("plain_http")


def check_address(url):
    """When staff save a calendar: the address as it is downloaded (webcal:// becomes
    https://), refused now if the download would be. The download checks it all again,
    every time and at every redirect: what a name resolves to can change."""
    url = normalize(url)
    parts = urlsplit(url)
    check_plain_http(parts.scheme, resolve_all(parts.hostname, parts.port or SCHEMES[parts.scheme]))
    return url


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _open(url, timeout):
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise Refused("scheme")
    host, port = parts.hostname, parts.port or SCHEMES[scheme]
    address = resolve(host, port)
    check_plain_http(scheme, [address])
    kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    connection = kind(host, port, address, timeout)
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    try:
        connection.request(
            "GET", path, headers={"User-Agent": USER_AGENT, "Accept": "text/calendar"}
        )
        return connection, connection.getresponse()
    except TimeoutError as error:
        connection.close()
        raise Refused("timeout") from error
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise Refused("unreachable") from error


def _read_capped(response, limit, deadline):
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise Refused("too_big", limit=limit // 1_000_000 or 1)
    body = bytearray()
    while True:
        if time.monotonic() > deadline:
            raise Refused("timeout")
        try:
            chunk = response.read1(CHUNK)
        except TimeoutError as error:
            raise Refused("timeout") from error
        except (OSError, http.client.HTTPException) as error:
            raise Refused("unreachable") from error
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > limit:
            raise Refused("too_big", limit=limit // 1_000_000 or 1)


def _check_type(response):
    content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in CALENDAR_TYPES:
        raise Refused("content_type", content_type=content_type[:60] or "?")


def fetch(url):
    """The calendar's bytes, or Refused with the reason."""
    url = normalize(url)
    timeout = settings.ENSEMBLE_FEED_TIMEOUT_SECONDS
    deadline = time.monotonic() + timeout
    for _hop in range(MAX_REDIRECTS + 1):
        connection, response = _open(url, timeout)
        try:
            if response.status in REDIRECTS and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location").strip())
                continue
            if response.status != 200:
                raise Refused("status", status=response.status)
            _check_type(response)
            return _read_capped(response, settings.ENSEMBLE_FEED_MAX_BYTES, deadline)
        finally:
            connection.close()
    raise Refused("redirects")
