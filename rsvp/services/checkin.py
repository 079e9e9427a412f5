"""The day of the activity: who came, and people who walk in without registering.

Both go through the date's lock like every other seat decision (docs/seats.md), so a
walk-in never takes a seat someone else got meanwhile, and a check-in never marks an
RSVP that was cancelled meanwhile.
"""

from django.utils import timezone

from rsvp.models import ReminderChannel, RsvpSource
from rsvp.services import seats


def mark_attended(rsvp, came):
    """Record whether the person of an active RSVP came (or undo it)."""

    def decide(locked):
        updated = (
            locked.rsvps.active()
            .filter(pk=rsvp.pk)
            .update(attended=came, modified_at=timezone.now())
        )
        if not updated:
            raise seats.SeatError("inactive")

    seats.with_date_locked(rsvp.date_id, decide)


def add_walk_in(date, *, first_name, party_size, language):
    """Someone who came without registering: confirmed and marked as come, or refused
    when the party does not fit (walk-ins never wait; staff raise the seats first)."""
    request = seats.SeatRequest(
        first_name=first_name,
        party_size=party_size,
        reminder=ReminderChannel.NONE,
        language=language,
        source=RsvpSource.WALK_IN,
        attended=True,
    )
    return seats.take_seat(date, request)
