"""Where notifications plug in: one call per seat decision.

The outbox rows are written at once, inside the seat transaction (invariant 3,
docs/architecture.md#invariant-3: a message exists exactly when its cause was
committed). The signals are sent only
after the transaction that decided it has committed, so a receiver never announces a
seat that was rolled back. Receivers get the RSVP
id (not the row: read it fresh) and must not log its contact data.
"""

from django.db import transaction
from django.dispatch import Signal

rsvp_confirmed = Signal()  # a new RSVP got a seat
rsvp_waitlisted = Signal()  # a new RSVP joined the waiting list
rsvp_promoted = Signal()  # a waitlisted RSVP got a seat that freed up
rsvp_changed = Signal()  # party size or pickup point changed
rsvp_cancelled = Signal()  # cancelled by the person (or erased)
# The page got a registration with the contact of an active RSVP: nothing changed,
# the RSVP's own contact is sent its link.
rsvp_link_requested = Signal()


NAMES = {}


def announce(signal, rsvp_id):
    from events.services import outbox

    outbox.rsvp_event(NAMES[signal], rsvp_id)
    transaction.on_commit(lambda: signal.send(sender="events.rsvp", rsvp_id=rsvp_id))


NAMES.update(
    {
        rsvp_confirmed: "confirmed",
        rsvp_waitlisted: "waitlisted",
        rsvp_promoted: "promoted",
        rsvp_changed: "changed",
        rsvp_cancelled: "cancelled",
        rsvp_link_requested: "link_requested",
    }
)
