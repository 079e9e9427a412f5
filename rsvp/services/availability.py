"""What each date offers to someone about to register (read-only, for display).

The numbers here only inform; the decision is taken again under the date's lock
by rsvp.services.seats.
"""

import dataclasses

from django.db.models import Sum
from django.utils import timezone

from core.originals import original_page
from events.models import EventDate
from rsvp.models import Rsvp, RsvpStatus
from rsvp.services.seats import closed_reason

OPEN, WAITLIST, FULL = "open", "waitlist", "full"


@dataclasses.dataclass
class Slot:
    date: EventDate
    state: str  # open, waitlist, full, or a closed reason: past, cancelled, closed
    free: int | None  # seats left, None when there is no limit

    @property
    def bookable(self):
        return self.state in (OPEN, WAITLIST)


# What the RSVP forms read from the original page.
RULE_FIELDS = ("max_party_size", "waitlist_allowed", "group_rsvp_allowed", "live")


def rules_of(date):
    """The page holding the rules, without a query when the caller already joined it."""
    return original_page(date, only=RULE_FIELDS)


def slots(dates, now=None):
    """One Slot per date, in two queries whatever the number of dates."""
    dates = list(dates)
    if not dates:
        return []
    now = now or timezone.now()
    rules = rules_of(dates[0])
    if all(hasattr(date, "confirmed_seats") for date in dates):
        used = {date.pk: date.confirmed_seats for date in dates}
    else:
        used = dict(
            Rsvp.objects.filter(date__in=dates, status=RsvpStatus.CONFIRMED)
            .values_list("date")
            .annotate(total=Sum("party_size"))
            .values_list("date", "total")
        )
    result = []
    for date in dates:
        free = None if date.capacity is None else max(0, date.capacity - used.get(date.pk, 0))
        reason = closed_reason(date, rules, now)
        if reason:
            state = reason
        elif free is None or free > 0:
            state = OPEN
        else:
            state = WAITLIST if rules.waitlist_allowed else FULL
        result.append(Slot(date, state, free))
    return result
