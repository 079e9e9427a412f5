"""Dates and times the way each language reads them.

"samedi 14 juin, 10 h 30" / "sábado 14 de junio, 10:30" / "Saturday, June 14, 10:30 AM".
Django's own locale formats give "14 juin 2025" and "10:30" for French, so the
patterns are spelled out here.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat, timezone
from django.utils.translation import get_language, override

DAY = {"fr": r"l j F", "es": r"l j \d\e F", "en": r"l, F j"}
TIME = {"fr": r"G \h i", "es": r"H:i", "en": r"g:i A"}
SHORT_DAY = {"fr": r"D j M", "es": r"D j M", "en": r"D, M j"}
# "sam 14 juin" / "sáb 14 de junio" / "Sat, Jun 14": where every character counts (SMS).
BRIEF_DAY = {"fr": r"D j F", "es": r"D j \d\e F", "en": r"D, M j"}
# Day and month as numbers, for an SMS short of room: "mer 30/9", "mié 30/9", "Wed 9/30".
NUMERIC_DAY = {"fr": r"D j/n", "es": r"D j/n", "en": r"D n/j"}


def _lang(language=None):
    code = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    return code if code in DAY else "fr"


def to_local(value, tzname=None):
    try:
        return timezone.localtime(value, ZoneInfo(tzname or settings.TIME_ZONE))
    except OverflowError:
        # The first hours of year 1 (a date written past the forms, docs/dates.md) have
        # no reading on a clock west of Greenwich: shown in UTC rather than failing.
        return value.astimezone(dt.UTC)


def format_day(value, tzname=None, language=None):
    # Day and month names come from the active translation: a language asked for
    # explicitly must be active too, or "es" under French gives "samedi 5 de décembre".
    lang = _lang(language)
    with override(lang):
        return dateformat.format(to_local(value, tzname), DAY[lang])


def format_time(value, tzname=None, language=None):
    lang = _lang(language)
    with override(lang):
        return dateformat.format(to_local(value, tzname), TIME[lang])


def format_datetime(value, tzname=None, language=None):
    return f"{format_day(value, tzname, language)}, {format_time(value, tzname, language)}"


def _day_and_time(value, tzname, language, day_formats):
    lang = _lang(language)
    with override(lang):
        day = dateformat.format(to_local(value, tzname), day_formats[lang])
    return f"{day}, {format_time(value, tzname, lang)}"


def format_brief(value, tzname=None, language=None):
    """'sam 14 juin, 10 h 30': day and time in few characters."""
    return _day_and_time(value, tzname, language, BRIEF_DAY)


def format_short_datetime(value, tzname=None, language=None):
    """'sam 14/6, 10 h 30': shorter still, for an SMS short of room."""
    return _day_and_time(value, tzname, language, NUMERIC_DAY)


def format_range(start, end, tzname=None, language=None):
    """'samedi 14 juin, 10 h 30 – 15 h' (end day repeated only when it differs)."""
    lang = _lang(language)
    text = format_datetime(start, tzname, lang)
    if to_local(start, tzname).date() == to_local(end, tzname).date():
        return f"{text} – {format_time(end, tzname, lang)}"
    return f"{text} – {format_datetime(end, tzname, lang)}"


def format_clock(value, language=None):
    lang = _lang(language)
    with override(lang):
        return dateformat.time_format(value, TIME[lang])
