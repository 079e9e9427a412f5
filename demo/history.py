"""Past dates with registrations, so the demo's reports have something to count.

Each demo activity gets a few past dates (added by hand, outside its weekly rule) with
registrations as the site stores them: some people come back every week, some bring
a group, some cancel or stay on the waiting list, a few walk in. Rows are written
directly — no message goes out for a date that is over. Runs once per activity: an
activity that already has a past date is left as it is.
"""

import datetime as dt
import random

from django.utils import timezone

from core.person_keys import person_key
from events.models import EventDate
from rsvp.models import Rsvp, RsvpSource, RsvpStatus
from rsvp.services.seats import contact_key

WEEKS = (2, 3, 5, 6, 9, 10, 14, 19, 23, 27)
# Fictional numbers (555-01xx, area code 438 so as not to meet the 819 numbers tests
# type): a pool shared by every activity, so that the same people come back and
# reports count them once.
PHONES = [f"+1438555{n:04d}" for n in range(100, 160)]
LANGUAGES = ("es", "es", "es", "fr", "en")


def add_history(events, today=None):
    today = today or timezone.localdate()
    added = 0
    for event in events:
        if EventDate.objects.filter(event=event, start__lt=timezone.now()).exists():
            continue
        rng = random.Random(event.slug)
        for weeks in rng.sample(WEEKS, 4):
            added += _past_date(event, today - dt.timedelta(weeks=weeks), rng)
    return added


def _past_date(event, day, rng):
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(day, event.start_time, tzinfo=zone)
    end = dt.datetime.combine(day, event.end_time, tzinfo=zone)
    date = EventDate.objects.create(event=event, start=start, end=end, capacity=event.capacity)
    people = rng.sample(PHONES, rng.randint(6, 18))
    rows = [_registration(date, event, phone, rng) for phone in people]
    used = _keep_to_capacity(rows, date.capacity)
    for _ in range(rng.randint(0, 3)):
        party = rng.randint(1, 3)
        if date.capacity is not None and used + party > date.capacity:
            break  # walk-ins never wait: no seat, no walk-in
        used += party
        rows.append(_walk_in(date, event, party, rng))
    Rsvp.objects.bulk_create(rows)
    return len(rows)


def _walk_in(date, event, party, rng):
    return Rsvp(
        date=date,
        party_size=party,
        status=RsvpStatus.CONFIRMED,
        source=RsvpSource.WALK_IN,
        attended=True,
        reminder="none",
        language=rng.choice(LANGUAGES),
        region=event.region,
    )


def _keep_to_capacity(rows, capacity):
    """Never more people than seats, in the demo too: the overflow waits."""
    used = 0
    for rsvp in rows:
        if rsvp.status != RsvpStatus.CONFIRMED:
            continue
        if capacity is not None and used + rsvp.party_size > capacity:
            rsvp.status, rsvp.attended, rsvp.waitlisted_at = (
                RsvpStatus.WAITLISTED,
                False,
                rsvp.date.start,
            )
        else:
            used += rsvp.party_size
    return used


def _registration(date, event, phone, rng):
    status = rng.choices(
        [RsvpStatus.CONFIRMED, RsvpStatus.CANCELLED, RsvpStatus.WAITLISTED], [85, 10, 5]
    )[0]
    party = 1 if rng.random() < 0.7 else rng.randint(2, max(2, event.max_party_size or 2))
    key = contact_key(phone, "")
    return Rsvp(
        date=date,
        first_name="Demo",
        phone=phone,
        contact_key=key,
        person_key=person_key(key),
        party_size=party,
        status=status,
        waitlisted_at=date.start if status == RsvpStatus.WAITLISTED else None,
        attended=status == RsvpStatus.CONFIRMED and rng.random() < 0.8,
        needs_transport=rng.random() < 0.6,
        language=rng.choice(LANGUAGES),
        region=event.region,
        consent_at=date.start - dt.timedelta(days=3),
    )
