"""Two (four) dispatchers racing on PostgreSQL: each row claimed by exactly one.

Each thread has its own connection, as dispatchers on separate machines would. The
control run claims without the row locks and pauses between reading and claiming:
it must claim rows twice, which shows this test can see a race at all.
"""

import collections
import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from notifications import dispatcher, sms
from notifications.services import dispatch
from rsvp.models import MessageStatus, OutboxMessage
from tests import racing
from tests.notifications.helpers import a_date, rsvp_on
from tests.rsvp_helpers import phone

WORKERS = 4
RSVPS = 30


def queue_many():
    date = a_date(capacity=None)
    for _ in range(RSVPS):
        rsvp_on(date, phone=phone())
    return set(OutboxMessage.objects.values_list("pk", flat=True))


def race(work):
    return racing.race(work, WORKERS)


def claims():
    far = timezone.now() + dt.timedelta(days=60)
    claimed = collections.Counter()
    lock = threading.Lock()

    def work(number):
        while True:
            _token, ids = dispatch.claim(limit=5, worker=f"w{number}", now=far)
            with lock:
                claimed.update(ids)
            if not ids:
                return

    return claimed, race(work)


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): SKIP LOCKED is what is tested")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_dispatchers_claim_each_row_once(site_tree):
    needs_postgresql()
    rows = queue_many()
    claimed, errors = claims()
    assert errors == []
    assert set(claimed) == rows
    assert max(claimed.values()) == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_control_without_locks_claims_twice(site_tree, monkeypatch):
    needs_postgresql()
    queue_many()
    racing.unlocked_slow_claims(monkeypatch, 0.05)
    claimed, errors = claims()
    assert errors == []
    assert max(claimed.values()) > 1, "the race was not reproduced: the test could not see one"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_dispatchers_send_each_message_once(site_tree):
    needs_postgresql()
    sms.outbox = []
    rows = queue_many()
    far = timezone.now() + dt.timedelta(days=60)

    def work(number):
        while dispatcher.dispatch(limit=5, worker=f"w{number}", now=far):
            pass

    assert race(work) == []
    sent = collections.Counter(message.reference for message in sms.outbox)
    assert set(sent) == {f"outbox-{pk}" for pk in rows}
    assert max(sent.values()) == 1
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {MessageStatus.SENT}
