"""Each event sets its own reminder times; pending reminders follow what is published."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.fields import get_translatable_fields

from core.formatting import to_local
from core.translations import translate
from events.models import EventDate, EventPage
from notifications.services import dispatch
from rsvp.models import MessageStatus
from rsvp.services import schedule
from tests.events.test_admin_validation import event_form
from tests.factories import EventFactory, staff_of
from tests.notifications.helpers import a_date, local, rsvp_on

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")


def reminders(rsvp):
    rows = rsvp.messages.filter(kind__startswith="reminder_")
    return {row.kind: (row.due_at, row.status) for row in rows}


def publish(page, **fields):
    page = EventPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_new_pages_take_the_settings_as_defaults(site_tree):
    with override_settings(ENSEMBLE_REMINDER_DAY_BEFORE_HOUR=17, ENSEMBLE_REMINDER_HOURS_BEFORE=2):
        date = a_date(start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    assert (date.event.reminder_day_before_at, date.event.reminder_hours_before) == (
        dt.time(17, 0),
        2,
    )
    rsvp = rsvp_on(date)
    day = to_local(date.start).date()
    assert reminders(rsvp) == {
        "reminder_day_before": (local(day - dt.timedelta(days=1), 17), "pending"),
        "reminder_hours_before": (local(day, 12), "pending"),
    }
    # The settings are only defaults: changing them later leaves the page's times.
    with override_settings(ENSEMBLE_REMINDER_DAY_BEFORE_HOUR=19, ENSEMBLE_REMINDER_HOURS_BEFORE=5):
        assert EventPage.objects.get(pk=date.event_id).reminder_hours_before == 2
        rsvp_late = rsvp_on(date, email="bea@example.org")
        assert reminders(rsvp_late)["reminder_hours_before"][0] == local(day, 12)


def test_due_times_follow_the_page(site_tree):
    date = a_date(
        start_time=dt.time(14, 0),
        end_time=dt.time(16, 0),
        reminder_day_before_at=dt.time(19, 30),
        reminder_hours_before=5,
    )
    rsvp = rsvp_on(date)
    day = to_local(date.start).date()
    assert reminders(rsvp) == {
        "reminder_day_before": (local(day - dt.timedelta(days=1), 19, 30), "pending"),
        "reminder_hours_before": (local(day, 9), "pending"),
    }


def next_dst_change(after):
    """The first day whose noon has another UTC offset than the day before's."""
    day = after
    for _ in range(400):
        noon = dt.datetime.combine(day, dt.time(12), TORONTO)
        before = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(12), TORONTO)
        if noon.utcoffset() != before.utcoffset():
            return day
        day += dt.timedelta(days=1)
    raise AssertionError("no DST change within 400 days")


def test_due_times_across_a_dst_change(site_tree):
    day = next_dst_change(timezone.localdate() + dt.timedelta(days=3))
    date = a_date(
        first_date=day,
        start_time=dt.time(14, 0),
        end_time=dt.time(16, 0),
        reminder_day_before_at=dt.time(19, 30),
        reminder_hours_before=20,
    )
    rsvp = rsvp_on(date)
    due = reminders(rsvp)
    eve = day - dt.timedelta(days=1)
    # The day before keeps its wall-clock time in the offset of that evening…
    assert due["reminder_day_before"] == (local(eve, 19, 30), "pending")
    assert local(eve, 19, 30).utcoffset() != date.start.astimezone(TORONTO).utcoffset()
    # …while "hours before" is elapsed time: across the change the wall clock shifts
    # by the hour the night gained or lost.
    hours_before = due["reminder_hours_before"][0]
    assert hours_before == date.start - dt.timedelta(hours=20)
    assert to_local(hours_before).time() != dt.time(18, 0)


def test_publishing_new_times_reschedules_pending_reminders(site_tree):
    date = a_date(start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    rsvp = rsvp_on(date)
    day = to_local(date.start).date()
    before = reminders(rsvp)

    # A draft is not the event's schedule yet.
    draft = EventPage.objects.get(pk=date.event_id)
    draft.reminder_day_before_at = dt.time(19, 30)
    draft.reminder_hours_before = 5
    draft.save_revision()
    assert reminders(rsvp) == before

    draft.save_revision().publish()
    assert reminders(rsvp) == {
        "reminder_day_before": (local(day - dt.timedelta(days=1), 19, 30), "pending"),
        "reminder_hours_before": (local(day, 9), "pending"),
    }
    # Reminder times are not a change of the date: nobody is told it moved.
    assert not rsvp.messages.filter(kind="date_moved").exists()
    assert EventDate.objects.get(pk=date.pk).sequence == date.sequence


def test_sent_reminders_stay_sent_when_times_change(site_tree):
    date = a_date(start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    rsvp = rsvp_on(date)
    day_before = rsvp.messages.get(kind="reminder_day_before")
    day_before.status = MessageStatus.SENT
    day_before.save()
    publish(date.event, reminder_day_before_at=dt.time(19, 30))
    day_before.refresh_from_db()
    assert day_before.status == MessageStatus.SENT
    assert rsvp.messages.filter(kind="reminder_day_before").count() == 1


def test_switching_a_reminder_off_and_on(site_tree):
    date = a_date(start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    rsvp = rsvp_on(date)
    day = to_local(date.start).date()

    page = publish(date.event, reminder_hours_before=None)
    due = reminders(rsvp)
    assert due["reminder_hours_before"][1] == MessageStatus.SKIPPED
    assert due["reminder_day_before"][1] == MessageStatus.PENDING
    # Someone registering while it is off gets no such reminder at all.
    later = rsvp_on(date, email="bea@example.org")
    assert set(reminders(later)) == {"reminder_day_before"}

    publish(page, reminder_hours_before=4, reminder_day_before_at=None)
    assert reminders(rsvp)["reminder_hours_before"] == (local(day, 10), "pending")
    assert reminders(rsvp)["reminder_day_before"][1] == MessageStatus.SKIPPED
    assert reminders(later)["reminder_hours_before"] == (local(day, 10), "pending")
    assert later.messages.filter(kind="reminder_hours_before").count() == 1


def test_cancelled_date_keeps_reminders_skipped_when_times_change(site_tree):
    date = a_date(start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    rsvp = rsvp_on(date)
    schedule.cancel_date(date)
    publish(date.event, reminder_hours_before=5)
    assert {status for _due, status in reminders(rsvp).values()} == {"skipped"}
    schedule.reinstate_date(EventDate.objects.get(pk=date.pk))
    day = to_local(date.start).date()
    assert reminders(rsvp)["reminder_hours_before"] == (local(day, 9), "pending")


def test_reminder_switched_off_after_the_claim_is_skipped(site_tree):
    date = a_date()
    rsvp = rsvp_on(date)
    row = rsvp.messages.get(kind="reminder_day_before")
    token, ids = dispatch.claim(now=row.due_at)
    assert row.pk in ids
    # The organization's change commits while the row is already claimed.
    EventPage.objects.filter(pk=date.event_id).update(reminder_day_before_at=None)
    assert dispatch.send_one(row.pk, token, now=row.due_at) == MessageStatus.SKIPPED


def test_times_come_from_the_original_page(site_tree):
    event = EventFactory(start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    translate(event.get_parent().specific, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    # Not translatable content: wagtail-localize copies them from the source.
    synced = {f.field_name: f for f in get_translatable_fields(EventPage)}
    for name in ("reminder_day_before_at", "reminder_hours_before"):
        assert synced[name].is_synchronized(es) and not synced[name].is_overridable(es)
    # Even a translation holding other values does not change anyone's reminders.
    EventPage.objects.filter(pk=es.pk).update(reminder_day_before_at=None, reminder_hours_before=8)
    date = es.shared_dates().get()
    rsvp = rsvp_on(date, language="es")
    day = to_local(date.start).date()
    assert reminders(rsvp) == {
        "reminder_day_before": (local(day - dt.timedelta(days=1), 18), "pending"),
        "reminder_hours_before": (local(day, 11), "pending"),
    }


# -- the editor --------------------------------------------------------------------------


@pytest.fixture
def editor(site_tree, client):
    event = EventFactory(start_time=dt.time(14, 0), end_time=dt.time(16, 0))
    client.force_login(staff_of(event.get_parent().specific))
    return client, event


def edit_form(event, **overrides):
    fields = {
        "title": event.title,
        "slug": event.slug,
        "first_date": event.first_date.isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "reminder_day_before_at": "18:00",
        "reminder_hours_before": "3",
    }
    fields.update(overrides)
    return event_form(**fields)


def test_editor_shows_the_reminder_fields_in_french(editor):
    client, event = editor
    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    html = response.content.decode()
    assert 'name="reminder_day_before_at"' in html and 'name="reminder_hours_before"' in html
    assert "Rappel la veille, à" in html
    assert "Laissez vide pour" in html and "envoyer aucun." in html


def test_editor_publishes_new_times_and_reminders_follow(editor):
    client, event = editor
    date = event.shared_dates().get()
    rsvp = rsvp_on(date)
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    response = client.post(
        url, edit_form(event, reminder_day_before_at="19:30", reminder_hours_before="")
    )
    assert response.status_code == 302, response.context["form"].errors
    day = to_local(date.start).date()
    due = reminders(rsvp)
    assert due["reminder_day_before"] == (local(day - dt.timedelta(days=1), 19, 30), "pending")
    assert due["reminder_hours_before"][1] == MessageStatus.SKIPPED


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("reminder_hours_before", "0", "de 1 à 48"),
        ("reminder_hours_before", "49", "de 1 à 48"),
        ("reminder_day_before_at", "22:00", "ne partent pas la nuit"),
        ("reminder_day_before_at", "06:30", "ne partent pas la nuit"),
    ],
)
def test_bad_reminder_times_are_refused_in_french(editor, field, value, words):
    client, event = editor
    rsvp = rsvp_on(event.shared_dates().get())
    before = reminders(rsvp)
    revisions = event.revisions.count()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[event.pk]), edit_form(event, **{field: value})
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and words in " ".join(errors[field])
    page = EventPage.objects.get(pk=event.pk)
    assert (page.reminder_day_before_at, page.reminder_hours_before) == (dt.time(18), 3)
    assert event.revisions.count() == revisions
    assert reminders(rsvp) == before
