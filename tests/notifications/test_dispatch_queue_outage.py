"""The dispatcher while the task queue's Redis is down (RQ at a port where nothing
listens): its claimed rows go back to the next claim, nothing is lost or sent twice,
`dispatch_outbox` goes on, and the outage is logged once (docs/notifications.md,
"Task queue outage")."""

import datetime as dt
import io
import logging

import pytest
from django.core.management import call_command
from django.utils import timezone

from notifications import dispatcher, sms, tasks
from notifications.management.commands.dispatch_outbox import Command
from notifications.services import dispatch
from rsvp.models import MessageStatus, OutboxMessage
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on

pytestmark = pytest.mark.django_db

IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"


@pytest.fixture
def confirmations(site_tree, settings, time_machine):
    """Two confirmations, one batch each, and a clock at which they are due (the
    tasks read the clock)."""
    settings.ENSEMBLE_OUTBOX_BATCH_SIZE = 1
    rsvp_on(a_date(), phone="+18195550142")
    rsvp_on(a_date(), phone="+18195550143")
    time_machine.move_to(past_quiet_hours(), tick=True)
    return OutboxMessage.objects.filter(kind="confirmed")


def queue_back(settings):
    settings.TASKS = {"default": {"BACKEND": IMMEDIATE, "QUEUES": settings.TASK_QUEUES}}


def test_rows_go_back_to_the_next_claim_then_go_once(confirmations, settings, queue_down):
    assert dispatcher.dispatch() == 0
    assert sms.outbox == []
    # Still claimed (no worker may send them), with leases that end now instead of in
    # five minutes: the next round takes them again.
    assert {row.status for row in confirmations.all()} == {MessageStatus.CLAIMED}
    assert dispatch.due(timezone.now()).count() == 2
    assert dispatcher.dispatch() == 0, "refused again while the queue is down"
    queue_back(settings)
    assert dispatcher.dispatch() == 2
    assert dispatcher.dispatch(now=timezone.now() + dt.timedelta(minutes=10)) == 0
    assert sorted(message.to for message in sms.outbox) == ["+18195550142", "+18195550143"]
    assert {row.status for row in confirmations.all()} == {MessageStatus.SENT}


def test_a_task_that_reached_the_queue_after_all_sends_nothing(confirmations):
    """A Redis that took the task and failed before answering: the task runs with the
    claim that was given back, and leaves the rows to the claim that followed."""
    now = timezone.now()
    token, ids = dispatch.claim(now=now)
    assert dispatch.give_back(token, ids, now) == 2
    tasks.send_outbox_batch.call(token, ids)
    assert sms.outbox == []
    new_token, again = dispatch.claim()
    assert sorted(again) == sorted(ids)
    tasks.send_outbox_batch.call(token, ids)
    assert sms.outbox == []
    tasks.send_outbox_batch.call(new_token, again)
    assert len(sms.outbox) == 2


def test_a_round_claims_no_further_and_does_not_hurry(confirmations, settings, queue_down):
    settings.ENSEMBLE_OUTBOX_BATCH_SIZE = 1
    command = Command(stdout=io.StringIO())
    # Claims one round's worth (the loop stops at the first refusal) and, though rows
    # are due, does not come back after a second as it does for a backlog.
    assert command.round(limit=1, looping=True) is False
    assert OutboxMessage.objects.filter(status=MessageStatus.PENDING, kind="confirmed").count() == 1


def test_the_command_goes_on_and_the_outage_is_logged_once(confirmations, caplog, queue_down):
    output = io.StringIO()
    with caplog.at_level(logging.INFO):
        for _ in range(3):
            call_command("dispatch_outbox", stdout=output)
    assert output.getvalue().split() == ["dispatched", "0"] * 3
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    started = [line for line in lines if "unreachable" in line]
    assert len(started) == 1, lines
    assert "task queue" in started[0] and "redis://" not in started[0]
    assert sms.outbox == []
    assert not confirmations.filter(status=MessageStatus.SENT).exists()
