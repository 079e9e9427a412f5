"""Pickup times follow their date: a date moved by hand keeps the van's lead before the
start, and the change notice, the reminders, the private page and staff's lists say
the new pickup time (docs/dates.md, "Pickup times")."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from core.translations import translate
from events.models import EventDate, PickupPoint
from notifications import dispatcher
from notifications.services.render import render
from rsvp.models import MessageKind, OutboxMessage
from rsvp.services import rsvp_lists, schedule
from tests.factories import EventFactory, staff_of
from tests.notifications.helpers import past_quiet_hours
from tests.rsvp_helpers import ask, follow_link, send_due

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")
# What 9:45 and 11:15 read like in each language's SMS.
CLOCK = {
    "fr": {"9:45": "9 h 45", "11:15": "11 h 15"},
    "es": {"9:45": "09:45", "11:15": "11:15"},
    "en": {"9:45": "9:45 AM", "11:15": "11:15 AM"},
}


def weekly_event(weeks=3, **fields):
    """Saturdays at 10:30, with the van at the church at 9:45."""
    event = EventFactory(**fields)
    event.repeat_weekly_until = event.first_date + dt.timedelta(weeks=weeks - 1)
    PickupPoint(event=event, name="Église Sainte-Edwidge", time=dt.time(9, 45)).save()
    event.save_revision().publish()
    event.refresh_from_db()
    return event, event.pickup_points.get()


def at(date, hour, minute=0, days=0, tz=TORONTO):
    day = date.start.astimezone(tz).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def moved(date, start):
    """Staff's date form: new start, same length, same seats."""
    length = date.end - date.start
    return schedule.edit_date(date, start, start + length, date.capacity).date


def test_dates_at_the_usual_time_keep_the_written_time_across_the_clock_change(site_tree):
    # 2026-11-01: EDT becomes EST between the dates; 9:45 stays 9:45 on the wall.
    event, point = weekly_event(first_date=dt.date(2026, 10, 24))
    times = [point.at(date).astimezone(TORONTO) for date in event.shared_dates()]
    assert [t.time() for t in times] == [dt.time(9, 45)] * 3
    assert {t.utcoffset() for t in times} == {dt.timedelta(hours=-4), dt.timedelta(hours=-5)}


def test_a_moved_date_moves_its_pickup_by_the_same_shift_and_only_its_own(site_tree):
    event, point = weekly_event()
    first, second, third = event.shared_dates()
    second = moved(second, at(second, 12, 0))  # 10:30 → 12:00: 1 h 30 later
    assert point.at(second) == at(second, 11, 15)
    assert point.at(first) == at(first, 9, 45) and point.at(third) == at(third, 9, 45)
    assert point.label_on(second) == "Église Sainte-Edwidge (11:15)"
    # Moved again, to the next day and earlier: the lead before the start stays 45 min.
    second = moved(second, at(second, 8, 0, days=1))
    assert point.at(second) == at(second, 7, 15)
    # And back to its usual time, the written time again.
    second = moved(second, at(second, 10, 30, days=-1))
    assert point.at(second) == at(second, 9, 45)


def test_an_event_in_atlantic_time_counts_in_its_own_zone(site_tree):
    halifax = ZoneInfo("America/Halifax")
    event, point = weekly_event(weeks=1, timezone="America/Halifax")
    date = event.shared_dates().get()
    date = moved(date, at(date, 11, 30, tz=halifax))
    assert point.at(date) == at(date, 10, 45, tz=halifax)


def test_a_series_time_change_leaves_pickups_as_written(site_tree):
    # Untouched dates follow the new rule; the pickup points say what the page says.
    event, point = weekly_event(weeks=1)
    event.start_time, event.end_time = dt.time(13, 0), dt.time(16, 0)
    event.save_revision().publish()
    date = event.shared_dates().get()
    assert date.start.astimezone(TORONTO).time() == dt.time(13, 0)
    assert point.at(date, event).time() == dt.time(9, 45)


def registered(event, point, language, **fields):
    if language != "fr":
        translate(event.get_parent().specific, language, {})
        translate(event, language, {})
    date = event.shared_dates().first()
    fields.setdefault("reminder", "sms")
    return ask(
        date, language=language, needs_transport=True, pickup_key=point.translation_key, **fields
    ).rsvp


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_the_change_notice_gives_the_new_pickup_time(known_week, site_tree, language):
    event, point = weekly_event(weeks=1, title="Sortie au parc")
    rsvp = registered(event, point, language, email="ana@example.org")
    moved(rsvp.date, at(rsvp.date, 12, 0))
    rsvp.refresh_from_db()
    for channel in ("sms", "email"):
        text = render(OutboxMessage(rsvp=rsvp, kind=MessageKind.DATE_MOVED, channel=channel)).text
        assert CLOCK[language]["11:15"] in text, (channel, text)
        assert CLOCK[language]["9:45"] not in text, (channel, text)
        assert "Edwidge" in text
    # The reminders, sent after the move, too.
    for kind in (MessageKind.REMINDER_DAY_BEFORE, MessageKind.REMINDER_HOURS_BEFORE):
        text = render(OutboxMessage(rsvp=rsvp, kind=kind, channel="sms")).text
        assert CLOCK[language]["11:15"] in text, (kind, text)


def test_the_notice_that_goes_says_the_new_pickup_time(site_tree):
    event, point = weekly_event(weeks=1)
    rsvp = registered(event, point, "fr", reminder="email", email="ana@example.org")
    send_due()
    moved(rsvp.date, at(rsvp.date, 12, 0))
    mail.outbox = []
    dispatcher.dispatch(now=past_quiet_hours())
    [notice] = [m for m in mail.outbox if m.subject.startswith("Nouvelle heure")]
    assert "11 h 15" in notice.body and "9 h 45" not in notice.body
    assert rsvp.messages.get(kind=MessageKind.DATE_MOVED).status == "sent"


def test_the_private_page_and_staff_lists_say_the_dates_pickup_time(site_tree, client):
    event, point = weekly_event(weeks=1)
    rsvp = registered(event, point, "fr", phone="+18195550177")
    send_due()
    date = moved(rsvp.date, at(rsvp.date, 12, 0))
    _token, page = follow_link(client, "+18195550177")
    html = page.content.decode()
    assert "11 h 15" in html and "9 h 45" not in html
    summary = rsvp_lists.summary(date, event)
    assert summary.transport == [("Église Sainte-Edwidge (11:15)", 1)]
    [row] = rsvp_lists.rows(date, event)
    assert row.pickup_name == "Église Sainte-Edwidge (11:15)"
    client.force_login(staff_of(event.get_parent().specific))
    checkin = client.get(reverse("events_rsvp_checkin", args=[event.pk, date.pk]))
    assert "Église Sainte-Edwidge (11:15)" in checkin.content.decode()


def test_dates_never_moved_read_the_written_time_everywhere(site_tree):
    event, point = weekly_event(weeks=1)
    date = EventDate.objects.for_event(event).get()
    rsvp = registered(event, point, "fr")
    assert point.at(date).astimezone(TORONTO).time() == dt.time(9, 45)
    text = render(OutboxMessage(rsvp=rsvp, kind=MessageKind.REMINDER_DAY_BEFORE, channel="sms"))
    assert "9 h 45" in text.text
