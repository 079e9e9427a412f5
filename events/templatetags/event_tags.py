from django import template
from django.conf import settings

from core import formatting

register = template.Library()


@register.filter
def local_day(value, tzname=None):
    return formatting.format_day(value, tzname) if value else ""


@register.filter
def local_time(value, tzname=None):
    return formatting.format_time(value, tzname) if value else ""


@register.filter
def local_datetime(value, tzname=None):
    return formatting.format_datetime(value, tzname) if value else ""


@register.filter
def clock(value):
    """A time of day (pickup times) in the language's style: 8 h 15 / 8:15 / 8:15 AM."""
    return formatting.format_clock(value) if value else ""


@register.simple_tag
def date_range(date, tzname=None):
    return formatting.format_range(date.start, date.end, tzname)


@register.simple_tag
def timezone_label(tzname):
    """The zone's name, only when it is not the usual Eastern time."""
    if not tzname or tzname == settings.TIME_ZONE:
        return ""
    return dict(settings.ENSEMBLE_EVENT_TIMEZONES).get(tzname, tzname)
