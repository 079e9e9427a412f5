"""A fixed Thursday afternoon, and an activity translated into Spanish with pickup points.

The clock is fixed so that "this weekend" and the words of dates are known in advance:
Thursday 26 November 2026, 15:00 in Québec; the weekend is the 28th and 29th.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from core.translations import translate
from events.models import PickupPoint
from tests.factories import EventFactory, OrganizationFactory

QC = ZoneInfo("America/Toronto")
THURSDAY = dt.datetime(2026, 11, 26, 15, 0, tzinfo=QC)
SATURDAY = dt.date(2026, 11, 28)


@pytest.fixture
def thursday(time_machine):
    time_machine.move_to(THURSDAY, tick=False)
    return THURSDAY


@pytest.fixture
def organization(site_tree):
    org = OrganizationFactory(title="AIDE", slug="aide", phone="+18195550142", region="05")
    translate(org, "es", {})
    translate(org, "en", {})
    return org


def make_event(organization, *, title="Randonnée au mont Pinacle", es_title=None, **fields):
    fields.setdefault("first_date", SATURDAY)
    event = EventFactory(parent=organization, title=title, **fields)
    return event


def with_pickups(event):
    event.pickup_points.add(
        PickupPoint(name="Église Sainte-Edwidge", time=dt.time(7, 50), locale=event.locale)
    )
    event.pickup_points.add(
        PickupPoint(name="Bureau de l'AIDE", time=dt.time(8, 35), locale=event.locale)
    )
    event.save_revision().publish()
    event.refresh_from_db()
    return event


@pytest.fixture
def hike(thursday, organization):
    """A free hike on Saturday the 28th, repeated for six weeks, with a ride, in fr and es."""
    event = make_event(
        organization,
        slug="randonnee",
        summary="Une randonnée avec vue sur la région.",
        repeat_weekly_until=SATURDAY + dt.timedelta(weeks=5),
        transport_provided=True,
        what_to_bring="Un lunch et de bonnes chaussures.",
    )
    event = with_pickups(event)
    es = translate(
        event,
        "es",
        {
            event.title: "Caminata al mont Pinacle",
            event.slug: "caminata",
            event.summary: "Una caminata con vista a la región.",
            "Un lunch et de bonnes chaussures.": "Su comida y zapatos cómodos.",
            "Église Sainte-Edwidge": "Iglesia de Sainte-Edwidge",
            "Bureau de l'AIDE": "Oficina de AIDE",
        },
    )
    return event, es
