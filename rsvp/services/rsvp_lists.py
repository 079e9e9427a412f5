"""What the organizing organization sees of a date's RSVPs: counts, transport, the list.

Only the admin views guarded by the event page's edit permission call this.
"""

import dataclasses

from django.db.models import Count, Sum

from core.phones import display_phone
from rsvp.models import RsvpStatus
from rsvp.services.seats import waitlist_position


@dataclasses.dataclass
class Summary:
    capacity: int | None
    confirmed_seats: int
    confirmed_rsvps: int
    waitlisted_seats: int
    waitlisted_rsvps: int
    attended_seats: int
    transport: list  # (pickup label, people) for confirmed RSVPs needing a ride


def pickup_names(page, date):
    """Each pickup point's label with its time on this date (a moved date's pickups
    moved with it); the times count from the event's original page."""
    return {p.translation_key: p.label_on(date) for p in page.pickup_points.all()}


def summary(date, page):
    rows = date.rsvps.values("status").annotate(seats=Sum("party_size"), rsvps=Count("pk"))
    by_status = {row["status"]: row for row in rows}

    def get(status, key):
        return (by_status.get(status) or {}).get(key) or 0

    attended = date.rsvps.filter(attended=True).aggregate(s=Sum("party_size"))["s"] or 0
    names = pickup_names(page, date)
    rides = (
        date.rsvps.filter(status=RsvpStatus.CONFIRMED, needs_transport=True)
        .values("pickup_key")
        .annotate(people=Sum("party_size"))
        .order_by("pickup_key")
    )
    transport = [(names.get(r["pickup_key"], "—"), r["people"]) for r in rides]
    return Summary(
        capacity=date.capacity,
        confirmed_seats=get(RsvpStatus.CONFIRMED, "seats"),
        confirmed_rsvps=get(RsvpStatus.CONFIRMED, "rsvps"),
        waitlisted_seats=get(RsvpStatus.WAITLISTED, "seats"),
        waitlisted_rsvps=get(RsvpStatus.WAITLISTED, "rsvps"),
        attended_seats=attended,
        transport=transport,
    )


def rows(date, page, statuses=None):
    """RSVPs with display fields, confirmed first, then the waiting list in order."""
    names = pickup_names(page, date)
    queryset = date.rsvps.all()
    if statuses:
        queryset = queryset.filter(status__in=statuses)
    order = {RsvpStatus.CONFIRMED: 0, RsvpStatus.WAITLISTED: 1, RsvpStatus.CANCELLED: 2}
    result = sorted(
        queryset, key=lambda r: (order[r.status], r.waitlisted_at or r.created_at, r.pk)
    )
    position = 0
    for rsvp in result:
        rsvp.pickup_name = names.get(rsvp.pickup_key, "") if rsvp.needs_transport else ""
        rsvp.phone_display = display_phone(rsvp.phone)
        if rsvp.status == RsvpStatus.WAITLISTED:
            position += 1
            rsvp.position = position
        else:
            rsvp.position = None
    return result


__all__ = ["Summary", "rows", "summary", "waitlist_position"]
