"""Dates in words in an explicitly chosen language, whatever language is active."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils.translation import override

from core.formatting import format_clock, format_datetime, format_day, format_range

START = dt.datetime(2026, 11, 28, 10, 30, tzinfo=ZoneInfo("America/Toronto"))
END = START.replace(hour=15, minute=0)


@pytest.mark.parametrize("active", ["fr", "es", "en"])
def test_explicit_language_wins_over_the_active_one(active):
    with override(active):
        assert format_day(START, language="es") == "sábado 28 de noviembre"
        assert format_day(START, language="fr") == "samedi 28 novembre"
        assert format_day(START, language="en") == "Saturday, November 28"
        assert format_range(START, END, language="es") == "sábado 28 de noviembre, 10:30 – 15:00"
        assert format_datetime(START, language="en") == "Saturday, November 28, 10:30 AM"
        assert format_clock(dt.time(7, 50), language="fr") == "7 h 50"
