"""Bad or hostile feeds are refused with a message, and nothing of them is kept."""

import socket

import pytest
from django.utils import translation

from events.models import EventDate, EventPage
from partner_feeds.models import RunStatus
from partner_feeds.services import addresses, fetch, importer
from partner_feeds.services.refusals import Refused, describe
from tests.partner_feeds.helpers import FEEDS

pytestmark = pytest.mark.django_db


def refused(feed):
    feed = importer.run(feed)
    assert feed.last_status == RunStatus.REFUSED
    assert not EventPage.objects.exists()
    assert not EventDate.objects.exists()
    return feed.last_refusal["code"]


def test_loopback_is_refused_unless_allowed(routes, make_feed, settings):
    routes.fixture("/google.ics", "google.ics")
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = []
    assert refused(make_feed("/google.ics")) == "private_address"


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/cal.ics",
        "http://[::1]:8821/google.ics",
        "http://0.0.0.0:8821/google.ics",
    ],
)
def test_redirect_to_internal_address_is_refused(routes, make_feed, feed_server, target):
    routes.fixture("/google.ics", "google.ics")
    routes["/moved.ics"] = (302, {"Location": target}, b"")
    assert refused(make_feed("/moved.ics")) == "private_address"
    assert "/google.ics" not in feed_server.hits


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x.ics", "gopher://x"])
def test_redirect_to_other_scheme_is_refused(routes, make_feed, target):
    routes["/moved.ics"] = (301, {"Location": target}, b"")
    assert refused(make_feed("/moved.ics")) == "scheme"


def test_redirects_are_followed_a_few_times_only(routes, make_feed, before_the_feeds):
    routes.fixture("/google.ics", "google.ics")
    routes["/a"] = (302, {"Location": "/google.ics"}, b"")
    assert importer.run(make_feed("/a")).last_status == RunStatus.OK
    for hop in range(5):
        routes[f"/loop{hop}"] = (302, {"Location": f"/loop{hop + 1}"}, b"")
    feed = importer.run(make_feed("/loop0"))
    assert feed.last_refusal == {"code": "redirects"}
    assert feed.last_counts["created"] == 0


def test_wrong_content_type_is_refused(routes, make_feed):
    routes.calendar("/page", (FEEDS / "google.ics").read_bytes(), content_type="text/html")
    assert refused(make_feed("/page")) == "content_type"


def test_huge_feed_is_cut_off_while_streaming(routes, make_feed, settings):
    settings.ENSEMBLE_FEED_MAX_BYTES = 50_000
    written = []

    def endless(out):
        # No Content-Length: the size is only known by reading.
        try:
            out.write(b"BEGIN:VCALENDAR\r\n")
            for _ in range(2000):
                out.write(b"X-PAD:" + b"x" * 1000 + b"\r\n")
                written.append(1)
        except OSError:
            pass

    routes["/huge.ics"] = (200, {"Content-Type": "text/calendar"}, endless)
    assert refused(make_feed("/huge.ics")) == "too_big"


def test_declared_size_over_the_cap_is_refused_before_reading(routes, make_feed, settings):
    settings.ENSEMBLE_FEED_MAX_BYTES = 1000
    routes.fixture("/google.ics", "google.ics")
    assert refused(make_feed("/google.ics")) == "too_big"


@pytest.mark.parametrize(
    "body",
    [b"<html><body>Not found</body></html>", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:zz\r\n"],
)
def test_malformed_feed_is_refused(routes, make_feed, body):
    routes.calendar("/bad.ics", body)
    assert refused(make_feed("/bad.ics")) == "malformed"


def test_too_many_events_is_refused(routes, make_feed, settings):
    settings.ENSEMBLE_FEED_MAX_EVENTS = 2
    routes.fixture("/google.ics", "google.ics")
    assert refused(make_feed("/google.ics")) == "too_many_events"


def test_too_many_dates_is_refused(routes, make_feed, settings, before_the_feeds):
    settings.ENSEMBLE_FEED_MAX_DATES = 3
    routes.fixture("/google.ics", "google.ics")
    assert refused(make_feed("/google.ics")) == "too_many_dates"


@pytest.mark.parametrize("freq", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_rules_repeating_within_a_day_are_refused(routes, make_feed, freq, before_the_feeds):
    body = (FEEDS / "nextcloud.ics").read_text()
    body = body.replace(
        "STATUS:CONFIRMED", f"STATUS:CONFIRMED\nRRULE:FREQ={freq};BYMONTH=2;BYMONTHDAY=30"
    )
    routes.calendar("/fast.ics", body.encode())
    assert refused(make_feed("/fast.ics")) == "too_frequent"


def test_error_status_is_refused(routes, make_feed):
    assert refused(make_feed("/nothing-here.ics")) == "status"


def test_a_failure_midway_keeps_nothing(routes, make_feed, before_the_feeds, monkeypatch):
    """One transaction per run: an error after some pages were made undoes them."""
    routes.fixture("/google.ics", "google.ics")
    calls = []
    real = importer.import_event

    def fail_second(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return real(*args)

    monkeypatch.setattr(importer, "import_event", fail_second)
    assert refused(make_feed("/google.ics")) == "failed"
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("webcal://calendar.example.org/basic.ics", "https://calendar.example.org/basic.ics"),
        ("HTTPS://example.org", "https://example.org/"),
    ],
)
def test_webcal_reads_as_https(address, expected):
    assert fetch.normalize(address) == expected


@pytest.mark.parametrize(
    "address", ["file:///etc/passwd", "javascript:alert(1)", "ftp://x/y", "https://u:p@x.org/"]
)
def test_other_addresses_are_refused(address):
    with pytest.raises(Refused):
        fetch.normalize(address)


def test_refusals_are_explained_in_each_language():
    record = {"code": "private_address", "host": "10.0.0.5"}
    texts = {}
    for lang in ("fr", "es", "en"):
        with translation.override(lang):
            texts[lang] = describe(record)
    assert all("10.0.0.5" in text for text in texts.values())
    assert texts["fr"] != texts["en"] and texts["es"] != texts["en"]


def test_unreachable_server(make_feed, routes):
    # A port held but not listening: the connection is refused.
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        port = held.getsockname()[1]
        feed = make_feed("/x")
        feed.url = f"http://127.0.0.1:{port}/x"
        feed.save()
        assert refused(feed) == "unreachable"


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.2", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fd00::1", False),
        ("fe80::1%eth0", False),
        ("::ffff:10.0.0.1", False),
        ("224.0.0.1", False),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
    ],
)
def test_only_public_addresses_pass(address, public, settings):
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = []
    assert addresses.is_public(address) is public


@pytest.mark.parametrize(
    ("address", "public"),
    [
        # IPv4-compatible (deprecated): Python 3.11 calls them global.
        ("::7f00:1", False),
        ("::a9fe:a9fe", False),
        ("::808:808", True),
        # IPv4-translated (SIIT).
        ("::ffff:0:7f00:1", False),
        ("::ffff:0:808:808", True),
        # NAT64's well-known prefix: the gateway connects to the IPv4 address.
        ("64:ff9b::7f00:1", False),
        ("64:ff9b::a9fe:a9fe", False),
        ("64:ff9b::c0a8:101", False),
        ("64:ff9b::808:808", True),
        # 6to4: the IPv4 address is bits 16-47.
        ("2002:7f00:1::1", False),
        ("2002:a00:5::1", False),
        ("2002:808:808::1", True),
        # Refused whatever they carry.
        ("64:ff9b:1::808:808", False),  # NAT64 local use
        ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
        ("fec0::1", False),  # site-local (deprecated)
        ("3fff::1", False),  # documentation
        ("5f00::1", False),  # SRv6
        ("ff0e::1", False),  # global-scope multicast
        ("::", False),
    ],
)
def test_ipv6_forms_that_lead_to_an_ipv4_address_are_judged_by_it(address, public, settings):
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = []
    assert addresses.is_public(address) is public


def test_an_allowed_network_covers_its_ipv6_forms(settings):
    settings.ENSEMBLE_FEED_ALLOWED_NETWORKS = ["10.20.0.0/16"]
    for address in ("10.20.1.2", "::ffff:10.20.1.2", "64:ff9b::a14:102", "2002:a14:102::1"):
        assert addresses.is_public(address), address
    assert not addresses.is_public("10.21.0.1")


def test_plain_http_to_a_public_host_is_refused_before_connecting(
    make_feed, routes, dns, monkeypatch
):
    dns["calendrier.example.org"] = ["93.184.215.14"]
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: pytest.fail("connected"))
    feed = make_feed("/x")
    feed.url = "http://calendrier.example.org/c.ics"
    feed.save()
    assert refused(feed) == "plain_http"


def test_a_redirect_to_plain_http_is_refused(routes, make_feed, dns):
    # The test server is plain http on 127.0.0.1, allowed for these tests; the target is
    # a public name.
    dns["calendrier.example.org"] = ["93.184.215.14"]
    routes["/moved.ics"] = (302, {"Location": "http://calendrier.example.org/c.ics"}, b"")
    assert refused(make_feed("/moved.ics")) == "plain_http"
