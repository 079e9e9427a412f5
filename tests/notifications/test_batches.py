"""Batches: rows claimed together go in tasks of ENSEMBLE_OUTBOX_BATCH_SIZE, each sent
by several threads; never more in flight than ENSEMBLE_OUTBOX_MAX_IN_FLIGHT."""

import collections
import datetime as dt

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from notifications import dispatcher, sms, tasks
from notifications.services import dispatch, sending
from rsvp.models import MessageStatus, OutboxMessage
from tests.notifications.helpers import a_date, rsvp_on
from tests.rsvp_helpers import phone


def queue_many(count):
    date = a_date(capacity=None)
    for _ in range(count):
        rsvp_on(date, phone=phone())
    return set(OutboxMessage.objects.values_list("pk", flat=True))


def far():
    return timezone.now() + dt.timedelta(days=60)


def enqueued_batches(monkeypatch):
    """The batches dispatch() enqueues, kept instead of run."""
    batches = []

    class Recorder:
        def using(self, **options):
            return self

        def enqueue(self, token, ids):
            batches.append((token, list(ids)))

    monkeypatch.setattr(tasks, "send_outbox_batch", Recorder())
    return batches


@pytest.mark.django_db
@override_settings(ENSEMBLE_OUTBOX_BATCH_SIZE=4, ENSEMBLE_OUTBOX_MAX_IN_FLIGHT=0)
def test_claimed_rows_go_in_batches_of_one_claim(site_tree, monkeypatch):
    rows = queue_many(5)  # 15 rows
    batches = enqueued_batches(monkeypatch)
    assert dispatcher.dispatch(limit=100, now=far()) == len(rows)
    assert [len(ids) for _token, ids in batches] == [4, 4, 4, 3]
    assert len({token for token, _ids in batches}) == 1
    assert sorted(pk for _token, ids in batches for pk in ids) == sorted(rows)


@pytest.mark.django_db
@override_settings(ENSEMBLE_OUTBOX_MAX_IN_FLIGHT=5)
def test_no_more_claimed_than_the_cap_until_rows_are_sent(site_tree, monkeypatch):
    queue_many(4)  # 12 rows
    enqueued_batches(monkeypatch)
    now = far()
    assert dispatcher.dispatch(limit=100, now=now) == 5
    # The workers have sent nothing yet: the backlog waits as pending rows.
    assert dispatcher.dispatch(limit=100, now=now) == 0
    assert OutboxMessage.objects.filter(status=MessageStatus.PENDING).count() == 7
    sent = OutboxMessage.objects.filter(status=MessageStatus.CLAIMED)[:3]
    OutboxMessage.objects.filter(pk__in=[row.pk for row in sent]).update(
        status=MessageStatus.SENT, lease_until=None
    )
    assert dispatcher.dispatch(limit=100, now=now) == 3


@pytest.mark.django_db
@override_settings(ENSEMBLE_OUTBOX_MAX_IN_FLIGHT=5)
def test_expired_leases_are_not_in_flight(site_tree, monkeypatch):
    queue_many(4)
    enqueued_batches(monkeypatch)
    now = far()
    assert dispatcher.dispatch(limit=100, now=now) == 5
    later = now + dt.timedelta(seconds=settings.ENSEMBLE_OUTBOX_LEASE_SECONDS + 1)
    assert dispatch.in_flight(later) == 0
    assert dispatcher.dispatch(limit=100, now=later) == 5


@pytest.mark.django_db
def test_a_batch_sends_only_rows_still_its_own(site_tree):
    rows = sorted(queue_many(3))
    token, ids = dispatch.claim(limit=100, now=far())
    assert sorted(ids) == rows
    OutboxMessage.objects.filter(pk=ids[0]).update(claimed_by="another-dispatcher")
    with override_settings(ENSEMBLE_OUTBOX_THREADS=1):
        counts = sending.send_batch(token, ids)
    assert counts == {"not-claimed": 1, "sent": len(ids) - 1}
    assert {m.reference for m in sms.outbox} == {f"outbox-{pk}" for pk in ids[1:]}


@pytest.mark.django_db
@override_settings(ENSEMBLE_OUTBOX_THREADS=4)
def test_threads_send_each_row_of_a_batch_once(site_tree):
    rows = queue_many(10)
    token, ids = dispatch.claim(limit=100, now=far())
    counts = sending.send_batch(token, ids)
    assert counts == {"sent": len(rows)}
    sent = collections.Counter(message.reference for message in sms.outbox)
    assert set(sent) == {f"outbox-{pk}" for pk in rows}
    assert max(sent.values()) == 1
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {MessageStatus.SENT}


@pytest.mark.django_db
def test_a_batch_reads_each_event_page_once_per_language(site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from notifications.services.render import event_in, pages_shared

    date = a_date()
    with pages_shared({}):
        with CaptureQueriesContext(connection) as first:
            page = event_in(date, "es")
        with CaptureQueriesContext(connection) as again:
            assert event_in(date, "es") is page
    assert len(first) == 2 and len(again) == 0
    # Outside a batch every message reads the page (a publish shows at once).
    with CaptureQueriesContext(connection) as outside:
        event_in(date, "es")
    assert len(outside) == 2


@pytest.mark.django_db
def test_a_batch_does_not_send_rows_whose_lease_ran_out_before_it_started(site_tree):
    rows = sorted(queue_many(2))
    token, ids = dispatch.claim(limit=100, now=far())
    # Its task waited in the queue past the lease: the next claim may already have them.
    OutboxMessage.objects.filter(pk=ids[0]).update(
        lease_until=timezone.now() - dt.timedelta(seconds=1)
    )
    counts = sending.send_batch(token, ids)
    assert counts == {"not-claimed": 1, "sent": len(rows) - 1}
    assert f"outbox-{ids[0]}" not in {m.reference for m in sms.outbox}
    assert OutboxMessage.objects.get(pk=ids[0]).status == MessageStatus.CLAIMED


@pytest.mark.django_db
def test_a_row_is_renewed_again_once_its_batch_has_run_half_a_lease(site_tree):
    queue_many(1)
    token, ids = dispatch.claim(limit=100, now=far())
    now = timezone.now()
    [row, *_] = dispatch.claimed_rows(ids, token, now)
    OutboxMessage.objects.filter(pk=row.pk).update(claimed_by="the-next-claim")
    half = dt.timedelta(seconds=settings.ENSEMBLE_OUTBOX_LEASE_SECONDS / 2)
    # (No claim can take a row over while its lease runs: this only shows which check
    # runs.) Renewed by its batch moments ago, the row is not read again before it goes ...
    assert isinstance(dispatch.prepare(row, token, now=now, renewed_at=now), dispatch.Outgoing)
    # ... but after half a lease it is, and a claim taken over is seen.
    late = now + half + dt.timedelta(seconds=1)
    assert dispatch.prepare(row, token, now=late, renewed_at=now) == "not-claimed"
