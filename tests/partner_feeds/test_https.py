"""Partners' calendars come over HTTPS: a real TLS server, a real certificate check.

The server presents a certificate for a made-up name; the test resolves that name to
the loopback address (the one the checks allow in tests) and trusts the certificate's
own authority. Everything else is the production path: the address is checked, the
connection goes to that address, and TLS checks the name through SNI.
"""

import http.server
import socket
import ssl
import subprocess

import pytest

from partner_feeds.services import fetch
from partner_feeds.services.refusals import Refused
from tests.partner_feeds.helpers import FEEDS, PORTS, serve, stop

NAME = "calendrier.partenaire.test"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", key, "-out", cert, "-subj", f"/CN={NAME}",
         "-addext", f"subjectAltName=DNS:{NAME}"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return key, cert


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        body = (FEEDS / "google.ics").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.names.append(self.server.seen.get("sni"))

    def log_message(self, *args):
        pass


@pytest.fixture
def tls_server(certificate):
    key, cert = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    seen = {}

    def remember_sni(sock, name, _context):
        seen["sni"] = name

    context.sni_callback = remember_sni
    # From the end of the range: the plain test server takes the first free port.
    server = serve(
        Handler, reversed(PORTS), wrap=lambda sock: context.wrap_socket(sock, server_side=True)
    )
    server.names, server.seen = [], seen
    yield server
    stop(server)


@pytest.fixture
def name_resolves_to_loopback(monkeypatch, settings):
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == NAME:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(fetch.socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def trusting(monkeypatch, certificate):
    _key, cert = certificate
    default = ssl.create_default_context
    monkeypatch.setattr(fetch.ssl, "create_default_context", lambda: default(cafile=str(cert)))


def test_a_calendar_comes_over_https_with_its_name_checked(
    tls_server, name_resolves_to_loopback, trusting
):
    port = tls_server.server_address[1]
    body = fetch.fetch(f"https://{NAME}:{port}/agenda.ics")
    assert body.startswith(b"BEGIN:VCALENDAR")
    # The connection went to the checked address, and TLS still named the host.
    assert tls_server.names == [NAME]


def test_webcal_addresses_are_fetched_over_https(tls_server, name_resolves_to_loopback, trusting):
    port = tls_server.server_address[1]
    assert fetch.fetch(f"webcal://{NAME}:{port}/agenda.ics").startswith(b"BEGIN:VCALENDAR")


def test_a_certificate_nobody_vouches_for_is_refused(tls_server, name_resolves_to_loopback):
    port = tls_server.server_address[1]
    with pytest.raises(Refused) as refusal:
        fetch.fetch(f"https://{NAME}:{port}/agenda.ics")
    assert refusal.value.code == "unreachable"
    assert tls_server.names == []
