"""Staff lower a date's seats while many people register (invariant 2,
docs/architecture.md#invariant-2).

Lowering the seats never removes anyone already confirmed (docs/seats.md), so after
the race the confirmed count must be exactly the larger of the new seats and the count
at the moment the change was made: every registration decided after the change saw the
new number, every one decided before it saw the old one, none a stale count. The
control run bypasses the date's lock and widens the gap between counting and
inserting: it must break that rule, which shows this test can see the race at all.
"""

import threading
import time

import pytest
from django.db import connection

from events.models import EventDate
from rsvp.models import RsvpStatus
from rsvp.services import schedule, seats
from tests import racing
from tests.factories import EventFactory

CAPACITY = 40
LOWERED = 10
CLIENTS = 50

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def date(site_tree, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): row locks are what is tested")
    # Fifty registrations queue behind one lock: none may give up as "busy".
    settings.ENSEMBLE_SEAT_LOCK_TIMEOUT_MS = 60_000
    event = EventFactory(capacity=CAPACITY, max_party_size=1)
    return EventDate.objects.for_event(event).get()


def race_lowering(date):
    """CLIENTS - 1 registrations and one capacity change, released together."""
    changes = []

    def client(number):
        if number == 0:
            # Let the first registrations get under way before the seats change.
            time.sleep(0.02)
            changes.append(schedule.edit_date(date, date.start, date.end, LOWERED))
            return
        request = seats.SeatRequest(phone=f"+1819556{number:04d}", first_name="Ana")
        seats.take_seat(date, request)

    errors = racing.race(client, CLIENTS)
    return errors, changes


def confirmed(date):
    return seats.used_seats(date)


def test_lowering_seats_during_a_rush_never_confirms_beyond_the_seats(date):
    errors, (change,) = race_lowering(date)
    assert errors == []
    expected = max(LOWERED, change.confirmed)
    assert confirmed(date) == expected
    waitlisted = date.rsvps.filter(status=RsvpStatus.WAITLISTED).count()
    assert waitlisted == CLIENTS - 1 - expected
    assert EventDate.objects.get(pk=date.pk).capacity == LOWERED


def test_control_without_the_lock_confirms_from_a_stale_count(date, monkeypatch):
    """No row lock, and a pause between counting and deciding: registrations decide
    from the seats and the count they read before the change landed."""
    racing.without_date_lock(monkeypatch)
    racing.slow_seat_count(monkeypatch, 0.05)
    errors, (change,) = race_lowering(date)
    assert errors == []
    assert confirmed(date) > max(LOWERED, change.confirmed), (
        "the race was not reproduced: the test could not see one"
    )


def test_the_lock_is_what_makes_the_change_wait(date):
    """A registration holding the date's lock makes the capacity change wait for it."""
    done = threading.Event()

    def lower():
        try:
            schedule.edit_date(date, date.start, date.end, LOWERED)
            done.set()
        finally:
            connection.close()

    with racing.date_locked_elsewhere(date):
        changer = threading.Thread(target=lower)
        changer.start()
        assert not done.wait(timeout=0.5)
    changer.join(timeout=30)
    assert done.is_set()
    assert EventDate.objects.get(pk=date.pk).capacity == LOWERED
