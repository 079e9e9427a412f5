"""Taking, changing and giving back seats (invariant 2,
docs/architecture.md#invariant-2; rules in docs/seats.md).

Every decision runs in one short transaction that first locks the date's row, then
recounts the confirmed seats from the RSVP rows: two people asking for the last seat
are served one after the other, never both. Slow work (loading the event's rules,
validating input) happens before the lock is taken.
"""

import dataclasses
import datetime as dt
import uuid

import psycopg.errors
from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.originals import original_page
from core.person_keys import person_key
from events.models import EventDate
from rsvp.models import PUBLIC_SOURCES, Rsvp, RsvpSource, RsvpStatus
from rsvp.services import outbox

RULE_FIELDS = ("max_party_size", "waitlist_allowed", "group_rsvp_allowed", "region", "live")
# A group RSVP (a farm's crew) may be larger than a family, up to the date's seats.
GROUP_MAX = 50

MESSAGES = {
    "busy": _("Many people are registering right now. Please try again in a moment."),
    "past": _("This date has already started: registration is closed."),
    "cancelled": _("This date is cancelled."),
    "closed": _("Registration is closed for this activity."),
    "full": _("This date is full."),
    "no_groups": _("This activity does not take group registrations."),
    "too_large": _("A registration can be for at most %(limit)s people."),
    "not_enough_seats": _("There are not enough seats left: at most %(limit)s people."),
    "inactive": _("This registration was cancelled."),
}


class SeatError(Exception):
    def __init__(self, code, **params):
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self):
        text = MESSAGES[self.code]
        return text % self.params if self.params else str(text)


@dataclasses.dataclass(frozen=True)
class SeatRequest:
    """What a person asks for; phone and e-mail already validated and normalized."""

    first_name: str = ""
    phone: str = ""
    email: str = ""
    party_size: int = 1
    pickup_key: uuid.UUID | None = None
    needs_transport: bool = False
    reminder: str = "sms"
    language: str = "fr"
    is_group: bool = False
    group_label: str = ""
    source: str = RsvpSource.WEB
    attended: bool = False

    @property
    def contact_key(self):
        return contact_key(self.phone, self.email)


@dataclasses.dataclass
class Outcome:
    rsvp: Rsvp
    updated: bool = False  # staff: the same contact's earlier RSVP was updated
    # Public page: the contact already had an active RSVP for the date. It was left as
    # it was; its own contact is sent its link (docs/rsvp.md, "Tokens").
    already_registered: bool = False
    # ...and a new contact would have been refused (SeatError code): take_seat raises it.
    refused: str | None = None
    # ...or the status a new contact would have had: what the requester may be told.
    as_new: str | None = None

    @property
    def confirmed(self):
        return self.rsvp.status == RsvpStatus.CONFIRMED

    @property
    def told_status(self):
        """The status to tell whoever asked: for an already registered contact, the one
        a new contact would get, so the answer never says whether that person
        registered (a caller's number can be faked as easily as a typed one)."""
        return self.as_new if self.already_registered else self.rsvp.status


def contact_key(phone, email):
    return phone or (email or "").strip().lower()


def event_rules(date):
    """The original page of the event, read now: it holds the rules for every language."""
    return original_page(date, only=RULE_FIELDS, fresh=True)


def party_limit(page, date, is_group):
    if is_group:
        return min(GROUP_MAX, date.capacity or GROUP_MAX)
    return page.max_party_size


def closed_reason(date, page, now, source=RsvpSource.WEB):
    if date.status != "scheduled":
        return "cancelled"
    # Walk-ins are added on the spot, while the activity runs.
    closes = date.end if source == RsvpSource.WALK_IN else date.start
    if now >= closes:
        return "past"
    if not page.live:
        return "closed"
    return None


def used_seats(date):
    return date.rsvps.confirmed().aggregate(total=Sum("party_size"))["total"] or 0


def free_seats(date):
    """Seats left (None = no limit). Read-only: for display, never for deciding."""
    if date.capacity is None:
        return None
    return max(0, date.capacity - used_seats(date))


def waitlist_position(rsvp):
    if rsvp.status != RsvpStatus.WAITLISTED:
        return None
    ahead = Rsvp.objects.waitlist().filter(date_id=rsvp.date_id)
    ahead = ahead.filter(waitlisted_at__lt=rsvp.waitlisted_at) | ahead.filter(
        waitlisted_at=rsvp.waitlisted_at, pk__lt=rsvp.pk
    )
    return ahead.count() + 1


def _is_lock_timeout(error):
    cause = error.__cause__
    if isinstance(cause, psycopg.errors.LockNotAvailable):
        return True
    return "database is locked" in str(error)


def with_date_locked(date_id, decide):
    """Run decide(date) in one transaction holding the date's row lock.

    Every change to a date's seats, times or status goes through here, so they all
    wait for one another in one order (docs/seats.md, "Lock order"). A lock not
    granted in time becomes SeatError("busy"), shown to people and staff alike.
    """
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    timeout = int(settings.ENSEMBLE_SEAT_LOCK_TIMEOUT_MS)
                    cursor.execute(f"SET LOCAL lock_timeout = {timeout}")
            # On SQLite the IMMEDIATE transaction already holds the database's write
            # lock from BEGIN; select_for_update() is a no-op there.
            return decide(EventDate.objects.select_for_update().get(pk=date_id))
    except OperationalError as error:
        if _is_lock_timeout(error):
            raise SeatError("busy") from error
        raise


def take_seat(date, request, *, now=None):
    """Confirm or waitlist a new RSVP; for the same contact's active RSVP, staff update
    it, while a request from the public page or the voice line changes nothing and
    only sends that RSVP's own contact its link.

    No private link is issued here: the message that carries it issues it when it is
    sent (notifications.services.dispatch), so the link only ever reaches the contact itself.
    """
    page = event_rules(date)
    limit = party_limit(page, date, request.is_group)
    if request.is_group and not page.group_rsvp_allowed:
        raise SeatError("no_groups")
    if not 1 <= request.party_size <= limit:
        raise SeatError("too_large", limit=limit)

    def decide(locked):
        current = now or timezone.now()
        reason = closed_reason(locked, page, current, request.source)
        if reason:
            raise SeatError(reason)
        key = request.contact_key
        existing = key and locked.rsvps.active().filter(contact_key=key).first()
        if existing and request.source in PUBLIC_SOURCES:
            return _send_link_again(locked, page, existing, request)
        if existing:
            return _update_existing(locked, page, existing, request, current)
        used = used_seats(locked)
        status = _new_status(locked, page, request, used)
        rsvp = Rsvp.objects.create(
            date=locked,
            status=status,
            waitlisted_at=current if status == RsvpStatus.WAITLISTED else None,
            consent_at=current,
            region=page.region,
            contact_key=key,
            person_key=person_key(key),
            **_fields(request),
        )
        if status == RsvpStatus.CONFIRMED:
            outbox.rsvp_confirmed(rsvp)
        else:
            outbox.rsvp_waitlisted(rsvp)
        return Outcome(rsvp)

    outcome = with_date_locked(date.pk, decide)
    if outcome.refused:
        # Committed first: the link message to the RSVP's own contact stays queued.
        raise SeatError(outcome.refused)
    return outcome


def _new_status(locked, page, request, used):
    if locked.capacity is None or used + request.party_size <= locked.capacity:
        return RsvpStatus.CONFIRMED
    if page.waitlist_allowed and request.source != RsvpSource.WALK_IN:
        return RsvpStatus.WAITLISTED
    raise SeatError("full")


def _send_link_again(locked, page, rsvp, request):
    """The public page got the contact of an active RSVP: whoever sent it may not be
    that person (anyone can type a phone number). The RSVP stays exactly as it was and
    only its own contact is sent its link. The requester is answered as if the contact
    were new — including "this date is full" when a new request would be refused — so
    the answer never tells whether that person registered."""
    refused = as_new = None
    try:
        as_new = _new_status(locked, page, request, used_seats(locked))
    except SeatError as error:
        refused = error.code
    outbox.queue_link(rsvp)
    return Outcome(rsvp, already_registered=True, refused=refused, as_new=as_new)


def _fields(request):
    return {
        "first_name": request.first_name,
        "phone": request.phone,
        "email": request.email,
        "party_size": request.party_size,
        "pickup_key": request.pickup_key,
        "needs_transport": request.needs_transport,
        "reminder": request.reminder,
        "language": request.language,
        "is_group": request.is_group,
        "group_label": request.group_label,
        "source": request.source,
        "attended": request.attended,
    }


def _update_existing(locked, page, rsvp, request, now):
    """Staff entered a registration for someone already registered: update it. The
    private link is left alone (the person keeps the one they were sent)."""
    fields = _fields(request)
    fields.pop("source")
    size = fields.pop("party_size")
    for name, value in fields.items():
        setattr(rsvp, name, value)
    _resize(locked, rsvp, size)
    rsvp.consent_at = now
    # Named fields only: the dispatcher may rotate token_hash meanwhile.
    rsvp.save(update_fields=[*fields, "party_size", "consent_at", "modified_at"])
    outbox.rsvp_changed(rsvp)
    fill_waitlist(locked, now)
    rsvp.refresh_from_db()
    return Outcome(rsvp, updated=True)


def _resize(locked, rsvp, size):
    old = rsvp.party_size
    if (
        rsvp.status == RsvpStatus.CONFIRMED
        and size > old
        and locked.capacity is not None
        and used_seats(locked) - old + size > locked.capacity
    ):
        raise SeatError("not_enough_seats", limit=locked.capacity - used_seats(locked) + old)
    rsvp.party_size = size


def change(rsvp, *, party_size=None, pickup_key=None, needs_transport=None, now=None):
    """Change an active RSVP's party size or pickup point; freed seats go to the waitlist."""
    page = event_rules(rsvp.date)
    if party_size is not None:
        limit = party_limit(page, rsvp.date, rsvp.is_group)
        if not 1 <= party_size <= limit:
            raise SeatError("too_large", limit=limit)

    def decide(locked):
        current = now or timezone.now()
        reason = closed_reason(locked, page, current)
        if reason:
            raise SeatError(reason)
        fresh = locked.rsvps.get(pk=rsvp.pk)
        if not fresh.is_active:
            raise SeatError("inactive")
        if party_size is not None:
            _resize(locked, fresh, party_size)
        if needs_transport is not None:
            fresh.needs_transport = needs_transport
            fresh.pickup_key = pickup_key if needs_transport else None
        # Named fields only: the dispatcher may rotate token_hash meanwhile.
        fresh.save(update_fields=["party_size", "needs_transport", "pickup_key", "modified_at"])
        outbox.rsvp_changed(fresh)
        fill_waitlist(locked, current)
        fresh.refresh_from_db()
        return fresh

    return with_date_locked(rsvp.date_id, decide)


def cancel(rsvp, *, now=None):
    """Give the seat back (or leave the waiting list); the waitlist moves up."""

    def decide(locked):
        fresh = locked.rsvps.get(pk=rsvp.pk)
        if fresh.is_active:
            fresh.status = RsvpStatus.CANCELLED
            fresh.save(update_fields=["status", "modified_at"])
            outbox.rsvp_cancelled(fresh)
            fill_waitlist(locked, now or timezone.now())
        return fresh

    return with_date_locked(rsvp.date_id, decide)


def promote(date, *, now=None):
    """Fill freed seats from the waiting list (after a capacity raise, for instance)."""
    return with_date_locked(date.pk, lambda locked: fill_waitlist(locked, now or timezone.now()))


def promotion_cutoff(date):
    return date.start - dt.timedelta(hours=settings.ENSEMBLE_PROMOTION_CUTOFF_HOURS)


def fill_waitlist(locked, now):
    """First fit in arrival order (docs/seats.md): walk the waiting list from the
    front, confirming every party that fits in the seats still free. A party that
    does not fit keeps its place at the front for the next seats."""
    if locked.status != "scheduled" or now >= promotion_cutoff(locked):
        return []
    free = None if locked.capacity is None else locked.capacity - used_seats(locked)
    promoted = []
    for waiting in locked.rsvps.waitlist():
        if free is not None and free <= 0:
            break
        if free is None or waiting.party_size <= free:
            waiting.status = RsvpStatus.CONFIRMED
            waiting.save(update_fields=["status", "modified_at"])
            outbox.rsvp_promoted(waiting)
            promoted.append(waiting)
            if free is not None:
                free -= waiting.party_size
    return promoted
