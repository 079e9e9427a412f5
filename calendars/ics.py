"""iCalendar (RFC 5545 / RFC 7986) feeds of activity dates.

Pure Python: callers turn their own records into :class:`CalendarEntry` and
serve the bytes from :func:`build_calendar` as ``text/calendar; charset=utf-8``.
The output depends only on the entries and arguments (never on the clock), so
an unchanged feed keeps the same bytes and :func:`calendar_etag`.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vDuration

from .vtimezone import vtimezone

# RFC 5545 TEXT excludes control characters other than the line breaks that
# escaping turns into "\n"; the strict parsers reject them.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_GEO_DECIMALS = 6  # about 10 cm; avoids float noise such as 46.81390000000001
# The instants a calendar carries. A VTIMEZONE covers a year either side of its
# events and some years after (vtimezone.py): near year 1 or 9999 it cannot be
# written, and one spanning centuries is slow to compute (the zone is sampled daily).
# No activity lies outside; callers leave such dates out (docs/calendar.md).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CalendarEntry:
    """One dated occurrence of an activity, as published in a feed."""

    uid: str
    start: datetime
    end: datetime
    tzid: str
    summary: str
    description: str
    location: str
    url: str
    last_modified: datetime
    sequence: int = 0
    cancelled: bool = False
    geo: tuple[float, float] | None = None
    categories: tuple[str, ...] = ()
    created: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("start", "end", "last_modified", "created"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")
        if self.end < self.start:
            raise ValueError("end is before start")
        if not (EARLIEST <= self.start and self.end <= LATEST):
            raise ValueError(f"{self.uid} lies outside {EARLIEST.year}-{LATEST.year}")
        ZoneInfo(self.tzid)  # raises for an unknown zone


def build_calendar(
    entries: Iterable[CalendarEntry],
    *,
    name: str,
    description: str = "",
    language: str = "fr",
    refresh: timedelta = timedelta(hours=6),
    method: str | None = "PUBLISH",
) -> bytes:
    """Serialize ``entries`` as one VCALENDAR with the VTIMEZONEs they use.

    Events come out ordered by start instant then UID, whatever the order of
    ``entries``. ``language`` tags the human-readable text (LANGUAGE parameter).
    """
    if refresh <= timedelta(0):
        raise ValueError("refresh must be positive")
    entries = sorted(entries, key=lambda e: (e.start.astimezone(UTC), e.uid))
    _check_unique_uids(entries)

    cal = Calendar()
    cal.add("prodid", f"-//Ensemble//Ensemble//{language.split('-')[0].upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    text_params = {"LANGUAGE": language}
    cal.add("name", _text(name), parameters=text_params)
    cal.add("x-wr-calname", _text(name))
    if description:
        cal.add("description", _text(description), parameters=text_params)
        cal.add("x-wr-caldesc", _text(description))
    cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    # Without the explicit type icalendar writes an X- property's timedelta as "6:00:00".
    cal.add("x-published-ttl", vDuration(refresh))

    for tzid, (first_year, last_year) in sorted(_zone_spans(entries).items()):
        cal.add_component(vtimezone(tzid, first_year, last_year))
    for entry in entries:
        cal.add_component(_event(entry, text_params))
    return cal.to_ical()


def calendar_etag(body: bytes) -> str:
    """A strong HTTP ETag for a serialized calendar."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _check_unique_uids(entries: list[CalendarEntry]) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.uid in seen:
            raise ValueError(f"duplicate UID {entry.uid!r}")
        seen.add(entry.uid)


def _zone_spans(entries: Iterable[CalendarEntry]) -> dict[str, tuple[int, int]]:
    """Years each zone must cover, with a year of margin on each side.

    The margin keeps clients right when they look just outside an event,
    e.g. for an alarm or when a user drags it to another date.
    """
    years: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        zone = ZoneInfo(entry.tzid)
        years[entry.tzid].update(dt.astimezone(zone).year for dt in (entry.start, entry.end))
    return {tzid: (min(ys) - 1, max(ys) + 1) for tzid, ys in years.items()}


def _event(entry: CalendarEntry, text_params: dict[str, str]) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    stamp = entry.last_modified.astimezone(UTC)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    if entry.created is not None:
        event.add("created", entry.created.astimezone(UTC))
    event.add("sequence", entry.sequence)
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    event.add("summary", _text(entry.summary), parameters=text_params)
    if entry.description:
        event.add("description", _text(entry.description), parameters=text_params)
    if entry.location:
        event.add("location", _text(entry.location), parameters=text_params)
    if entry.geo is not None:
        lat, lon = entry.geo
        event.add("geo", (round(lat, _GEO_DECIMALS), round(lon, _GEO_DECIMALS)))
    if entry.url:
        event.add("url", entry.url)
    if entry.categories:
        event.add("categories", [_text(c) for c in entry.categories])
    zone = ZoneInfo(entry.tzid)
    event.add("dtstart", _wall_time(entry.start, zone))
    event.add("dtend", _wall_time(entry.end, zone))
    return event


def _wall_time(instant: datetime, zone: ZoneInfo) -> datetime:
    """``instant`` on the zone's clock, or in UTC when that clock reading is ambiguous.

    During the hour repeated when clocks fall back, a TZID time does not say
    which pass is meant: RFC 5545 says the first, ical.js takes the second.
    """
    local = instant.astimezone(zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
        return instant.astimezone(UTC)
    return local


def _text(value: str) -> str:
    return _CONTROL_CHARS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
