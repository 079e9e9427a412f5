"""A real feed, served from the database, read by three parsers: same instants as zoneinfo."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.models import EventDate
from rsvp.services.schedule import add_date
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _nth_sunday(year, month, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


@pytest.fixture
def clock_change_events(site_tree):
    """Toronto and Halifax activities on and around next year's clock changes."""
    year = timezone.localdate().year + 1
    spring, autumn = _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)
    days = [
        spring - dt.timedelta(days=1),
        spring,
        spring + dt.timedelta(days=1),
        dt.date(year, 7, 15),
        autumn - dt.timedelta(days=1),
        autumn,
        autumn + dt.timedelta(days=1),
    ]
    for tzid in ("America/Halifax", "America/Toronto"):
        zone = ZoneInfo(tzid)
        event = EventFactory(
            timezone=tzid, first_date=days[0], start_time=dt.time(10, 30), end_time=dt.time(15)
        )
        for day in days[1:]:
            start = dt.datetime.combine(day, dt.time(10, 30), zone)
            add_date(event, start, start + dt.timedelta(hours=4, minutes=30))
        # Overnight, across the change of each season.
        for change in (spring, autumn):
            start = dt.datetime.combine(change - dt.timedelta(days=1), dt.time(22), zone)
            add_date(event, start, dt.datetime.combine(change, dt.time(4), zone))
    return year


def test_feed_instants_match_zoneinfo(clock_change_events, client, resolve):
    response = client.get("/feeds/events.ics")
    assert response.status_code == 200
    expected = {
        d.uid: (d.start.astimezone(dt.UTC), d.end.astimezone(dt.UTC))
        for d in EventDate.objects.all()
    }
    assert len(expected) == 2 * 9
    months = {
        d.start.astimezone(ZoneInfo("America/Halifax")).month for d in EventDate.objects.all()
    }
    assert {3, 7, 11} <= months
    body = response.content.decode()
    assert "BEGIN:VTIMEZONE\r\nTZID:America/Halifax" in body
    assert "DTSTART;TZID=America/Halifax:" in body
    assert resolve(response.content) == expected
