"""The three language versions of an event share one set of dates (invariant 1,
docs/architecture.md#invariant-1)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from core.translations import translate
from events.models import EventDate, EventPage, PickupPoint
from rsvp.services.schedule import cancel_date, move_date
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")


def translated_event(**kwargs):
    event = EventFactory(**kwargs)
    org = event.get_parent().specific
    translate(org, "es", {})
    translate(org, "en", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    en = translate(event, "en", {event.title: "Walk", event.slug: "walk"})
    return event, es, en


def test_translations_create_no_dates_of_their_own(site_tree):
    event, es, en = translated_event(repeat_weekly_until=None)
    assert EventDate.objects.count() == 1
    ids = [list(page.shared_dates().values_list("pk", flat=True)) for page in (event, es, en)]
    assert ids[0] == ids[1] == ids[2] and len(ids[0]) == 1


def test_resaving_a_translation_keeps_the_dates(site_tree):
    event, es, _en = translated_event()
    before = list(EventDate.objects.values_list("pk", "start"))
    es.start_time = dt.time(12, 0)  # a stale or hand-edited translation must not move seats
    es.save_revision().publish()
    assert list(EventDate.objects.values_list("pk", "start")) == before


def test_moving_a_date_once_shows_in_all_three_languages(site_tree, client):
    event, es, en = translated_event()
    date = event.shared_dates().get()
    saturday = date.start.astimezone(TORONTO).date()
    move_date(
        date,
        dt.datetime.combine(saturday, dt.time(13, 45), TORONTO),
        dt.datetime.combine(saturday, dt.time(17, 0), TORONTO),
    )

    expected = {"fr": "13 h 45", "es": "13:45", "en": "1:45 PM"}
    for page in (event, es, en):
        assert page.shared_dates().get().pk == date.pk
        html = client.get(page.url).content.decode()
        assert expected[page.locale.language_code] in html, page.locale


def test_cancelling_a_date_shows_it_cancelled_in_every_language(site_tree, client):
    event, es, en = translated_event(
        repeat_weekly_until=None,
    )
    cancel_date(event.shared_dates().get())
    words = {"fr": "Annulée", "es": "Cancelada", "en": "Cancelled"}
    for page in (event, es, en):
        html = client.get(page.url).content.decode()
        assert words[page.locale.language_code] in html


def test_pickup_points_keep_one_key_across_languages(site_tree):
    event = EventFactory()
    event.pickup_points.add(
        PickupPoint(name="Église Sainte-Edwidge", time=dt.time(8, 15), locale=event.locale)
    )
    event.save_revision().publish()
    translate(event.get_parent().specific, "es", {})
    es = translate(event, "es", {"Église Sainte-Edwidge": "Iglesia Sainte-Edwidge"})
    fr_point = event.pickup_points.get()
    es_point = EventPage.objects.get(pk=es.pk).pickup_points.get()
    assert es_point.pk != fr_point.pk
    assert es_point.translation_key == fr_point.translation_key
    assert es_point.name == "Iglesia Sainte-Edwidge"
