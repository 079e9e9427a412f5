"""The outbox carries subscription messages beside RSVP ones, and the database keeps
each row to exactly one recipient."""

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from digest.services import digest, subscriptions
from notifications import dispatcher, sms
from rsvp.models import MessageKind, MessageStatus, OutboxMessage
from tests.digest.conftest import THURSDAY, WEEK
from tests.digest.helpers import subscriber
from tests.notifications.helpers import rsvp_on

pytestmark = pytest.mark.django_db


def row(**fields):
    fields.setdefault("kind", MessageKind.DIGEST)
    fields.setdefault("channel", "email")
    return OutboxMessage.objects.create(due_at=THURSDAY, date_version=WEEK, **fields)


def test_a_row_needs_a_recipient(clock, site_tree):
    with pytest.raises(IntegrityError), transaction.atomic():
        row()


def test_a_row_cannot_have_two_recipients(clock, weekend):
    from events.models import EventDate

    rsvp = rsvp_on(EventDate.objects.for_event(weekend["hike"]).get())
    with pytest.raises(IntegrityError), transaction.atomic():
        row(subscription=subscriber(), rsvp=rsvp)


def test_rsvp_rows_are_unchanged(clock, weekend):
    from events.models import EventDate

    rsvp = rsvp_on(EventDate.objects.for_event(weekend["hike"]).get(), reminder="email")
    assert set(rsvp.messages.values_list("kind", flat=True)) == {
        "confirmed",
        "reminder_day_before",
        "reminder_hours_before",
    }
    assert not rsvp.messages.filter(subscription__isnull=False).exists()


def test_digests_land_in_the_mail_and_sms_outboxes(clock, weekend):
    by_email = subscriber("email", contact="ana@example.org", regions="05 16")
    by_sms = subscriber("sms", contact="+18195550142", regions="16")
    digest.queue_week()
    assert dispatcher.dispatch() == 2
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert [m.to for m in sms.outbox] == ["+18195550142"]
    for subscription in (by_email, by_sms):
        sent = subscription.messages.get()
        assert sent.status == MessageStatus.SENT and sent.attempts == 1
    assert dispatcher.dispatch(now=THURSDAY + dt.timedelta(hours=2)) == 0


def test_nothing_this_weekend_means_no_digest(clock, weekend):
    quiet = subscriber(regions="09")  # Côte-Nord: nothing there
    digest.queue_week()
    dispatcher.dispatch()
    assert mail.outbox == []
    assert quiet.messages.get().status == MessageStatus.SKIPPED


def test_a_digest_sent_after_its_weekend_is_missed(clock, weekend):
    subscription = subscriber()
    digest.queue_week()
    clock.set(THURSDAY + dt.timedelta(days=4, hours=9))  # Monday
    dispatcher.dispatch()
    assert mail.outbox == []
    assert subscription.messages.get().status == MessageStatus.MISSED


def test_confirmation_of_a_voided_request_is_not_sent(clock, site_tree):
    subscriptions.request("sms", "+18195550142", ["05"], "fr")
    subscriptions.request("sms", "+18195550142", ["16"], "fr")
    dispatcher.dispatch()
    assert len(sms.outbox) == 1
    statuses = OutboxMessage.objects.order_by("date_version").values_list("status", flat=True)
    assert list(statuses) == [MessageStatus.SKIPPED, MessageStatus.SENT]


def test_a_private_activity_stays_out(clock, weekend):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=weekend["hike"], restriction_type=PageViewRestriction.LOGIN
    )
    subscriber(regions="05")
    digest.queue_week()
    dispatcher.dispatch()
    assert mail.outbox == []
