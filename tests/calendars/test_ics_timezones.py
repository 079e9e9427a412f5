"""Independent parsers must read our VTIMEZONEs as the instants zoneinfo gives."""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from calendars.ics import CalendarEntry, build_calendar
from calendars.vtimezone import transitions, vtimezone

QUEBEC_ZONES = ("America/Toronto", "America/Halifax", "America/Blanc-Sablon")
# Canada changes clocks on the 2nd Sunday of March and the 1st Sunday of November
# (Blanc-Sablon does not, which is the point of including it).
CLOCK_CHANGES = {
    2026: (date(2026, 3, 8), date(2026, 11, 1)),
    2027: (date(2027, 3, 14), date(2027, 11, 7)),
}
TIMES = (time(10, 30), time(19, 0))


def _expected(entries):
    return {e.uid: (e.start.astimezone(UTC), e.end.astimezone(UTC)) for e in entries}


def _mismatches(resolved, entries):
    expected = _expected(entries)
    assert resolved.keys() == expected.keys()
    return {
        uid: {
            "got": [t.isoformat() for t in resolved[uid]],
            "zoneinfo": [t.isoformat() for t in want],
        }
        for uid, want in expected.items()
        if resolved[uid] != want
    }


def _unfolded(ics: bytes) -> list[str]:
    return ics.decode().replace("\r\n ", "").split("\r\n")


def _quebec_entries(make_entry):
    entries = []
    for tzid in QUEBEC_ZONES:
        zone = ZoneInfo(tzid)
        for year, (spring, autumn) in CLOCK_CHANGES.items():
            days = {
                "jan": date(year, 1, 15),
                "mar-before": spring - timedelta(days=1),
                "mar-change-day": spring,
                "mar-after": spring + timedelta(days=1),
                "jul": date(year, 7, 15),
                "nov-before": autumn - timedelta(days=1),
                "nov-change-day": autumn,
                "nov-after": autumn + timedelta(days=1),
                "dec": date(year, 12, 15),
            }
            for label, day in days.items():
                for at in TIMES:
                    start = datetime.combine(day, at, tzinfo=zone)
                    entries.append(make_entry(f"{tzid}-{year}-{label}-{at:%H%M}", start))
            for label, change in (("spring", spring), ("autumn", autumn)):
                # Overnight, across the 02:00 change.
                start = datetime.combine(change - timedelta(days=1), time(22), tzinfo=zone)
                end = datetime.combine(change, time(4), tzinfo=zone)
                entries.append(make_entry(f"{tzid}-{year}-straddle-{label}", start, end))
    return entries


def _ambiguous_entries(make_entry):
    toronto = ZoneInfo("America/Toronto")
    first_pass = datetime(2026, 11, 1, 1, 30, tzinfo=toronto)
    second_pass = first_pass.replace(fold=1)
    return [
        make_entry("ambiguous-first", first_pass, first_pass + timedelta(minutes=20)),
        make_entry("ambiguous-second", second_pass, second_pass + timedelta(minutes=20)),
    ]


def test_quebec_dates_match_zoneinfo(resolve, make_entry):
    entries = _quebec_entries(make_entry) + _ambiguous_entries(make_entry)
    ics = build_calendar(entries, name="Activités")
    assert _mismatches(resolve(ics), entries) == {}


def test_resolvers_need_the_files_vtimezone(resolve, make_entry):
    # Guards the checks above: no resolver may fall back to its own zone data.
    entry = make_entry("x", datetime(2026, 7, 15, 10, 30, tzinfo=ZoneInfo("America/Toronto")))
    ics = build_calendar([entry], name="Activités")
    without = re.sub(rb"BEGIN:VTIMEZONE\r\n.*END:VTIMEZONE\r\n", b"", ics, flags=re.S)
    assert b"DTSTART;TZID=America/Toronto" in without
    assert b"VTIMEZONE" not in without
    with pytest.raises((AssertionError, KeyError, pytest.fail.Exception)):
        resolve(without)


def test_empty_calendar_is_accepted(resolve):
    assert resolve(build_calendar([], name="Activités")) == {}


def test_quebec_dates_are_written_as_wall_times(make_entry):
    # Otherwise the test above would pass with everything written in UTC.
    entries = _quebec_entries(make_entry)
    lines = set(_unfolded(build_calendar(entries, name="Activités")))
    for entry in entries:
        for name, value in (("DTSTART", entry.start), ("DTEND", entry.end)):
            assert f"{name};TZID={entry.tzid}:{value:%Y%m%dT%H%M%S}" in lines


def test_ambiguous_wall_times_are_written_in_utc(make_entry):
    # 01:30 happens twice on 2026-11-01 in Toronto; parsers disagree on which
    # one a TZID time means, so those instants are written in UTC.
    lines = _unfolded(build_calendar(_ambiguous_entries(make_entry), name="Activités"))
    assert "DTSTART:20261101T053000Z" in lines
    assert "DTSTART:20261101T063000Z" in lines
    assert "DTEND;TZID=America/Toronto:20261101T015000" not in lines


SCENARIOS = {
    "quebec-2026-2027": (QUEBEC_ZONES, 2026, 2027),
    "elsewhere-2026-2027": (
        (
            "America/St_Johns",
            "Europe/Paris",
            "Australia/Sydney",
            "Asia/Jerusalem",
            "America/Sao_Paulo",
        ),
        2026,
        2027,
    ),
    # The 2007 change of the North American rule forces explicit transitions.
    "toronto-2006-2008": (("America/Toronto",), 2006, 2008),
}


def _scenario_instants(tzid, first_year, last_year):
    """Every 13 hours (so at every hour of the day), and every half hour near each change."""
    start, end = datetime(first_year, 1, 1, tzinfo=UTC), datetime(last_year + 1, 1, 1, tzinfo=UTC)
    instants = {
        start + timedelta(hours=13 * n) for n in range((end - start) // timedelta(hours=13))
    }
    for change in transitions(tzid, start, end):
        instants.update(change.at + timedelta(minutes=30 * n) for n in range(-6, 7))
    return sorted(instants)


@functools.cache
def _scenario_calendar(scenario):
    zones, first_year, last_year = SCENARIOS[scenario]
    entries = [
        CalendarEntry(
            uid=f"{tzid}-{at:%Y%m%dT%H%M}",
            start=at.astimezone(ZoneInfo(tzid)),
            end=at + timedelta(hours=3),
            tzid=tzid,
            summary="Activité",
            description="",
            location="",
            url="",
            last_modified=datetime(2025, 1, 1, tzinfo=UTC),
        )
        for tzid in zones
        for at in _scenario_instants(tzid, first_year, last_year)
    ]
    return entries, build_calendar(entries, name="Dense")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_all_hours_and_clock_changes_match_zoneinfo(resolve, scenario):
    entries, ics = _scenario_calendar(scenario)
    assert _mismatches(resolve(ics), entries) == {}


# Shape of the VTIMEZONEs ----------------------------------------------------


def _observances(component):
    return [
        (
            sub.name,
            sub["DTSTART"].dt,
            sub["TZOFFSETFROM"].to_ical(),
            sub["TZOFFSETTO"].to_ical(),
            sub["RRULE"].to_ical().decode() if "RRULE" in sub else None,
        )
        for sub in component.subcomponents
    ]


@pytest.mark.parametrize(
    ("tzid", "standard", "daylight"),
    [("America/Toronto", "-0500", "-0400"), ("America/Halifax", "-0400", "-0300")],
)
def test_yearly_rule_zones_get_one_rrule_per_direction(tzid, standard, daylight):
    assert _observances(vtimezone(tzid, 2025, 2028)) == [
        ("STANDARD", datetime(2025, 1, 1), standard, standard, None),
        (
            "DAYLIGHT",
            datetime(2025, 3, 9, 2),
            standard,
            daylight,
            "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
        ),
        (
            "STANDARD",
            datetime(2025, 11, 2, 2),
            daylight,
            standard,
            "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
        ),
    ]


def test_zone_without_dst_gets_a_single_standard():
    assert _observances(vtimezone("America/Blanc-Sablon", 2025, 2028)) == [
        ("STANDARD", datetime(2025, 1, 1), "-0400", "-0400", None),
    ]


def test_last_weekday_rule():
    rrules = [obs[4] for obs in _observances(vtimezone("Europe/Paris", 2025, 2028))]
    assert rrules == [None, "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"]


@pytest.mark.parametrize(
    ("tzid", "first_year", "last_year", "changes"),
    [
        ("America/Toronto", 2006, 2008, 6),  # the rule changed in 2007
        ("Asia/Jerusalem", 2025, 2028, 8),  # "Friday before the last Sunday" is no RRULE
    ],
)
def test_irregular_changes_are_listed_one_by_one(tzid, first_year, last_year, changes):
    observances = _observances(vtimezone(tzid, first_year, last_year))
    assert len(observances) == 1 + changes
    assert all(obs[4] is None for obs in observances)


@pytest.mark.parametrize("tzid", ["America/Toronto", "Asia/Jerusalem", "America/Sao_Paulo"])
def test_rdate_only_repeats_dtstart(tzid):
    # ical.js reads only the first value of an RDATE and then ignores DTSTART;
    # the ical package ignores a sub-component with neither RDATE nor RRULE.
    for sub in vtimezone(tzid, 2006, 2020).subcomponents:
        if "RRULE" in sub:
            assert "RDATE" not in sub
        else:
            assert sub["RDATE"].to_ical() == sub["DTSTART"].to_ical()


def test_calendar_has_one_vtimezone_per_tzid_sorted_with_a_year_of_margin(make_entry):
    entries = [
        make_entry("h", datetime(2027, 6, 1, 10, tzinfo=ZoneInfo("America/Halifax"))),
        make_entry("t", datetime(2026, 6, 1, 10, tzinfo=ZoneInfo("America/Toronto"))),
        make_entry("b", datetime(2026, 6, 1, 10, tzinfo=ZoneInfo("America/Blanc-Sablon"))),
    ]
    cal = icalendar.Calendar.from_ical(build_calendar(entries, name="x"))
    assert [tz.tz_name for tz in cal.timezones] == sorted(QUEBEC_ZONES)
    starts = {tz.tz_name: tz.subcomponents[0]["DTSTART"].dt for tz in cal.timezones}
    assert starts == {
        "America/Blanc-Sablon": datetime(2025, 1, 1),
        "America/Halifax": datetime(2026, 1, 1),
        "America/Toronto": datetime(2025, 1, 1),
    }


# The trap -------------------------------------------------------------------


def test_icalendar_generated_vtimezone_is_an_hour_off_in_icaljs_summer(resolve_icaljs, make_entry):
    """Why the VTIMEZONEs are not icalendar's ``add_missing_timezones()``.

    icalendar lists all transitions since 1970 in one comma-separated RDATE
    per direction. ical.js ignores DTSTART when RDATE is present and reads
    only the first RDATE value, so it knows the April and October 1971
    changes, then stays on standard time for good: summer times come out an
    hour late.
    """
    toronto = ZoneInfo("America/Toronto")
    winter = make_entry("winter", datetime(2026, 1, 15, 10, 30, tzinfo=toronto))
    summer = make_entry("summer", datetime(2026, 7, 15, 10, 30, tzinfo=toronto))
    ours = build_calendar([winter, summer], name="x")
    theirs = icalendar.Calendar.from_ical(ours)
    theirs.subcomponents = [c for c in theirs.subcomponents if c.name != "VTIMEZONE"]
    theirs.add_missing_timezones()
    resolved = resolve_icaljs(theirs.to_ical())
    if not _mismatches(resolved, [winter, summer]):
        pytest.skip(f"trap no longer reproduces (icalendar {icalendar.__version__})")
    assert resolved["winter"][0] == winter.start.astimezone(UTC)
    assert resolved["summer"][0] - summer.start.astimezone(UTC) == timedelta(hours=1)
    assert _mismatches(resolve_icaljs(ours), [winter, summer]) == {}
