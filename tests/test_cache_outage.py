"""Redis down (REDIS_URL at a port where nothing listens): public pages, the RSVP form,
the feeds and the admin still answer; rate limits fail open or closed as decided in
docs/deploy.md ("Cache outage"); /healthz says "degraded" without taking the instance
out of rotation."""

import json
import re

import pytest
from django.contrib.auth import get_user_model

from activities.models import ActivitiesIndexPage, EventDate
from calendars import feeds
from tests.factories import EventFactory

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
