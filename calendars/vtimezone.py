"""VTIMEZONE components computed from ``zoneinfo``.

The component must make icalendar, the strict ``ical`` package and Mozilla's
ical.js (Thunderbird) resolve local times to the instants ``zoneinfo`` gives.
Only the plainest RFC 5545 shapes are emitted, because the parsers differ at
the edges:

* The first sub-component states the offset in force at the start of the span
  (TZOFFSETFROM = TZOFFSETTO). ical.js and ``ical`` fall back to UTC for local
  times before the earliest onset they know.
* If every year of the span has exactly one change to daylight time and one
  back, each on a fixed "nth (or last) weekday of a month" at a fixed wall
  time, they become one DAYLIGHT and one STANDARD with a yearly RRULE.
* Otherwise each change gets its own sub-component.

A sub-component without RRULE repeats its DTSTART as its only RDATE, as
libical's vzic does: the ``ical`` package ignores a sub-component that has
neither RRULE nor RDATE, while ical.js ignores DTSTART once RDATE is present
and reads only the first value of an RDATE property (so one RDATE listing
many changes, as icalendar writes, is misread).

DTSTART is the wall-clock time just before the change (in TZOFFSETFROM), as
RFC 5545 section 3.6.5 defines it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY = 86400
# A yearly rule must also hold for this many years after the span, because its
# RRULE is open-ended, and so that "4th" and "last" weekday are told apart (a
# weekday falls on every day of the month's last week within seven years).
_LOOKAHEAD_YEARS = 7


@dataclass(frozen=True)
class _State:
    offset: timedelta
    dst: bool
    name: str


@dataclass(frozen=True)
class Transition:
    """A change of offset (or of observance) at one instant."""

    at: datetime  # UTC
    before: _State
    after: _State

    @property
    def wall(self) -> datetime:
        """Naive local time of the change, on the clock that was in force until then."""
        return (self.at + self.before.offset).replace(tzinfo=None)


@dataclass(frozen=True)
class _Rule:
    month: int
    weekday: int
    ordinal: int  # 1..4, or -1 for the last such weekday of the month
    wall_time: tuple[int, int, int]
    before: _State
    after: _State

    def matches(self, transition: Transition) -> bool:
        wall = transition.wall
        return (
            (transition.before, transition.after) == (self.before, self.after)
            and (wall.month, wall.weekday()) == (self.month, self.weekday)
            and (wall.hour, wall.minute, wall.second) == self.wall_time
            and self.ordinal in _ordinals(wall)
        )

    @property
    def byday(self) -> str:
        return f"{self.ordinal}{_WEEKDAYS[self.weekday]}"


def _state(zone: ZoneInfo, timestamp: int) -> _State:
    local = datetime.fromtimestamp(timestamp, tz=UTC).astimezone(zone)
    return _State(local.utcoffset(), bool(local.dst()), local.tzname() or "")


def transitions(tzid: str, start: datetime, end: datetime) -> list[Transition]:
    """Every change ``zoneinfo`` knows for ``tzid`` in ``[start, end)`` (aware datetimes).

    zoneinfo does not expose its transition table, so the span is sampled
    daily and each change is narrowed down to the second; no zone changes
    twice within a day.
    """
    zone = ZoneInfo(tzid)
    lo_ts, end_ts = int(start.timestamp()), int(end.timestamp())
    found = []
    current = _state(zone, lo_ts)
    while lo_ts < end_ts:
        hi_ts = min(lo_ts + _DAY, end_ts)
        after = _state(zone, hi_ts)
        if after != current:
            a, b = lo_ts, hi_ts
            while b - a > 1:
                mid = (a + b) // 2
                if _state(zone, mid) == current:
                    a = mid
                else:
                    b = mid
            found.append(Transition(datetime.fromtimestamp(b, tz=UTC), current, after))
            current = after
        lo_ts = hi_ts
    return [t for t in found if t.at < end]


def _ordinals(wall: datetime) -> set[int]:
    ordinals = {(wall.day - 1) // 7 + 1}
    if wall.day + 7 > calendar.monthrange(wall.year, wall.month)[1]:
        ordinals.add(-1)
    return ordinals


def _fit_rule(changes: list[Transition]) -> _Rule | None:
    """One yearly rule that produces every change in ``changes``, if there is one."""
    first = changes[0]
    for ordinal in sorted(_ordinals(first.wall), key=lambda n: (n < 0, n)):
        rule = _Rule(
            month=first.wall.month,
            weekday=first.wall.weekday(),
            ordinal=ordinal,
            wall_time=(first.wall.hour, first.wall.minute, first.wall.second),
            before=first.before,
            after=first.after,
        )
        if all(rule.matches(t) for t in changes):
            return rule
    return None


def _yearly_rules(changes: list[Transition], years: range) -> list[tuple[_Rule, Transition]]:
    """Each direction's rule with its first change; empty unless both fit every year."""
    fitted = []
    for group in ([t for t in changes if t.after.dst], [t for t in changes if not t.after.dst]):
        if [t.wall.year for t in group] != list(years):
            return []
        rule = _fit_rule(group)
        if rule is None:
            return []
        fitted.append((rule, group[0]))
    return sorted(fitted, key=lambda pair: pair[1].at)


def _observance(
    state: _State, offset_from: timedelta, dtstart: datetime, rrule: dict | None = None
) -> TimezoneStandard | TimezoneDaylight:
    component = TimezoneDaylight() if state.dst else TimezoneStandard()
    component.add("dtstart", dtstart)
    if rrule:
        component.add("rrule", rrule)
    else:
        component.add("rdate", dtstart)
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", state.offset)
    if state.name:
        component.add("tzname", state.name)
    return component


def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for ``tzid`` valid from 1 January ``first_year`` to the end of ``last_year``.

    A yearly rule is emitted only if it also holds for the years just after the
    span; its RRULEs are open-ended, so later years keep following it.
    """
    if last_year < first_year:
        raise ValueError("last_year is before first_year")
    zone = ZoneInfo(tzid)
    span_start = datetime(first_year, 1, 1, tzinfo=zone)
    span_end = datetime(last_year + 1, 1, 1, tzinfo=zone)
    changes = transitions(tzid, span_start, span_end)
    lookahead_end = span_end.replace(year=last_year + 1 + _LOOKAHEAD_YEARS)
    later = transitions(tzid, span_end, lookahead_end)

    component = Timezone()
    component.add("tzid", tzid)
    initial = _state(zone, int(span_start.timestamp()))
    component.add_component(_observance(initial, initial.offset, span_start.replace(tzinfo=None)))

    rules = _yearly_rules(changes + later, range(first_year, lookahead_end.year))
    if rules:
        for rule, first in rules:
            rrule = {"freq": "YEARLY", "bymonth": rule.month, "byday": rule.byday}
            component.add_component(_observance(rule.after, rule.before.offset, first.wall, rrule))
    else:
        for change in changes:
            component.add_component(_observance(change.after, change.before.offset, change.wall))
    return component
