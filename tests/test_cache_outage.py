"""Redis down (REDIS_URL at a port where nothing listens): public pages, the RSVP form,
the feeds and the admin still answer; rate limits fail open or closed as decided in
docs/deploy.md ("Cache outage"); /healthz says "degraded" without taking the instance
out of rotation."""

import json
import logging
import re

import pytest
from django.contrib.auth import get_user_model

from calendars import feeds
from digest.models import DigestSubscription
from events.models import ActivitiesIndexPage, EventDate
from notifications import dispatcher, sms
from rsvp.models import Rsvp, RsvpStatus
from tests.digest.helpers import subscribe, url
from tests.factories import EventFactory
from tests.outage import dead_redis_url, deployment_caches
from tests.rsvp.test_rsvp_pages import form_data, rsvp_url

pytestmark = pytest.mark.django_db

CODE = re.compile(r"\b(\d{6})\b")


@pytest.fixture
def event(site_tree):
    page = EventFactory(capacity=4, max_party_size=4)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def date(event):
    return EventDate.objects.for_event(event).get()


def activities_url():
    return ActivitiesIndexPage.objects.get(locale__language_code="fr").url


def test_public_pages_answer(event, client, cache_down):
    for path in ("/fr/", "/es/", activities_url(), event.url, "/sitemap.xml"):
        response = client.get(path)
        assert response.status_code == 200, path
    assert event.title in client.get(activities_url()).content.decode()


def test_the_rsvp_form_takes_a_seat(event, date, client, cache_down):
    assert client.get(rsvp_url(event)).status_code == 200
    response = client.post(rsvp_url(event), form_data(date, party_size=2))
    assert response.status_code == 200
    assert "Regardez votre cellulaire" in response.content.decode()
    rsvp = Rsvp.objects.get(date=date)
    assert (rsvp.status, rsvp.party_size) == (RsvpStatus.CONFIRMED, 2)


def test_the_feed_is_built_uncached_without_waiting_for_a_builder(
    event, date, client, monkeypatch, cache_down
):
    def no_waiting(seconds):
        raise AssertionError("waited for a build lock the cache cannot hold")

    monkeypatch.setattr(feeds.time, "sleep", no_waiting)
    for _ in range(2):
        response = client.get("/feeds/events.ics")
        assert response.status_code == 200
        assert event.title in response.content.decode()
    for path in (f"/feeds/events/{event.pk}.ics", f"/feeds/dates/{date.pk}.ics"):
        assert client.get(path).status_code == 200, path


def test_the_admin_logs_in_and_shows_its_pages(site_tree, client, cache_down):
    get_user_model().objects.create_superuser("chef", "chef@example.org", "pw")
    assert client.get("/admin/login/").status_code == 200
    response = client.post("/admin/login/", {"username": "chef", "password": "pw"})
    assert response.status_code == 302
    for path in ("/admin/", "/admin/pages/"):
        assert client.get(path).status_code == 200, path


def test_an_editor_publishes_during_the_outage(event, client, cache_down):
    event.title = "Randonnée au mont Pinacle"
    event.save_revision().publish()  # what the admin's Publish does; purges the caches
    assert "Randonnée au mont Pinacle" in client.get(activities_url()).content.decode()


def test_health_says_degraded_and_keeps_the_instance_in_rotation(client, cache_down):
    response = client.get("/healthz")
    # A cache outage hits every instance at once: a 503 would take them all out.
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "failed"},
    }


# -- rate limits: open for RSVPs, closed for digest sign-ups, open for digest codes --


def test_rsvp_limits_let_registrations_through(event, date, client, settings, cache_down):
    settings.ENSEMBLE_RSVP_RATES = {"ip": "1/h", "date": "1/h", "contact": "1/h"}
    for phone in ("819 555 0142", "819 555 0143", "819 555 0144"):
        response = client.post(rsvp_url(event), form_data(date, party_size=1, phone=phone))
        assert response.status_code == 200
    assert Rsvp.objects.filter(date=date, status=RsvpStatus.CONFIRMED).count() == 3


def test_digest_sign_ups_are_paused(site_tree, client, cache_down):
    sms.outbox = []
    response = subscribe(client, "fr", email="", phone="+18195550199")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Les inscriptions sont suspendues" in html
    assert 'value="819 555-0199"' in html or "8195550199" in html, "what was typed is kept"
    assert not DigestSubscription.objects.exists()
    dispatcher.dispatch()
    assert sms.outbox == []


def test_a_code_sent_before_the_outage_still_confirms(site_tree, client, settings):
    sms.outbox = []
    subscribe(client, "es", email="", phone="+18195550142")
    dispatcher.dispatch()
    code = CODE.search(sms.outbox[-1].body).group(1)
    settings.CACHES = deployment_caches(dead_redis_url())
    response = client.post(url("events_digest_code", "es"), {"phone": "+18195550142", "code": code})
    assert response.status_code == 200
    assert DigestSubscription.objects.get().status == "active"


def test_the_outage_is_logged_once(event, date, client, caplog, cache_down):
    with caplog.at_level(logging.INFO):
        for _ in range(3):
            client.get(event.url)
            client.post(rsvp_url(event), form_data(date))
            client.get("/healthz")
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert len(lines) == len(set(lines)), "a line repeated per call or per request"
    started = [line for line in lines if "unreachable" in line]
    assert len(started) == 1, lines
    # Where, never the URL (it may hold a password).
    assert cache_down.removeprefix("redis://").removesuffix("/0") in started[0]
