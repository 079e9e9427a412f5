"""Queuing the week's digest: from Thursday 15:00, once per subscription and ISO week."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from core.when import this_weekend, week_version
from digest.models import SubscriptionStatus
from digest.services import digest
from rsvp.models import MessageKind, MessageStatus, OutboxMessage
from tests.digest.conftest import QC, THURSDAY, WEEK
from tests.digest.helpers import subscriber

pytestmark = pytest.mark.django_db


def digests():
    return OutboxMessage.objects.filter(kind=MessageKind.DIGEST)


def test_week_version_is_iso_year_and_week():
    assert week_version(THURSDAY) == WEEK
    # 1 January 2027 is a Friday of ISO week 53 of 2026.
    assert week_version(dt.datetime(2027, 1, 1, 16, tzinfo=QC)) == 202653
    start, end = this_weekend(week=WEEK)
    assert (start.date(), end.date()) == (dt.date(2026, 11, 28), dt.date(2026, 11, 30))


@pytest.mark.parametrize(
    "moment, expected",
    [
        (THURSDAY - dt.timedelta(minutes=1), False),  # Thursday 14:59
        (THURSDAY, True),
        (THURSDAY - dt.timedelta(days=3), False),  # Monday 15:00
        (THURSDAY + dt.timedelta(days=3, hours=8), True),  # Sunday 23:00
        (THURSDAY + dt.timedelta(days=3, hours=9), False),  # Monday 00:00, next week
    ],
)
def test_digest_time_starts_thursday_15h(moment, expected):
    assert digest.is_digest_time(moment) is expected


def test_nothing_is_queued_before_thursday_15h(db):
    subscriber()
    assert digest.queue_week(now=THURSDAY - dt.timedelta(minutes=1)) == 0
    assert not digests().exists()


def test_the_setting_moves_the_time(db, settings):
    settings.ENSEMBLE_DIGEST_WEEKDAY, settings.ENSEMBLE_DIGEST_HOUR = 4, 9
    subscriber()
    assert digest.queue_week(now=THURSDAY) == 0
    assert digest.queue_week(now=THURSDAY + dt.timedelta(hours=18)) == 1  # Friday 9:00


def test_one_row_per_active_subscription_and_week(db):
    sms_one = subscriber("sms")
    email_one = subscriber("email")
    subscriber(status=SubscriptionStatus.PENDING)
    subscriber(status=SubscriptionStatus.UNSUBSCRIBED)
    assert digest.queue_week(now=THURSDAY) == 2
    rows = {row.subscription_id: row for row in digests()}
    assert set(rows) == {sms_one.pk, email_one.pk}
    assert rows[sms_one.pk].channel == "sms" and rows[email_one.pk].channel == "email"
    assert {row.date_version for row in rows.values()} == {WEEK}
    assert {row.due_at for row in rows.values()} == {THURSDAY}


def test_running_again_adds_nothing(db):
    subscriber()
    digest.queue_week(now=THURSDAY)
    assert digest.queue_week(now=THURSDAY + dt.timedelta(hours=1)) == 0
    assert digest.queue_week(now=THURSDAY + dt.timedelta(days=2)) == 0
    assert digests().count() == 1


def test_next_week_gets_its_own_row(db):
    subscriber()
    digest.queue_week(now=THURSDAY)
    digest.queue_week(now=THURSDAY + dt.timedelta(weeks=1))
    assert sorted(digests().values_list("date_version", flat=True)) == [WEEK, WEEK + 1]


def test_the_database_refuses_a_second_digest_for_the_week(db):
    """What makes two dispatchers harmless: the unique constraint, not the query."""
    subscription = subscriber()
    digest.queue_week(now=THURSDAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxMessage.objects.create(
            subscription=subscription,
            kind=MessageKind.DIGEST,
            channel="email",
            date_version=WEEK,
            due_at=THURSDAY,
        )


def test_a_late_confirmation_is_queued_on_the_next_run(db):
    digest.queue_week(now=THURSDAY)
    late = subscriber()
    digest.queue_week(now=THURSDAY + dt.timedelta(days=1))
    assert digests().get().subscription == late


def test_quiet_hours_move_a_late_digest_to_the_morning(db):
    subscriber()
    friday_night = dt.datetime(2026, 11, 27, 22, 30, tzinfo=QC)
    digest.queue_week(now=friday_night)
    assert digests().get().due_at == dt.datetime(2026, 11, 28, 8, 0, tzinfo=QC)


def test_a_digest_due_after_its_weekend_is_missed(db):
    subscriber()
    digest.queue_week(now=dt.datetime(2026, 11, 29, 23, 30, tzinfo=QC))  # Sunday night
    assert digests().get().status == MessageStatus.MISSED


def test_dispatch_outbox_queues_the_digest_each_run(clock, weekend):
    subscriber()
    call_command("dispatch_outbox", stdout=open("/dev/null", "w"))
    call_command("dispatch_outbox", stdout=open("/dev/null", "w"))
    assert digests().count() == 1
    assert digests().get().status == MessageStatus.SENT
