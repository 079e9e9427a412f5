"""A real HTTP server in a thread serving calendars, and an organization to import into."""

import http.server
import socket

import pytest

from events.models import Category
from partner_feeds.models import PartnerFeed
from tests.factories import OrganizationFactory, french
from tests.partner_feeds.helpers import BEFORE_THE_FEEDS, FEEDS, PORTS, SERVER, serve, stop, url


class Routes(dict):
    """path -> (status, headers, body); a body may be a callable writing to the socket."""

    def calendar(self, path, body, content_type="text/calendar; charset=utf-8"):
        self[path] = (200, {"Content-Type": content_type}, body)

    def fixture(self, path, name):
        self.calendar(path, (FEEDS / name).read_bytes())


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"missing"))
        self.server.hits.append(self.path)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if not callable(body):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if callable(body):
            body(self.wfile)
        else:
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def feed_server():
    server = serve(Handler, PORTS)
    SERVER["port"] = server.server_address[1]
    server.routes, server.hits = Routes(), []
    yield server
    stop(server)


@pytest.fixture
def routes(feed_server, settings):
    """The server's routes, emptied for each test; loopback allowed for the test only."""
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    feed_server.routes.clear()
    feed_server.hits.clear()
    return feed_server.routes


@pytest.fixture
def before_the_feeds(time_machine):
    time_machine.move_to(BEFORE_THE_FEEDS, tick=True)
    return BEFORE_THE_FEEDS


@pytest.fixture
def org(site_tree):
    return OrganizationFactory(title="AIDE", slug="aide")


@pytest.fixture
def make_feed(org):
    def make(path, **kwargs):
        kwargs.setdefault("organization", org)
        kwargs.setdefault("category", Category.objects.get(locale=french(), slug="outing"))
        return PartnerFeed.objects.create(url=url(path), **kwargs)

    return make


@pytest.fixture
def dns(monkeypatch):
    """Names resolved without the internet: `dns["example.org"] = ["93.184.215.14"]`.
    Other names and literal addresses go to the system's resolver as usual."""
    names = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host not in names:
            return real(host, port, *args, **kwargs)
        return [
            (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "",
             (address, port))
            for address in names[host]
        ]  # fmt: skip

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return names
