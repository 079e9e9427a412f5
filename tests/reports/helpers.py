"""Registrations on past dates, as the RSVP service stores them, for report tests."""

import datetime as dt
import itertools

from django.utils import timezone

from core.person_keys import person_key
from events.models import EventDate
from reports.periods import Period
from rsvp.models import Rsvp, RsvpSource, RsvpStatus

_phones = itertools.count(1)


def a_phone():
    return f"+1819555{next(_phones):04d}"


def past_date(event, day, hour=10):
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
    return EventDate.objects.create(event=event, start=start, end=start + dt.timedelta(hours=3))


def rsvp(date, phone=None, *, party=1, status=RsvpStatus.CONFIRMED, **fields):
    """A registration as take_seat would have stored it (the key from the contact)."""
    phone = a_phone() if phone is None else phone
    fields.setdefault("language", "es")
    fields.setdefault("region", date.event.region)
    return Rsvp.objects.create(
        date=date,
        phone=phone,
        contact_key=phone,
        person_key=person_key(phone),
        party_size=party,
        status=status,
        **fields,
    )


def walk_in(date, party=1):
    return Rsvp.objects.create(
        date=date,
        party_size=party,
        status=RsvpStatus.CONFIRMED,
        source=RsvpSource.WALK_IN,
        attended=True,
        language="es",
        region=date.event.region,
    )


SEASON = Period(dt.date(2025, 4, 1), dt.date(2026, 3, 31))
