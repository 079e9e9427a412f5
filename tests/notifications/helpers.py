import datetime as dt

from django.utils import timezone

from events.models import EventDate
from tests.factories import EventFactory
from tests.rsvp_helpers import ask


def a_date(**fields):
    event = EventFactory(**fields)
    return EventDate.objects.for_event(event).get()


def rsvp_on(date, **fields):
    fields.setdefault("email", "ana@example.org")
    return ask(date, **fields).rsvp


def past_quiet_hours():
    """A moment when anything queued now (even at night) is due."""
    return timezone.now() + dt.timedelta(hours=13)


def local(date_value, hour, minute=0, tz="America/Toronto"):
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(date_value, dt.time(hour, minute), tzinfo=ZoneInfo(tz))
