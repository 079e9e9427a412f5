"""What the feeds built from the database say, in each language."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest
from django.core.cache import cache

from calendars import feeds
from calendars.filters import FeedFilters
from events.models import EventDate, EventPage
from rsvp.services.schedule import cancel_date, move_date
from tests.factories import EventFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def events(client, **params):
    response = client.get("/feeds/events.ics", params)
    assert response.status_code == 200, response.content
    return icalendar.Calendar.from_ical(response.content)


def by_uid(cal):
    return {str(e["UID"]): e for e in cal.events}


def test_uid_is_the_same_in_every_language(translated_event, client):
    versions = translated_event(repeat_weekly_until=None)
    date = versions["fr"].shared_dates().get()
    uids = {lang: set(by_uid(events(client, lang=lang))) for lang in ("fr", "es", "en")}
    assert uids["fr"] == uids["es"] == uids["en"] == {date.uid}


def test_text_is_in_the_feeds_language(translated_event, client):
    versions = translated_event(repeat_weekly_until=None)
    date = versions["fr"].shared_dates().get()
    es = by_uid(events(client, lang="es"))[date.uid]
    assert str(es["SUMMARY"]) == versions["es"].title
    assert es["SUMMARY"].params["LANGUAGE"] == "es"
    description = str(es["DESCRIPTION"])
    for expected in (
        "Un paseo para todos.",
        "El transporte está incluido.",  # "A ride is provided."
        "08:15 — Iglesia Sainte-Edwidge, 2 chemin de l'Église (frente a la puerta)",
        "Traiga su bicicleta.",
        "Regreso hacia las 16:00.",
        "Botas y almuerzo",
        "(819) 555-0100",
        f"http://testserver{versions['es'].url}",
    ):
        assert expected in description, (expected, description)
    assert str(es["URL"]) == f"http://testserver{versions['es'].url}"
    assert str(es["URL"]).startswith("http://testserver/es/")
    assert str(es["LOCATION"]) == "Parc de la Gorge, 135 rue Michaud, Coaticook"
    assert es["GEO"].latitude == pytest.approx(45.1369)
    assert es["GEO"].longitude == pytest.approx(-71.8001)
    assert es.categories == [versions["es"].category.name]
    assert versions["es"].category.name != versions["fr"].category.name

    fr = by_uid(events(client))[date.uid]
    assert "8 h 15 — Église Sainte-Edwidge" in str(fr["DESCRIPTION"])
    en = by_uid(events(client, lang="en"))[date.uid]
    assert "8:15 AM — Sainte-Edwidge Church" in str(en["DESCRIPTION"])


def test_a_moved_date_gives_its_own_pickup_time(translated_event, client):
    # Weekly at 10:30, the van at 8:15; the second date moved to 12:00 leaves at 9:45.
    fr = translated_event(repeat_weekly_until=None)["fr"]
    fr.repeat_weekly_until = fr.first_date + dt.timedelta(weeks=1)
    fr.save_revision().publish()
    usual, moved = fr.shared_dates()
    later = dt.timedelta(hours=1, minutes=30)
    move_date(moved, moved.start + later, moved.end + later)
    entries = by_uid(events(client))
    assert "8 h 15 — Église Sainte-Edwidge" in str(entries[usual.uid]["DESCRIPTION"])
    assert "9 h 45 — Église Sainte-Edwidge" in str(entries[moved.uid]["DESCRIPTION"])
    # The file a confirmation or change notice attaches, and "add to my calendar".
    download = client.get(f"/feeds/dates/{moved.pk}.ics")
    assert download.status_code == 200
    [entry] = icalendar.Calendar.from_ical(download.content).events
    assert "9 h 45 — Église Sainte-Edwidge" in str(entry["DESCRIPTION"])


def test_feed_names_follow_the_language_and_filters(translated_event, client):
    versions = translated_event()
    org = versions["es"].get_parent()
    cal = events(client, lang="es", region="05", organization=org.slug)
    assert str(cal["X-WR-CALNAME"]) == f"Ensemble – Actividades – Estrie – {org.title}"
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"])
    assert "SMS" in str(cal["X-WR-CALDESC"])
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert "X-PUBLISHED-TTL" in cal


@pytest.mark.parametrize(
    ("lang", "prefix"), [("fr", "Annulée : "), ("es", "Cancelada: "), ("en", "Cancelled: ")]
)
def test_cancelled_date_stays_with_a_translated_title(translated_event, client, lang, prefix):
    versions = translated_event(repeat_weekly_until=None)
    date = cancel_date(versions["fr"].shared_dates().get())
    event = by_uid(events(client, lang=lang))[date.uid]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == prefix + versions[lang].title


def test_sequence_rises_when_a_date_moves_or_is_cancelled(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    date = event.shared_dates().get()
    assert by_uid(events(client))[date.uid]["SEQUENCE"] == 0
    date = move_date(date, date.start + dt.timedelta(hours=1), date.end + dt.timedelta(hours=1))
    moved = by_uid(events(client))[date.uid]
    assert moved["SEQUENCE"] == 1
    assert moved["DTSTART"].dt == date.start
    cancel_date(date)
    assert by_uid(events(client))[date.uid]["SEQUENCE"] == 2


def test_last_modified_is_the_latest_of_date_and_pages(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    date = event.shared_dates().get()
    later = date.modified_at + dt.timedelta(days=3)
    EventDate.objects.filter(pk=date.pk).update(modified_at=later)
    entry = by_uid(events(client))[date.uid]
    assert entry["LAST-MODIFIED"].dt == later.replace(microsecond=0)
    assert entry["DTSTAMP"].dt == entry["LAST-MODIFIED"].dt

    EventPage.objects.filter(pk=event.pk).update(last_published_at=later + dt.timedelta(days=1))
    entry = by_uid(events(client))[date.uid]
    assert entry["LAST-MODIFIED"].dt == (later + dt.timedelta(days=1)).replace(microsecond=0)


def test_identical_data_gives_identical_bytes_and_etag(translated_event, client):
    translated_event()
    first = client.get("/feeds/events.ics", {"lang": "es"})
    cache.clear()
    second = client.get("/feeds/events.ics", {"lang": "es"})
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert first["Last-Modified"] == second["Last-Modified"]


def test_a_change_gives_new_bytes_and_etag(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    before = client.get("/feeds/events.ics")
    cancel_date(event.shared_dates().get())
    after = client.get("/feeds/events.ics")
    assert after.content != before.content
    assert after["ETag"] != before["ETag"]


def test_publishing_a_new_title_changes_the_feed(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    before = client.get("/feeds/events.ics")
    event.title = "Pêche blanche"
    event.save_revision().publish()
    after = client.get("/feeds/events.ics")
    assert after["ETag"] != before["ETag"]
    assert "Pêche blanche" in after.content.decode()


def test_untranslated_event_falls_back_to_its_original(site_tree, client):
    event = EventFactory(repeat_weekly_until=None, title="Sortie aux pommes")
    entry = by_uid(events(client, lang="en"))[event.shared_dates().get().uid]
    assert str(entry["SUMMARY"]) == "Sortie aux pommes"
    assert str(entry["URL"]) == f"http://testserver{event.url}"


def test_window_keeps_recent_dates_and_drops_older_ones(site_tree):
    event = EventFactory(repeat_weekly_until=None)
    date = event.shared_dates().get()
    inside = date.end + dt.timedelta(days=feeds.PAST_DAYS - 1)
    outside = date.end + dt.timedelta(days=feeds.PAST_DAYS + 1)
    assert list(feeds.events_feed(FeedFilters(), now=inside).dates) == [date]
    assert list(feeds.events_feed(FeedFilters(), now=outside).dates) == []


def test_unpublished_events_are_left_out(site_tree, client):
    kept = EventFactory(repeat_weekly_until=None)
    hidden = EventFactory(repeat_weekly_until=None)
    hidden.unpublish()
    uids = set(by_uid(events(client)))
    assert uids == {kept.shared_dates().get().uid}


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"\(?\+?\d[\d\s().-]{8,}\d")


def test_feed_holds_no_personal_data(translated_event, client):
    versions = translated_event()
    org = versions["fr"].get_parent().specific
    org.email = "direction@aide.example"
    org.whatsapp = "+18195550199"
    org.save_revision().publish()
    other = OrganizationFactory(phone="+15145550123")
    EventFactory(parent=other)
    for lang in ("fr", "es", "en"):
        body = client.get("/feeds/events.ics", {"lang": lang}).content.decode()
        text = body.replace("\r\n ", "")
        lines = [line for line in text.split("\r\n") if not line.startswith("UID:")]
        assert not [m.group() for line in lines for m in EMAIL.finditer(line)]
        phones = {m.group() for line in lines for m in PHONE.finditer(line)}
        # Only organizations' public phone numbers, as shown on their pages.
        assert phones <= {"(819) 555-0100", "(514) 555-0123"}, phones
        assert phones  # the check above looks at real numbers
