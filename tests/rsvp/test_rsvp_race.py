"""Many people asking for the last seats at the same moment (invariant 2,
docs/architecture.md#invariant-2).

Each thread has its own database connection, as separate web workers would; a barrier
releases them together. The control run bypasses the lock and pauses between counting
and inserting: it must overbook, which shows this test can see a race at all.
"""

import sqlite3
import threading

import pytest
from django.db import connection, connections

from events.models import EventDate
from rsvp.models import RsvpStatus
from rsvp.services import seats
from tests import racing
from tests.factories import EventFactory

CAPACITY = 10
TAKEN = 5
CLIENTS = 30


def fill_date(site_tree):
    event = EventFactory(capacity=CAPACITY, max_party_size=1)
    date = EventDate.objects.for_event(event).get()
    for i in range(TAKEN):
        seats.take_seat(date, seats.SeatRequest(phone=f"+1819555{i:04d}"))
    return date


def race(date):
    def client(number):
        request = seats.SeatRequest(phone=f"+1819556{number:04d}", first_name="Ana")
        seats.take_seat(date, request)

    return racing.race(client, CLIENTS)


def counts(date):
    confirmed = seats.used_seats(date)
    waitlisted = date.rsvps.filter(status=RsvpStatus.WAITLISTED).count()
    return confirmed, waitlisted


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_last_seats_are_never_overbooked_on_postgresql(site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): row locks are what is tested")
    date = fill_date(site_tree)
    errors = race(date)
    assert errors == []
    assert counts(date) == (CAPACITY, CLIENTS - (CAPACITY - TAKEN))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_control_without_the_lock_does_overbook(site_tree, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): row locks are what is tested")
    date = fill_date(site_tree)
    racing.without_date_lock(monkeypatch)
    racing.slow_seat_count(monkeypatch, 0.05)
    errors = race(date)
    monkeypatch.undo()
    assert errors == []
    confirmed, _waitlisted = counts(date)
    assert confirmed > CAPACITY, "the race was not reproduced: the test could not see one"


@pytest.mark.django_db(transaction=True)
def test_sqlite_immediate_transactions_never_overbook(site_tree, tmp_path, monkeypatch):
    """The test database is in memory; the racing threads get a file copy of it, since
    the IMMEDIATE write lock under test is the file's."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only (the PostgreSQL tests above cover row locks)")
    date = fill_date(site_tree)
    copy = tmp_path / "race.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    connection.connection.backup(target)
    target.close()
    shared = connections.settings["default"]
    memory_name = shared["NAME"]
    shared["NAME"] = str(copy)
    try:
        # A pause between counting and deciding, as in the control above.
        racing.slow_seat_count(monkeypatch, 0.01)
        errors = race(date)
        monkeypatch.undo()
        confirmed, waitlisted = run_in_thread(lambda: counts(date))
    finally:
        shared["NAME"] = memory_name
    assert errors == []
    assert (confirmed, waitlisted) == (CAPACITY, CLIENTS - (CAPACITY - TAKEN))


def run_in_thread(function):
    """Call function on a new thread's connection (which opens the current NAME)."""
    result = []

    def target():
        try:
            result.append(function())
        finally:
            connection.close()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return result[0]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_held_lock_gives_a_polite_try_again(site_tree, settings, client):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): lock_timeout is PostgreSQL's")
    settings.ENSEMBLE_SEAT_LOCK_TIMEOUT_MS = 200
    date = fill_date(site_tree)
    with racing.date_locked_elsewhere(date):
        with pytest.raises(seats.SeatError) as error:
            seats.take_seat(date, seats.SeatRequest(phone="+18195570000"))
        assert error.value.code == "busy"
        assert "réessayer" in error.value.message  # French is the default language
    assert date.rsvps.count() == TAKEN
