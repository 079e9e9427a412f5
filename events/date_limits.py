"""What staff may give an activity's dates: which days, which seats, which clock times.

One definition, read by the event page's validation (EventPage.clean), the admin's
date form (rsvp/admin_views/dates.py) and the schedule service
(rsvp/services/schedule.py), which refuses the same things whatever path they come
from. Why these bounds: docs/dates.md, "Sane dates".
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils import formats, timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from core.formatting import format_clock

# From 1 January, this many years back (last season's sessions, recorded late for
# the funders' report) to 31 December, this many years ahead.
YEARS_BACK = 2
YEARS_AHEAD = 2
# Far above any activity (a resource fair draws hundreds), far below the database's
# integer (2,147,483,647 on PostgreSQL).
MAX_SEATS = 10_000


def date_window(today=None):
    """The first and the last day an activity's date may fall on (local days)."""
    today = today or timezone.localdate()
    return dt.date(today.year - YEARS_BACK, 1, 1), dt.date(today.year + YEARS_AHEAD, 12, 31)


def window_message(today=None):
    first, last = date_window(today)
    return _("Choose a date from %(first)s to %(last)s.") % {
        "first": formats.date_format(first),
        "last": formats.date_format(last),
    }


def day_error(day, today=None):
    """The message for a day outside the window, or None."""
    first, last = date_window(today)
    return None if first <= day <= last else window_message(today)


def instants_error(start, end, tzname, today=None):
    """The same window for a date given as instants (the schedule service's check)."""
    first, last = date_window(today)
    zone = ZoneInfo(tzname)
    earliest = dt.datetime.combine(first, dt.time(), zone)
    latest = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone)
    return None if earliest <= start and end <= latest else window_message(today)


def seats_message():
    return _("Give at most %(max)s seats, or leave it empty for no limit.") % {
        "max": formats.number_format(MAX_SEATS, force_grouping=True)
    }


def seats_error(capacity):
    """The message for a number of seats staff may not give, or None (None is no limit)."""
    return None if capacity is None or 1 <= capacity <= MAX_SEATS else seats_message()


@deconstructible
class SeatsValidator(MaxValueValidator):
    """Model field validator of the page's and the date's number of seats. A
    MaxValueValidator, so that Django adds no check of its own for the database's
    integer (whose message would name 2,147,483,647 on PostgreSQL)."""

    def __init__(self):
        super().__init__(MAX_SEATS)

    def __call__(self, value):
        if value is not None and value > MAX_SEATS:
            raise ValidationError(seats_message(), code="max_value")


def skipped(day, time, tzname):
    """Whether the clocks skip this reading on this day (the hour lost in spring).

    zoneinfo gives a skipped reading the offset in force before the change, as
    RFC 5545 reads it: 02:30 on the morning clocks go from 02:00 to 03:00 would be
    stored as 03:30, and an activity from 02:30 to 03:15 would end before it starts.
    A reading the clocks show twice (autumn) is not refused: it means the first
    time, the earlier instant (fold=0), as RFC 5545 reads it. Call with a day
    inside the window (near year 1 or 9999 the instants cannot be computed).
    """
    value = dt.datetime.combine(day, time, tzinfo=ZoneInfo(tzname))
    return value.astimezone(dt.UTC).astimezone(value.tzinfo).time() != time


def skipped_time_error(day, time, tzname):
    """The message for a clock time that does not exist on that day, or None."""
    if not skipped(day, time, tzname):
        return None
    return _(
        "The clocks move forward an hour that night: %(time)s does not exist on %(day)s. "
        "Choose another time."
    ) % {"time": format_clock(time), "day": formats.date_format(day)}
