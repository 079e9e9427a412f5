"""A fixed clock (Thursday 26 November 2026, ISO week 48), activities in two regions,
and subscriptions made directly (the pages have their own tests)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from core.translations import translate
from events.models import EventDate
from notifications import sms
from tests.factories import EventFactory, OrganizationFactory

QC = ZoneInfo("America/Toronto")
THURSDAY = dt.datetime(2026, 11, 26, 15, 0, tzinfo=QC)
SATURDAY = dt.date(2026, 11, 28)
WEEK = 202648


@pytest.fixture(autouse=True)
def fresh_state():
    cache.clear()
    sms.outbox = []
    yield
    cache.clear()


class Clock:
    """time-machine's clock, stopped, with the moment it shows at hand."""

    def __init__(self, time_machine):
        self.time_machine = time_machine
        self.now = THURSDAY

    def set(self, moment):
        self.now = moment
        self.time_machine.move_to(moment, tick=False)
        return moment

    def advance(self, **delta):
        return self.set(self.now + dt.timedelta(**delta))


@pytest.fixture
def clock(time_machine):
    clock = Clock(time_machine)
    clock.set(THURSDAY)
    return clock


@pytest.fixture
def weekend(clock, site_tree):
    """A hike on Saturday in Estrie (fr + es), a soccer match on Sunday in Montérégie,
    a workshop next week in Estrie and a cancelled date in Estrie."""
    aide = OrganizationFactory(title="AIDE", slug="aide", region="05")
    translate(aide, "es", {})
    hike = EventFactory(
        parent=aide,
        title="Randonnée au mont Pinacle",
        slug="randonnee",
        place_name="Parc de la Gorge",
        municipality="Coaticook",
        region="05",
        first_date=SATURDAY,
        transport_provided=True,
    )
    translate(hike, "es", {hike.title: "Caminata al mont Pinacle", hike.slug: "caminata"})
    soccer = EventFactory(
        title="Match de soccer",
        slug="soccer",
        region="16",
        municipality="Saint-Rémi",
        first_date=SATURDAY + dt.timedelta(days=1),
    )
    later = EventFactory(
        parent=aide, title="Atelier de cuisine", slug="cuisine", region="05",
        first_date=SATURDAY + dt.timedelta(days=7),
    )  # fmt: skip
    cancelled = EventFactory(
        parent=aide, title="Fête annulée", slug="fete", region="05", first_date=SATURDAY
    )
    EventDate.objects.for_event(cancelled).update(status="cancelled")
    return {"hike": hike, "soccer": soccer, "later": later, "cancelled": cancelled}
