"""Named time windows ("this weekend", "next 7 days") in Québec local time."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def local_now(now=None):
    return timezone.localtime(now or timezone.now(), ZoneInfo(settings.TIME_ZONE))


def _midnight(day):
    return dt.datetime.combine(day, dt.time(0), tzinfo=ZoneInfo(settings.TIME_ZONE))


def week_version(now=None):
    """The ISO week as YYYYWW (the digest's version number)."""
    year, week, _day = local_now(now).isocalendar()
    return year * 100 + week


def this_weekend(now=None, *, week=None):
    """Saturday 00:00 to Monday 00:00 (local) of an ISO week (YYYYWW), by default the
    current one: from Monday to Saturday the coming weekend, on Sunday the one under
    way. The site's "this weekend", the flyers and the digest all read it here."""
    year, number = divmod(week or week_version(now), 100)
    saturday = dt.date.fromisocalendar(year, number, 6)
    return _midnight(saturday), _midnight(saturday + dt.timedelta(days=2))


def next_days(days, now=None):
    today = local_now(now).date()
    return _midnight(today), _midnight(today + dt.timedelta(days=days))
