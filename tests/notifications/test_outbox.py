"""Queuing: same transaction, once per version, quiet hours, moved and cancelled dates."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from core.formatting import to_local
from rsvp.models import MessageKind, MessageStatus, OutboxMessage, RsvpSource, SmsOptOut
from rsvp.services import outbox, schedule, seats
from rsvp.services.outbox import due_time, out_of_quiet_hours
from tests.notifications.helpers import a_date, local, rsvp_on
from tests.rsvp_helpers import ask, phone

pytestmark = pytest.mark.django_db


def kinds(rsvp, status=None):
    rows = OutboxMessage.objects.filter(rsvp=rsvp)
    if status:
        rows = rows.filter(status=status)
    return sorted(rows.values_list("kind", flat=True))


def test_confirmation_and_reminders_queued_with_the_seat(site_tree):
    rsvp = rsvp_on(a_date())
    assert kinds(rsvp) == ["confirmed", "reminder_day_before", "reminder_hours_before"]
    assert set(OutboxMessage.objects.values_list("channel", flat=True)) == {"sms"}


def test_rolled_back_seat_leaves_no_message(site_tree):
    date = a_date()
    with pytest.raises(RuntimeError), transaction.atomic():
        rsvp_on(date)
        raise RuntimeError
    assert not OutboxMessage.objects.exists()


def test_queue_twice_is_one_row(site_tree):
    rsvp = rsvp_on(a_date())
    outbox.queue(rsvp, MessageKind.CONFIRMED)
    outbox.queue(rsvp, MessageKind.CONFIRMED)
    assert OutboxMessage.objects.filter(rsvp=rsvp, kind="confirmed").count() == 1


def channels(rsvp):
    return sorted(rsvp.messages.values_list("kind", "channel"))


def test_channels_follow_the_reminder_choice(site_tree):
    date = a_date()
    by_email = rsvp_on(date, reminder="email")  # with a phone too
    none_with_both = rsvp_on(date, reminder="none")
    none_phone_only = rsvp_on(date, reminder="none", email="")
    none_email_only = rsvp_on(date, reminder="none", phone="")
    assert set(by_email.messages.values_list("channel", flat=True)) == {"email"}
    # "No reminders": the confirmation carries the private link, so it still goes, by
    # SMS when there is a phone, else by e-mail; reminders do not.
    assert channels(none_with_both) == [("confirmed", "sms")]
    assert channels(none_phone_only) == [("confirmed", "sms")]
    assert channels(none_email_only) == [("confirmed", "email")]
    # So do the other notices: a cancelled date reaches someone who gave only a phone.
    schedule.cancel_date(date)
    assert ("date_cancelled", "sms") in channels(none_with_both)
    assert ("date_cancelled", "sms") in channels(none_phone_only)
    assert ("date_cancelled", "email") in channels(none_email_only)


def test_link_messages_skip_a_number_that_replied_stop(site_tree):
    date = a_date()
    number = phone()
    SmsOptOut.objects.create(phone=number)
    with_email = rsvp_on(date, phone=number, reminder="sms")
    assert channels(with_email) == [("confirmed", "email")]
    without = rsvp_on(date, phone=phone(), email="", reminder="none")
    SmsOptOut.objects.create(phone=without.phone)
    assert outbox.queue(without, MessageKind.MANAGE_LINK, version=1) is None


def test_web_registration_answers_at_once_even_at_night(site_tree):
    """The page tells the person to look at their phone now: the confirmation carrying
    the link does not wait for the morning. Staff-added ones keep the quiet hours."""
    date = a_date()
    night = local(to_local(date.start).date() - dt.timedelta(days=3), 23, 15)
    morning = local(night.date() + dt.timedelta(days=1), 8)
    web = rsvp_on(date)
    staff = ask(date, email="ana@example.org", source=RsvpSource.STAFF).rsvp
    OutboxMessage.objects.all().delete()
    for kind in (MessageKind.CONFIRMED, MessageKind.WAITLISTED, MessageKind.MANAGE_LINK):
        assert outbox.queue(web, kind, now=night, version=1).due_at == night
    assert outbox.queue(staff, MessageKind.CONFIRMED, now=night).due_at == morning
    assert outbox.queue(staff, MessageKind.MANAGE_LINK, now=night, version=1).due_at == night
    # The other notices keep the quiet hours whoever registered.
    assert outbox.queue(web, MessageKind.PROMOTED, now=night).due_at == morning


def test_link_sent_again_once_per_request_and_a_few_an_hour(site_tree):
    rsvp = rsvp_on(a_date())
    OutboxMessage.objects.filter(rsvp=rsvp, kind="confirmed").update(status=MessageStatus.SENT)
    rows = []
    for _ in range(outbox.LINK_MESSAGES_PER_HOUR + 2):
        row = outbox.queue_link(rsvp)
        if row is not None:
            rows.append(row)
            OutboxMessage.objects.filter(pk=row.pk).update(status=MessageStatus.SENT)
    assert [r.date_version for r in rows] == list(range(1, outbox.LINK_MESSAGES_PER_HOUR + 1))
    assert {(r.kind, r.channel, r.status) for r in rows} == {("manage_link", "sms", "pending")}
    # An hour later, one more may go; it takes the next number.
    OutboxMessage.objects.filter(rsvp=rsvp).update(
        created_at=timezone.now() - dt.timedelta(hours=1, minutes=1)
    )
    assert outbox.queue_link(rsvp).date_version == outbox.LINK_MESSAGES_PER_HOUR + 1


def test_no_second_link_message_while_one_is_on_its_way(site_tree):
    rsvp = rsvp_on(a_date())  # its confirmation (with the link) is still pending
    assert outbox.queue_link(rsvp) is None
    OutboxMessage.objects.filter(rsvp=rsvp, kind="confirmed").update(status=MessageStatus.SENT)
    first = outbox.queue_link(rsvp)
    assert first is not None and outbox.queue_link(rsvp) is None


def test_waitlisted_gets_no_reminders_until_promoted(site_tree):
    date = a_date(capacity=1, max_party_size=1)
    first = rsvp_on(date)
    waiting = rsvp_on(date, phone=phone())
    assert kinds(waiting) == ["waitlisted"]
    seats.cancel(first)
    assert kinds(waiting) == [
        "promoted",
        "reminder_day_before",
        "reminder_hours_before",
        "waitlisted",
    ]
    assert kinds(first, MessageStatus.PENDING) == []


def test_cancelled_rsvp_pending_messages_skipped(site_tree):
    rsvp = rsvp_on(a_date())
    seats.cancel(rsvp)
    assert kinds(rsvp, MessageStatus.PENDING) == []
    assert kinds(rsvp, MessageStatus.SKIPPED) == [
        "confirmed",
        "reminder_day_before",
        "reminder_hours_before",
    ]


def test_reminder_due_times_and_quiet_hours(site_tree):
    date = a_date()  # a Saturday, 10:30 local
    rsvp = rsvp_on(date)
    day = to_local(date.start).date()
    day_before = rsvp.messages.get(kind="reminder_day_before")
    hours_before = rsvp.messages.get(kind="reminder_hours_before")
    assert day_before.due_at == local(day - dt.timedelta(days=1), 18)
    # 07:30 is in quiet hours: moved to 08:00, still before the start.
    assert hours_before.due_at == local(day, 8)
    assert hours_before.status == MessageStatus.PENDING


def test_quiet_hours_boundaries():
    tz = "America/Toronto"
    day = dt.date(2026, 6, 13)
    assert out_of_quiet_hours(local(day, 20, 59), tz) == local(day, 20, 59)
    assert out_of_quiet_hours(local(day, 21), tz) == local(day + dt.timedelta(days=1), 8)
    assert out_of_quiet_hours(local(day, 2), tz) == local(day, 8)
    assert out_of_quiet_hours(local(day, 8), tz) == local(day, 8)


def test_early_start_reminder_recorded_missed(site_tree):
    date = a_date(start_time=dt.time(7, 30), end_time=dt.time(12, 0))
    rsvp = rsvp_on(date)
    # 3 hours before is 04:30: quiet hours push it to 08:00, after the start.
    assert rsvp.messages.get(kind="reminder_hours_before").status == MessageStatus.MISSED


def test_confirmation_at_night_waits_for_morning(site_tree):
    date = a_date()
    night = local(to_local(date.start).date() - dt.timedelta(days=3), 23, 15)
    due, status = due_time(MessageKind.CONFIRMED, date, night)
    assert (due, status) == (local(night.date() + dt.timedelta(days=1), 8), "pending")


def test_same_day_change_goes_at_once_even_at_night(site_tree):
    date = a_date(start_time=dt.time(22, 0), end_time=dt.time(23, 30))
    day = to_local(date.start).date()
    evening = local(day, 21, 30)
    assert due_time(MessageKind.DATE_MOVED, date, evening) == (evening, "pending")
    assert due_time(MessageKind.DATE_CANCELLED, date, evening) == (evening, "pending")
    # The day before, a change at night waits for the morning.
    before = local(day - dt.timedelta(days=1), 22)
    assert due_time(MessageKind.DATE_MOVED, date, before)[0] == local(day, 8)


def test_moved_date_reminders_follow_and_notice_per_version(site_tree):
    date = a_date()
    rsvp = rsvp_on(date)
    new_start = date.start + dt.timedelta(days=1, hours=2)
    date = schedule.move_date(date, new_start, new_start + dt.timedelta(hours=4))
    reminder = rsvp.messages.get(kind="reminder_hours_before")
    assert reminder.due_at == new_start - dt.timedelta(hours=3)
    day_before = rsvp.messages.get(kind="reminder_day_before")
    assert day_before.due_at == local(to_local(new_start).date() - dt.timedelta(days=1), 18)
    moved = rsvp.messages.filter(kind="date_moved")
    assert [(m.date_version, m.status) for m in moved] == [(date.sequence, "pending")]
    # Moved again before the first notice went: one notice per version, only the
    # latest still pending.
    later = new_start + dt.timedelta(hours=1)
    date = schedule.move_date(date, later, later + dt.timedelta(hours=4))
    statuses = dict(rsvp.messages.filter(kind="date_moved").values_list("date_version", "status"))
    assert statuses == {date.sequence - 1: "skipped", date.sequence: "pending"}
    # Moving to the same time queues nothing new.
    schedule.move_date(date, later, later + dt.timedelta(hours=4))
    assert rsvp.messages.filter(kind="date_moved").count() == 2


def test_series_time_change_moves_reminders(site_tree):
    date = a_date()
    rsvp = rsvp_on(date)
    page = date.event.specific
    previous = type(page).objects.get(pk=page.pk)
    page.start_time = dt.time(13, 0)
    page.end_time = dt.time(16, 0)
    schedule.sync_dates(page, previous)
    date.refresh_from_db()
    assert rsvp.messages.get(kind="reminder_hours_before").due_at == date.start - dt.timedelta(
        hours=3
    )
    assert rsvp.messages.filter(kind="date_moved").count() == 1


def test_cancelled_date_only_the_notice_remains(site_tree):
    date = a_date()
    rsvp = rsvp_on(date)
    schedule.cancel_date(date)
    assert kinds(rsvp, MessageStatus.PENDING) == ["date_cancelled"]
    schedule.reinstate_date(date)
    assert "reminder_day_before" in kinds(rsvp, MessageStatus.PENDING)
