"""Check-in and walk-ins are seat decisions under the date's lock (docs/seats.md)."""

import pytest

from events.models import EventDate
from rsvp.models import Rsvp, RsvpSource, RsvpStatus
from rsvp.services import checkin, seats
from tests.factories import EventFactory
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def date(site_tree):
    return EventDate.objects.for_event(EventFactory(capacity=3, max_party_size=3)).get()


def test_marking_who_came_and_undoing_it(date):
    rsvp = ask(date).rsvp
    checkin.mark_attended(rsvp, True)
    assert Rsvp.objects.get(pk=rsvp.pk).attended
    checkin.mark_attended(rsvp, False)
    assert not Rsvp.objects.get(pk=rsvp.pk).attended


def test_an_rsvp_cancelled_meanwhile_is_not_checked_in(date):
    rsvp = ask(date).rsvp
    seats.cancel(rsvp)
    with pytest.raises(seats.SeatError) as error:
        checkin.mark_attended(rsvp, True)
    assert error.value.code == "inactive"
    assert not Rsvp.objects.get(pk=rsvp.pk).attended


def test_a_walk_in_is_confirmed_as_come_or_refused_when_it_does_not_fit(date, time_machine):
    assert ask(date, 2).confirmed
    # Walk-ins come while the activity runs, after registration has closed.
    time_machine.move_to(date.start, tick=False)
    walk_in = checkin.add_walk_in(date, first_name="Luis", party_size=1, language="es")
    assert walk_in.rsvp.source == RsvpSource.WALK_IN
    assert walk_in.rsvp.attended and walk_in.rsvp.status == RsvpStatus.CONFIRMED
    with pytest.raises(seats.SeatError) as error:
        checkin.add_walk_in(date, first_name="Rosa", party_size=1, language="es")
    assert error.value.code == "full"
