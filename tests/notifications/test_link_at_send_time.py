"""The private link is issued when the message carrying it is sent (docs/rsvp.md, "Tokens").

Its hash replaces the RSVP's in the transaction that marks the row sent, and only
then: a failed send leaves the earlier link working.
"""

import pytest
from django.db import transaction
from django.test import override_settings

from core.tokens import token_hash
from notifications import dispatcher
from notifications.services import dispatch
from rsvp.models import MessageKind, MessageStatus, Rsvp
from rsvp.services import outbox, retention, schedule
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on
from tests.rsvp_helpers import links_sent_to

pytestmark = pytest.mark.django_db


def stored_hash(rsvp):
    return Rsvp.objects.values_list("token_hash", flat=True).get(pk=rsvp.pk)


def sent_link(rsvp):
    """Send what is due (the confirmation), return the link's token."""
    dispatcher.dispatch(now=past_quiet_hours())
    return links_sent_to(rsvp.phone)[-1]


def ask_link_again(rsvp):
    with transaction.atomic():
        return outbox.queue_link(Rsvp.objects.select_related("date__event").get(pk=rsvp.pk))


def test_each_link_message_brings_the_only_working_link(site_tree):
    rsvp = rsvp_on(a_date())
    assert stored_hash(rsvp) is None
    first = sent_link(rsvp)
    assert stored_hash(rsvp) == token_hash(first)
    row = ask_link_again(rsvp)
    assert row.kind == MessageKind.MANAGE_LINK
    second = sent_link(rsvp)
    assert second != first
    assert stored_hash(rsvp) == token_hash(second), "the newest link works, the older does not"


def test_messages_without_the_link_leave_it_alone(site_tree):
    rsvp = rsvp_on(a_date())
    first = sent_link(rsvp)
    schedule.cancel_date(rsvp.date)  # a notice without the link
    dispatcher.dispatch(now=past_quiet_hours())
    assert rsvp.messages.get(kind="date_cancelled").status == MessageStatus.SENT
    assert stored_hash(rsvp) == token_hash(first)


class FailingBackend:
    def __init__(self, **kwargs):
        pass

    def send(self, message):
        from notifications.sms.message import SmsSendError

        raise SmsSendError("no", code="30003", permanent=False)


def test_a_failed_send_keeps_the_earlier_link(site_tree):
    rsvp = rsvp_on(a_date())
    first = sent_link(rsvp)
    ask_link_again(rsvp)
    with override_settings(SMS_BACKEND="tests.notifications.test_link_at_send_time.FailingBackend"):
        dispatcher.dispatch(now=past_quiet_hours())
    row = rsvp.messages.get(kind=MessageKind.MANAGE_LINK)
    assert (row.status, row.attempts) == (MessageStatus.PENDING, 1)
    assert stored_hash(rsvp) == token_hash(first), "the person still has a working link"


def test_a_claim_lost_while_sending_does_not_replace_the_link(site_tree, monkeypatch):
    """The lease ran out during the provider call and another worker took the row: this
    copy's link is not stored (the other worker's copy will carry a working one)."""
    rsvp = rsvp_on(a_date())
    first = sent_link(rsvp)
    row = ask_link_again(rsvp)
    claim, ids = dispatch.claim(now=past_quiet_hours())
    assert ids == [row.pk]
    real_deliver = dispatch.deliver

    def slow_deliver(row_, rendered):
        provider_id = real_deliver(row_, rendered)
        type(row_).objects.filter(pk=row_.pk).update(claimed_by="another-worker")
        return provider_id

    monkeypatch.setattr(dispatch, "deliver", slow_deliver)
    dispatch.send_one(row.pk, claim, now=past_quiet_hours())
    assert stored_hash(rsvp) == token_hash(first)
    row.refresh_from_db()
    assert (row.status, row.claimed_by) == (MessageStatus.CLAIMED, "another-worker")


def test_an_rsvp_erased_while_sending_keeps_no_link(site_tree, monkeypatch):
    rsvp = rsvp_on(a_date())
    real_deliver = dispatch.deliver

    def erase_meanwhile(row_, rendered):
        provider_id = real_deliver(row_, rendered)
        retention.erase(Rsvp.objects.get(pk=row_.rsvp_id))
        return provider_id

    monkeypatch.setattr(dispatch, "deliver", erase_meanwhile)
    dispatcher.dispatch(now=past_quiet_hours())
    assert Rsvp.objects.get(pk=rsvp.pk).is_erased
    assert stored_hash(rsvp) is None
