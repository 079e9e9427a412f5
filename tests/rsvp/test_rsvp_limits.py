"""Anti-spam without third parties: honeypot, minimum fill time, rate limits."""

import time

import pytest
from django.core import signing
from django.utils.html import escape

from events.models import EventDate
from rsvp.forms import STAMP_SALT
from rsvp.models import MessageKind, Rsvp
from tests.factories import EventFactory
from tests.rsvp.test_rsvp_pages import form_data, rsvp_url
from tests.rsvp_helpers import send_due

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_date(site_tree):
    event = EventFactory(capacity=50, max_party_size=4)
    return event, EventDate.objects.for_event(event).get()


def test_honeypot_filled_saves_nothing(event_date, client):
    event, date = event_date
    response = client.post(rsvp_url(event), form_data(date, website="http://spam.example"))
    assert response.status_code == 400
    assert escape("n'a pas pu être envoyée") in response.content.decode()
    assert not Rsvp.objects.exists()


@pytest.mark.parametrize(
    "stamp",
    [
        lambda: signing.dumps(time.time(), salt=STAMP_SALT),  # just now
        lambda: "forged",
        lambda: "",
        lambda: signing.dumps(time.time() - 60, salt="other"),
    ],
)
def test_too_fast_or_forged_stamp_saves_nothing(event_date, client, stamp, settings):
    settings.ENSEMBLE_RSVP_MIN_FILL_SECONDS = 3
    event, date = event_date
    response = client.post(rsvp_url(event), form_data(date, stamp=stamp()))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vérifiez vos réponses" in html
    assert 'value="Ana"' in html, "what the person typed is kept"
    assert not Rsvp.objects.exists()


def numbers():
    return (f"+1819555{n:04d}" for n in range(2000, 2100))


@pytest.mark.parametrize("limit", ["ip", "date"])
def test_ip_and_date_limits(event_date, client, settings, limit):
    settings.ENSEMBLE_RSVP_RATES = {
        "ip": "100/h",
        "date": "100/h",
        "contact": "100/h",
        limit: "2/h",
    }
    event, date = event_date
    phones = numbers()
    for _ in range(2):
        assert client.post(rsvp_url(event), form_data(date, phone=next(phones))).status_code == 200
    response = client.post(rsvp_url(event), form_data(date, phone=next(phones)))
    assert response.status_code == 429
    assert escape("Trop d'inscriptions") in response.content.decode()
    assert Rsvp.objects.count() == 2


def test_date_limit_counts_across_ips(event_date, client, settings):
    settings.ENSEMBLE_RSVP_RATES = {"ip": "100/h", "date": "2/h", "contact": "100/h"}
    event, date = event_date
    phones = numbers()
    for ip in ("10.0.0.1", "10.0.0.2"):
        client.post(rsvp_url(event), form_data(date, phone=next(phones)), REMOTE_ADDR=ip)
    response = client.post(
        rsvp_url(event), form_data(date, phone=next(phones)), REMOTE_ADDR="10.0.0.3"
    )
    assert response.status_code == 429


def test_contact_limit_counts_across_ips(event_date, client, settings):
    settings.ENSEMBLE_RSVP_RATES = {"ip": "100/h", "date": "100/h", "contact": "2/h"}
    event, date = event_date
    for n, ip in enumerate(("10.0.0.1", "10.0.0.2")):
        response = client.post(rsvp_url(event), form_data(date, party_size=n + 1), REMOTE_ADDR=ip)
        assert response.status_code == 200
        send_due()
    response = client.post(rsvp_url(event), form_data(date, party_size=4), REMOTE_ADDR="10.0.0.3")
    assert response.status_code == 429
    rsvp = Rsvp.objects.get()
    assert rsvp.party_size == 1, "asking again changes nothing"
    # The second request sent the link again; the refused third one queued nothing.
    assert rsvp.messages.filter(kind=MessageKind.MANAGE_LINK).count() == 1
