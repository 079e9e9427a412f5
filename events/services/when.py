"""Named time windows ("this weekend", "next 7 days") in Québec local time."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def local_now(now=None):
    return timezone.localtime(now or timezone.now(), ZoneInfo(settings.TIME_ZONE))


def _midnight(day):
    return dt.datetime.combine(day, dt.time(0), tzinfo=ZoneInfo(settings.TIME_ZONE))


def this_weekend(now=None):
    """From Saturday 00:00 to Monday 00:00; on the weekend itself, the current one."""
    today = local_now(now).date()
    saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
    if today.weekday() == 6:
        saturday = today - dt.timedelta(days=1)
    return _midnight(saturday), _midnight(saturday + dt.timedelta(days=2))


def next_days(days, now=None):
    today = local_now(now).date()
    return _midnight(today), _midnight(today + dt.timedelta(days=days))
