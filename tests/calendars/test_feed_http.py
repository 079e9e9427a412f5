"""HTTP behaviour of the feeds: headers, conditional GETs, the cache, query counts."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date

from calendars import feeds
from rsvp.services.schedule import add_date, cancel_date
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

FEED = "/feeds/events.ics"


def test_feed_headers(site_tree, client):
    EventFactory()
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["ETag"].startswith('"') and len(response["ETag"]) == 34
    assert response["Last-Modified"].endswith("GMT")
    assert "Content-Disposition" not in response  # a subscription, not a download
    assert "max-age" in response["Cache-Control"]


def test_head_answers_like_get(site_tree, client):
    EventFactory()
    get, head = client.get(FEED), client.head(FEED)
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head.content == b""


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        (FEED, 1),  # the fingerprint
        ("/feeds/events.ics?lang=es&region=05&category=outing", 2),  # + the category
        ("/feeds/organizations/{org}.ics", 2),  # + the organization
        ("/feeds/events/{page}.ics", 3),  # + the page and its translations
        ("/feeds/dates/{date}.ics?lang=en", 3),  # + the date and its page's translations
    ],
)
def test_conditional_get_answers_304_without_building(
    site_tree, client, monkeypatch, django_assert_num_queries, path, queries
):
    event = EventFactory(repeat_weekly_until=None)
    path = path.format(
        org=event.get_parent().slug, page=event.pk, date=event.shared_dates().get().pk
    )
    first = client.get(path)
    assert first.status_code == 200

    def refuse(*args, **kwargs):
        raise AssertionError("the feed was built")

    monkeypatch.setattr(feeds, "build", refuse)
    with django_assert_num_queries(queries):
        response = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    assert response["ETag"] == first["ETag"]
    assert response.content == b""

    response = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 304


def test_cached_feed_is_served_without_building(site_tree, client, monkeypatch):
    EventFactory(repeat_weekly_until=None)
    first = client.get(FEED)

    def refuse(*args, **kwargs):
        raise AssertionError("the feed was built")

    monkeypatch.setattr(feeds, "build", refuse)
    second = client.get(FEED)
    assert second.status_code == 200
    assert second.content == first.content


def test_a_change_invalidates_etag_cache_and_last_modified(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    first = client.get(FEED)
    cancel_date(event.shared_dates().get())
    response = client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200
    assert b"STATUS:CANCELLED" in response.content
    assert response["ETag"] != first["ETag"]


def test_last_modified_follows_the_data(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    date = event.shared_dates().get()
    stamp = max(date.modified_at, event.last_published_at)
    response = client.get(FEED)
    # The window moves at local midnight, which may be later than the data.
    today = feeds._window(None)[1]
    assert response["Last-Modified"] == http_date(max(stamp, today).timestamp())


def _dates_for(event, count):
    start = event.shared_dates().order_by("start").first().start
    for week in range(1, count):
        add_date(event, start + dt.timedelta(days=week), start + dt.timedelta(days=week, hours=2))


def _queries_of_a_built_feed(client, path):
    # Also empties Wagtail's cached site root paths (two queries), for both sizes alike.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), len(icalendar.Calendar.from_ical(response.content).events)


@pytest.mark.parametrize(
    "path",
    [FEED, "/feeds/events.ics?lang=es&region=05&category=outing", "/feeds/events/{page}.ics"],
)
def test_query_count_does_not_grow_with_the_dates(translated_event, client, path):
    few = translated_event(repeat_weekly_until=None)["fr"]
    _dates_for(few, 5)
    path = path.format(page=few.pk)
    small, events_small = _queries_of_a_built_feed(client, path)
    many = translated_event(repeat_weekly_until=None)["fr"]
    _dates_for(many, 45)
    start = few.shared_dates().order_by("start").first().start  # the series grows too
    add_date(few, start + dt.timedelta(days=40), start + dt.timedelta(days=40, hours=2))
    large, events_large = _queries_of_a_built_feed(client, path)
    assert events_small >= 5
    assert events_large >= 5 and events_large != events_small
    assert large == small


def test_date_download(translated_event, client):
    versions = translated_event(repeat_weekly_until=None)
    date = versions["fr"].shared_dates().get()
    response = client.get(f"/feeds/dates/{date.pk}.ics", {"lang": "es"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    day = date.start.astimezone(ZoneInfo(versions["fr"].timezone)).date()
    assert response["Content-Disposition"] == (
        f'attachment; filename="{versions["es"].slug}-{day.isoformat()}.ics"'
    )
    cal = icalendar.Calendar.from_ical(response.content)
    assert len(cal.events) == 1
    assert str(cal.events[0]["UID"]) == date.uid
    assert str(cal.events[0]["SUMMARY"]) == versions["es"].title
    assert len(cal.timezones) == 1


def test_series_download_in_the_pages_language(translated_event, client):
    versions = translated_event(repeat_weekly_until=None)
    fr = versions["fr"]
    _dates_for(fr, 3)
    response = client.get(f"/feeds/events/{versions['en'].pk}.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{versions["en"].slug}.ics"'
    cal = icalendar.Calendar.from_ical(response.content)
    assert {str(e["SUMMARY"]) for e in cal.events} == {versions["en"].title}
    assert len(cal.events) == 3
    # ?lang= overrides the page's language.
    cal = icalendar.Calendar.from_ical(
        client.get(f"/feeds/events/{versions['en'].pk}.ics", {"lang": "es"}).content
    )
    assert {str(e["SUMMARY"]) for e in cal.events} == {versions["es"].title}


def test_date_download_keeps_a_past_date(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    date = event.shared_dates().get()
    date.start -= dt.timedelta(days=400)
    date.end -= dt.timedelta(days=400)
    date.save()
    assert client.get(FEED).content.count(b"BEGIN:VEVENT") == 0
    assert client.get(f"/feeds/dates/{date.pk}.ics").status_code == 200
