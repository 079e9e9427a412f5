"""Erasing contact data after the season leaves the season's figures as they were."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import EventDate
from reports.periods import Period
from reports.services import scope
from reports.services.tables import build
from rsvp.models import Rsvp
from rsvp.services import retention
from tests.factories import EventFactory
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db


def figures(period, org):
    tables = build(period, scope.event_filter([org]))
    return {
        slug: [(r.label, {m: c.value for m, c in r.cells.items()}) for r in [*t.rows, t.total]]
        for slug, t in tables.items()
    }


def test_last_seasons_totals_survive_the_retention_erase(orgs):
    aide, _sana = orgs
    event = EventFactory(parent=aide, capacity=50, max_party_size=6)
    dates = list(EventDate.objects.for_event(event))
    first = dates[0]
    second = EventDate.objects.create(
        event=first.event,
        start=first.start + dt.timedelta(days=7),
        end=first.end + dt.timedelta(days=7),
    )
    for date in (first, second):
        ask(date, 3, phone="+18195550101", language="es")
        ask(date, 1, phone="", email="jean@example.org", language="fr")
    ask(first, 5, phone="+50255512345", is_group=True, group_label="Ferme X")
    Rsvp.objects.filter(phone="+18195550101").update(attended=True)
    start = timezone.localtime(first.start).date()
    period = Period(start, start + dt.timedelta(days=30))
    before = figures(period, aide)
    assert before["month"][-1][1]["reached"] == 9  # 3 + 1 + 5: each contact once

    retention.erase_expired(now=second.end + dt.timedelta(days=400))
    assert not Rsvp.objects.exclude(phone="", email="").exists()
    assert figures(period, aide) == before
