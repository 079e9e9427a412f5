"""Feeds answer whatever date a row holds, even one no form lets staff give (a row
written straight to the database): what a calendar cannot carry is left out."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from events.models import EventDate
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# The last and the first instants Python holds, and a form's 9999-12-31 10:00 in Québec.
STORED = {
    "9999-12-31-late": (
        dt.datetime(9999, 12, 31, 22, tzinfo=UTC),
        dt.datetime.max.replace(tzinfo=UTC),
    ),
    "9999-12-31": (
        dt.datetime(9999, 12, 31, 15, tzinfo=UTC),
        dt.datetime(9999, 12, 31, 20, tzinfo=UTC),
    ),
    "0001-01-01": (dt.datetime(1, 1, 1, tzinfo=UTC), dt.datetime(1, 1, 1, 1, tzinfo=UTC)),
    "0001-01-01-quebec": (dt.datetime(1, 1, 1, 6, tzinfo=UTC), dt.datetime(1, 1, 1, 8, tzinfo=UTC)),
}


def uids(response):
    return [
        str(event["UID"]) for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    ]


@pytest.mark.parametrize("name", STORED)
def test_every_feed_answers_and_leaves_out_what_it_cannot_carry(site_tree, client, name):
    event = EventFactory()
    kept = event.shared_dates().get()
    start, end = STORED[name]
    odd = EventDate.objects.create(event=event, start=start, end=end, capacity=5)
    organization = event.get_parent()
    for path in (
        "/feeds/events.ics",
        "/feeds/events.ics?region=05&lang=es",
        f"/feeds/organizations/{organization.slug}.ics",
        f"/feeds/events/{event.pk}.ics",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert uids(response) == [kept.uid], path
    response = client.get(f"/feeds/dates/{odd.pk}.ics")
    assert response.status_code == 200
    assert uids(response) == []
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert uids(client.get(f"/feeds/dates/{kept.pk}.ics")) == [kept.uid]
