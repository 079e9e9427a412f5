"""Several dispatchers, several requests at once, on PostgreSQL.

Each thread has its own connection, as processes on separate machines would.
"""

import threading

import pytest
from django.db import connection

from digest.models import DigestSubscription
from digest.services import digest, subscriptions
from rsvp.models import MessageKind, OutboxMessage
from tests.digest.conftest import THURSDAY
from tests.digest.helpers import subscriber

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

WORKERS = 4
SUBSCRIPTIONS = 40


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): concurrent writers are what is tested")


def race(work, workers=WORKERS):
    barrier = threading.Barrier(workers)
    errors, results = [], []

    def worker(number):
        try:
            barrier.wait(timeout=30)
            results.append(work(number))
        except Exception as error:  # noqa: BLE001 — every error is a test failure
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


def test_racing_dispatchers_queue_one_digest_each(monkeypatch):
    """Every dispatcher reads the same "missing" list before any of them writes (the
    barrier in bulk_create), so each one tries to write every row: the unique
    constraint keeps one per subscription."""
    needs_postgresql()
    for _ in range(SUBSCRIPTIONS):
        subscriber()
    before_write = threading.Barrier(WORKERS)
    bulk_create = OutboxMessage.objects.bulk_create

    def late_bulk_create(rows, **options):
        before_write.wait(timeout=30)
        return bulk_create(rows, **options)

    monkeypatch.setattr(OutboxMessage.objects, "bulk_create", late_bulk_create)
    results, errors = race(lambda _n: digest.queue_week(now=THURSDAY))
    assert errors == []
    assert results == [SUBSCRIPTIONS] * WORKERS, "the dispatchers did not all race"
    rows = OutboxMessage.objects.filter(kind=MessageKind.DIGEST)
    assert rows.count() == SUBSCRIPTIONS
    assert rows.values("subscription").distinct().count() == SUBSCRIPTIONS


def test_simultaneous_requests_respect_the_daily_cap(settings):
    needs_postgresql()
    results, errors = race(
        lambda _n: subscriptions.request("sms", "+18195550199", ["05"], "fr"), workers=6
    )
    assert errors == []
    assert DigestSubscription.objects.count() == 1
    confirmations = OutboxMessage.objects.filter(kind=MessageKind.SUBSCRIPTION_CONFIRM)
    assert confirmations.count() == settings.ENSEMBLE_DIGEST_CONFIRMATIONS_PER_DAY
    assert sorted(confirmations.values_list("date_version", flat=True)) == [1, 2, 3]
