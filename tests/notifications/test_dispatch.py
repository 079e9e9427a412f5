"""Sending: each due message once, errors retried then failed, leases reclaimed."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from notifications import dispatcher, sms
from notifications.services import dispatch
from notifications.sms.message import SmsSendError
from rsvp.models import MessageStatus, OutboxMessage
from rsvp.services import schedule, seats
from tests.notifications import reclaiming_sms
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on

pytestmark = pytest.mark.django_db


class FailingBackend:
    permanent = False

    def __init__(self, **kwargs):
        pass

    def send(self, message):
        raise SmsSendError("no", code="30003", permanent=self.permanent)


class RefusingBackend(FailingBackend):
    permanent = True


class BrokenBackend(FailingBackend):
    def send(self, message):
        raise ConnectionError("provider down +18195550000")


def test_confirmation_sent_once_by_sms(site_tree):
    rsvp = rsvp_on(a_date())
    now = past_quiet_hours()
    assert dispatcher.dispatch(now=now) == 1  # reminders are days away
    assert dispatcher.dispatch(now=now) == 0
    assert len(sms.outbox) == 1
    assert sms.outbox[0].to == rsvp.phone
    row = rsvp.messages.get(kind="confirmed")
    assert row.status == MessageStatus.SENT and row.provider_message_id and row.attempts == 1


def test_confirmation_email_has_text_html_and_calendar(site_tree):
    rsvp_on(a_date(), reminder="email", language="es")
    dispatcher.dispatch(now=past_quiet_hours())
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.alternatives[0][1] == "text/html"
    assert email.attachments[0][0].endswith(".ics")
    assert "Usted está inscrito" in email.body


def test_cancelled_rsvp_sends_nothing(site_tree):
    rsvp = rsvp_on(a_date())
    seats.cancel(rsvp)
    dispatcher.dispatch(now=past_quiet_hours() + dt.timedelta(days=30))
    assert sms.outbox == []


def test_cancelled_date_sends_only_the_notice(site_tree):
    date = a_date()
    rsvp_on(date)
    schedule.cancel_date(date)
    # Also if a reminder row was claimed before the cancellation committed.
    dispatcher.dispatch(now=past_quiet_hours() + dt.timedelta(days=30))
    assert len(sms.outbox) == 1
    assert "Annul" in sms.outbox[0].body


def test_reminder_after_start_is_missed_not_sent(site_tree):
    rsvp = rsvp_on(a_date())
    row = rsvp.messages.get(kind="reminder_hours_before")
    token, ids = dispatch.claim(now=row.due_at + dt.timedelta(days=1))
    # The date has started by the time the task runs.
    assert dispatch.send_one(row.pk, token, now=rsvp.date.start) == MessageStatus.MISSED
    assert not any(m.body.startswith("Rappel") for m in sms.outbox)


@override_settings(SMS_BACKEND="tests.notifications.test_dispatch.FailingBackend")
def test_temporary_error_retried_with_backoff_then_failed(site_tree):
    rsvp = rsvp_on(a_date())
    row = rsvp.messages.get(kind="confirmed")
    now = past_quiet_hours()
    for attempt, delay in enumerate((1, 5, 25), start=1):
        token, ids = dispatch.claim(now=now)
        assert row.pk in ids
        dispatch.send_one(row.pk, token, now=now)
        row.refresh_from_db()
        assert (row.status, row.attempts) == ("pending", attempt)
        assert row.due_at == now + dt.timedelta(minutes=delay)
        assert row.last_error == "SmsSendError 30003"
        now = row.due_at
    token, ids = dispatch.claim(now=now)
    dispatch.send_one(row.pk, token, now=now)
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", 4)


@override_settings(SMS_BACKEND="tests.notifications.test_dispatch.RefusingBackend")
def test_permanent_error_fails_at_once(site_tree):
    rsvp = rsvp_on(a_date())
    dispatcher.dispatch(now=past_quiet_hours())
    row = rsvp.messages.get(kind="confirmed")
    assert (row.status, row.attempts) == ("failed", 1)


@override_settings(SMS_BACKEND="tests.notifications.test_dispatch.BrokenBackend")
def test_unexpected_provider_error_recorded_without_personal_data(site_tree):
    rsvp = rsvp_on(a_date())
    dispatcher.dispatch(now=past_quiet_hours())
    row = rsvp.messages.get(kind="confirmed")
    assert (row.status, row.last_error) == ("pending", "ConnectionError")


def test_expired_lease_reclaimed_and_sent_once(site_tree):
    rsvp = rsvp_on(a_date())
    now = past_quiet_hours()
    dead_token, ids = dispatch.claim(now=now)  # this worker dies before sending
    assert len(ids) == 1
    assert dispatch.claim(now=now + dt.timedelta(seconds=60))[1] == []  # lease holds
    later = now + dt.timedelta(minutes=10)
    assert dispatcher.dispatch(now=later) == 1
    # The dead worker's task, run late, does nothing: the claim is no longer its own.
    assert dispatch.send_one(ids[0], dead_token) == "not-claimed"
    assert len(sms.outbox) == 1
    assert rsvp.messages.get(kind="confirmed").status == MessageStatus.SENT


@override_settings(SMS_BACKEND="tests.notifications.reclaiming_sms.SmsBackend")
def test_task_started_late_in_its_lease_is_not_sent_again(site_tree):
    """A task that waited in the queue for most of its lease: the next dispatcher round
    comes while the provider takes the message, just after the claim's first lease."""
    row = rsvp_on(a_date()).messages.get(kind="confirmed")
    now = past_quiet_hours()
    lease = dt.timedelta(seconds=settings.ENSEMBLE_OUTBOX_LEASE_SECONDS)
    token, _ids = dispatch.claim(now=now)
    reclaiming_sms.round_at = now + lease + dt.timedelta(seconds=1)
    reclaiming_sms.claims = []
    assert dispatch.send_one(row.pk, token, now=now + lease - dt.timedelta(seconds=1)) == "sent"
    # What the tasks of that round would do.
    for claim, ids in list(reclaiming_sms.claims):
        for pk in ids:
            dispatch.send_one(pk, claim, now=reclaiming_sms.round_at)
    assert len(sms.outbox) == 1
    row.refresh_from_db()
    assert row.status == MessageStatus.SENT


def test_task_started_after_its_lease_leaves_the_row_to_the_next_claim(site_tree):
    row = rsvp_on(a_date()).messages.get(kind="confirmed")
    now = past_quiet_hours()
    late = now + dt.timedelta(seconds=settings.ENSEMBLE_OUTBOX_LEASE_SECONDS + 1)
    token, _ids = dispatch.claim(now=now)
    assert dispatch.send_one(row.pk, token, now=late) == "not-claimed"
    assert sms.outbox == []
    assert dispatcher.dispatch(now=late) == 1
    assert len(sms.outbox) == 1
    row.refresh_from_db()
    assert row.status == MessageStatus.SENT


def test_command_runs_once(site_tree):
    from django.core.management import call_command

    rsvp_on(a_date())
    OutboxMessage.objects.update(due_at=timezone.now() - dt.timedelta(minutes=1))
    OutboxMessage.objects.exclude(kind="confirmed").update(status="skipped")
    call_command("dispatch_outbox")
    assert len(sms.outbox) == 1
