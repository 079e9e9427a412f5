"""Fixtures that resolve each VEVENT of an .ics to UTC instants with an independent parser.

Every resolver returns ``{uid: (start_utc, end_utc)}`` and must get the offset
from the file's VTIMEZONE, never from its own copy of the time zone database:
the point is to check the VTIMEZONEs we write, as a phone or Thunderbird sees
them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calendars.ics import CalendarEntry

ICALJS_DIR = Path(__file__).parent / "icaljs"
ICALJS_SETUP = "run `npm ci --prefix tests/calendars/icaljs`"
# Set in CI to turn a missing ical.js into a failure instead of a skip.
REQUIRE_ICALJS = os.environ.get("ENSEMBLE_REQUIRE_ICALJS") == "1"

Resolved = dict[str, tuple[datetime, datetime]]
LAST_MODIFIED = datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)


@pytest.fixture
def make_entry() -> Callable[..., CalendarEntry]:
    def make(uid: str, start: datetime, end: datetime | None = None, **fields) -> CalendarEntry:
        tzid = fields.pop("tzid", None) or start.tzinfo.key
        defaults = {
            "summary": f"Activité {uid}",
            "description": "",
            "location": "",
            "url": f"https://ensemble.quebec/fr/activites/{uid}/",
            "last_modified": LAST_MODIFIED,
        }
        return CalendarEntry(
            uid=uid,
            start=start,
            end=end or start + timedelta(hours=2),
            tzid=tzid,
            **(defaults | fields),
        )

    return make


# icalendar ------------------------------------------------------------------


def _resolve_icalendar(ics: bytes) -> Resolved:
    import icalendar

    cal = icalendar.Calendar.from_ical(ics)
    # from_ical itself resolves IANA TZIDs with zoneinfo; lookup_tzid=False
    # makes icalendar build the zone from the VTIMEZONE component instead.
    zones = {tz.tz_name: tz.to_tz(lookup_tzid=False) for tz in cal.timezones}
    assert not any(isinstance(zone, ZoneInfo) for zone in zones.values())

    def instant(prop) -> datetime:
        tzid = prop.params.get("TZID")
        if tzid is None:
            assert prop.dt.utcoffset() == timedelta(0), "floating time"
            return prop.dt.astimezone(UTC)
        return prop.dt.replace(tzinfo=zones[tzid]).astimezone(UTC)

    return {
        str(event["UID"]): (instant(event["DTSTART"]), instant(event["DTEND"]))
        for event in cal.events
    }


# ical (strict, pydantic) ----------------------------------------------------


def _private_tzids(ics: bytes) -> str:
    """The calendar with every TZID renamed to one no time zone database knows.

    The ``ical`` package prefers its own zone data over a VTIMEZONE whose TZID
    it recognizes; with unknown names it has to use the file's definitions.
    """
    text = re.sub(r"\r\n[ \t]", "", ics.decode())
    names = re.findall(r"(?m)^TZID:(.+?)\r$", text)
    renamed = {name: f"Ensemble-Test-Zone-{i}" for i, name in enumerate(names)}
    text = re.sub(r"(?m)^TZID:(.+?)\r$", lambda m: f"TZID:{renamed[m[1]]}\r", text)
    return re.sub(r";TZID=([^;:]+)", lambda m: f";TZID={renamed.get(m[1], m[1])}", text)


def _resolve_ical(ics: bytes) -> Resolved:
    from ical.calendar_stream import IcsCalendarStream
    from ical.timezone import IcsTimezoneInfo

    cal = IcsCalendarStream.calendar_from_ics(_private_tzids(ics))

    def instant(value: datetime) -> datetime:
        assert value.tzinfo is UTC or isinstance(value.tzinfo, IcsTimezoneInfo), value.tzinfo
        return value.astimezone(UTC)

    return {e.uid: (instant(e.dtstart), instant(e.dtend)) for e in cal.events}


# ical.js (Mozilla, as in Thunderbird) --------------------------------------


def _icaljs_unavailable() -> str | None:
    if shutil.which("node") is None:
        return f"ical.js not installed: node is not on PATH; install Node, then {ICALJS_SETUP}"
    if not (ICALJS_DIR / "node_modules" / "ical.js" / "package.json").is_file():
        return f"ical.js not installed: {ICALJS_SETUP}"
    return None


def _resolve_icaljs(ics: bytes) -> Resolved:
    proc = subprocess.run(
        [shutil.which("node"), str(ICALJS_DIR / "resolve.mjs")],
        input=ics,
        capture_output=True,
        timeout=120,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"ical.js could not resolve the calendar:\n{proc.stderr.decode()}")

    def instant(value: dict) -> datetime:
        return datetime.fromtimestamp(value["epoch"], tz=UTC)

    return {
        uid: (instant(times["start"]), instant(times["end"]))
        for uid, times in json.loads(proc.stdout).items()
    }


@pytest.fixture
def resolve_icalendar() -> Callable[[bytes], Resolved]:
    return _resolve_icalendar


@pytest.fixture
def resolve_ical() -> Callable[[bytes], Resolved]:
    return _resolve_ical


@pytest.fixture
def resolve_icaljs() -> Callable[[bytes], Resolved]:
    if reason := _icaljs_unavailable():
        if REQUIRE_ICALJS:
            pytest.fail(reason)
        pytest.skip(reason)
    return _resolve_icaljs


PARSERS = ("icalendar", "ical", "icaljs")


@pytest.fixture(params=PARSERS)
def resolve(request) -> Callable[[bytes], Resolved]:
    """Each parser in turn."""
    return request.getfixturevalue(f"resolve_{request.param}")


# Feeds built from the database ------------------------------------------------


@pytest.fixture(autouse=True)
def _empty_feed_cache():
    """Built feeds are cached by fingerprint; tests must not see each other's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def translated_event(site_tree):
    """An activity with pickup points, published in fr, es and en."""
    import datetime as dt

    from core.translations import translate
    from events.models import PickupPoint
    from tests.factories import EventFactory

    def make(**fields):
        fields.setdefault("transport_provided", True)
        fields.setdefault("bring_bike", True)
        fields.setdefault("transport_notes", "Retour vers 16 h.")
        fields.setdefault("what_to_bring", "Bottes et lunch")
        fields.setdefault("latitude", "45.136900")
        fields.setdefault("longitude", "-71.800100")
        fields.setdefault("address", "135 rue Michaud")
        event = EventFactory(**fields)
        event.pickup_points.add(
            PickupPoint(
                name="Église Sainte-Edwidge",
                address="2 chemin de l'Église",
                time=dt.time(8, 15),
                notes="devant la porte",
                locale=event.locale,
            )
        )
        event.save_revision().publish()
        event.refresh_from_db()
        org = event.get_parent().specific
        for lang in ("es", "en"):
            if not org.get_translations().filter(locale__language_code=lang).exists():
                translate(org, lang, {})
        strings = {
            "es": {
                event.title: f"Paseo {event.pk}",
                event.slug: f"paseo-{event.pk}",
                event.summary: "Un paseo para todos.",
                "Église Sainte-Edwidge": "Iglesia Sainte-Edwidge",
                "devant la porte": "frente a la puerta",
                "Bottes et lunch": "Botas y almuerzo",
                "Retour vers 16 h.": "Regreso hacia las 16:00.",
            },
            "en": {
                event.title: f"Walk {event.pk}",
                event.slug: f"walk-{event.pk}",
                event.summary: "A walk for everyone.",
                "Église Sainte-Edwidge": "Sainte-Edwidge Church",
            },
        }
        versions = {"fr": event}
        for lang, texts in strings.items():
            versions[lang] = translate(event, lang, texts)
        return versions

    return make
