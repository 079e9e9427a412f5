"""The counts: each person once over the period, by month, category, region…"""

import datetime as dt

import pytest

from reports.services import scope
from reports.services.tables import build
from rsvp.models import RsvpStatus
from tests.reports.helpers import SEASON, past_date, rsvp, walk_in

pytestmark = pytest.mark.django_db


def values(table_row):
    return {metric: cell.value for metric, cell in table_row.cells.items()}


def test_a_person_coming_every_week_is_reached_once_with_their_largest_party(events, orgs):
    hike, _soccer = events
    aide, _sana = orgs
    phone = "+18195551234"
    for week in range(6):
        date = past_date(hike, dt.date(2025, 6, 7) + dt.timedelta(weeks=week))
        rsvp(date, phone, party=2 if week else 3, attended=week < 4)
    tables = build(SEASON, scope.event_filter([aide]))
    total = values(tables["month"].total)
    assert total["registrations"] == 6
    assert total["people"] == 13
    assert total["came"] == 9
    assert total["reached"] == 3
    assert total["supported"] == 3
    june, july = (values(r) for r in tables["month"].rows[2:4])
    assert (june["registrations"], june["reached"], june["came"]) == (4, 3, 9)
    assert (july["registrations"], july["reached"], july["came"]) == (2, 2, 0)


def test_statuses_walk_ins_and_breakdowns(events, orgs):
    hike, _soccer = events
    aide, _sana = orgs
    date = past_date(hike, dt.date(2025, 8, 2))
    rsvp(date, party=4, status=RsvpStatus.CANCELLED)
    rsvp(date, party=3, status=RsvpStatus.WAITLISTED, language="fr")
    rsvp(date, party=2, attended=True, needs_transport=True)
    walk_in(date, party=5)
    walk_in(date, party=1)
    tables = build(SEASON, scope.event_filter([aide]))
    total = values(tables["category"].total)
    assert total == {
        "registrations": 3,
        "people": 8,
        "came": 8,
        "walk_ins": 6,
        "waitlisted": 3,
        "cancelled": 4,
        "reached": 15,
        "supported": 8,
    }
    languages = {r.label: values(r)["reached"] for r in tables["language"].rows}
    assert languages == {"Espagnol": 12, "Français": 3}
    rides = {r.label: values(r)["reached"] for r in tables["transport"].rows}
    assert list(rides.values()) == [2, 13]
    assert [r.label for r in tables["region"].rows] == ["Estrie"]
    assert [r.label for r in tables["category"].rows] == ["Sorties"]


def test_dates_outside_the_period_and_other_organizations_are_left_out(events, orgs):
    hike, soccer = events
    aide, _sana = orgs
    rsvp(past_date(hike, dt.date(2025, 3, 31), hour=23), party=7)
    rsvp(past_date(hike, dt.date(2026, 4, 1), hour=0), party=7)
    rsvp(past_date(soccer, dt.date(2025, 5, 3)), party=7)
    rsvp(past_date(hike, dt.date(2025, 4, 1), hour=0), party=6)
    tables = build(SEASON, scope.event_filter([aide]))
    assert values(tables["month"].total)["people"] == 6
    every = build(SEASON, None)
    assert values(every["month"].total)["people"] == 13
