"""One answer each to "the original page" and "this weekend"."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from core.originals import original_page
from core.translations import translate
from core.when import this_weekend, week_version
from events.models import EventDate
from organizations.models import OrganizationPage
from tests.factories import EventFactory

QC = ZoneInfo("America/Toronto")


@pytest.mark.parametrize(
    "day, saturday",
    [
        (dt.date(2026, 12, 28), dt.date(2027, 1, 2)),  # Monday of ISO week 53
        (dt.date(2027, 1, 1), dt.date(2027, 1, 2)),  # Friday, a new year
        (dt.date(2027, 1, 2), dt.date(2027, 1, 2)),  # Saturday itself
        (dt.date(2027, 1, 3), dt.date(2027, 1, 2)),  # Sunday: the weekend under way
        (dt.date(2027, 1, 4), dt.date(2027, 1, 9)),  # next Monday: the next one
        (dt.date(2027, 3, 13), dt.date(2027, 3, 13)),  # the eve of the spring change
    ],
)
def test_this_weekend_is_saturday_to_monday_of_the_current_week(day, saturday):
    now = dt.datetime.combine(day, dt.time(23, 30), tzinfo=QC)
    start, end = this_weekend(now)
    assert (start.date(), end.date()) == (saturday, saturday + dt.timedelta(days=2))
    assert start.time() == end.time() == dt.time(0)
    assert this_weekend(week=week_version(now)) == (start, end)


@pytest.mark.django_db
def test_every_translation_and_every_date_lead_to_the_same_original(site_tree):
    event = EventFactory()
    org = OrganizationPage.objects.get(pk=event.get_parent().pk)
    translate(org, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    assert es.pk != event.pk
    assert original_page(es).pk == original_page(event).pk == event.pk
    assert es.original().pk == event.pk and not es.is_original()
    date = EventDate.objects.for_event(es).get()
    assert original_page(date).pk == event.pk
    joined = EventDate.objects.select_related("event").get(pk=date.pk)
    assert original_page(joined) is joined.event
    assert original_page(joined, fresh=True) is not joined.event
    es_org = OrganizationPage.objects.get(translation_key=org.translation_key, locale=es.locale)
    assert original_page(es_org).pk == org.pk
