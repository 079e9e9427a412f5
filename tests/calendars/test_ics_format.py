"""Serialization details of the feed: headers, text escaping, folding, determinism."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import pytest

from calendars.ics import CalendarEntry, build_calendar, calendar_etag

TORONTO = ZoneInfo("America/Toronto")
HALIFAX = ZoneInfo("America/Halifax")

LONG_FRENCH = (
    "Atelier d'initiation à la conversation française : présentations, vocabulaire du "
    "travail agricole, santé et sécurité, échanges avec des bénévoles québécois. "
    "Café, thé et collations offerts; garderie sur place."
)
LONG_SPANISH = (
    "Taller de conversación en francés para trabajadores agrícolas temporales: "
    "¿cómo pedir ayuda en la farmacia, en el banco o en la clínica? Señales, "
    "números, horarios y vocabulario útil. ¡Bienvenidos, compañeros y compañeras!"
)


def _unfold(ics: bytes) -> list[str]:
    return ics.decode().replace("\r\n ", "").split("\r\n")


def _property(ics: bytes, name: str, *, in_events: bool = False) -> list[str]:
    found, in_event = [], False
    for line in _unfold(ics):
        in_event = line == "BEGIN:VEVENT" or (in_event and line != "END:VEVENT")
        if line.split(":")[0].split(";")[0] == name and (in_event or not in_events):
            found.append(line)
    return found


@pytest.fixture
def entries(make_entry):
    return [
        make_entry(
            "date-42@ensemble.quebec",
            datetime(2026, 7, 15, 19, 0, tzinfo=TORONTO),
            summary="Soirée d'accueil, musique; danse",
            description=LONG_FRENCH + "\n\n" + LONG_SPANISH,
            location="Salle communautaire, 123 rue Principale, Saint-Rémi (Québec)",
            geo=(45.2601234567, -73.6145),
            categories=("Langue", "Café, thé"),
            created=datetime(2026, 1, 10, 9, 0, tzinfo=TORONTO),
            sequence=3,
        ),
        make_entry(
            "date-43@ensemble.quebec",
            datetime(2026, 8, 2, 10, 30, tzinfo=HALIFAX),
            summary="Sortie annulée",
            cancelled=True,
            last_modified=datetime(2026, 7, 30, 17, 45, tzinfo=HALIFAX),
        ),
    ]


def test_calendar_properties(entries):
    ics = build_calendar(entries, name="Activités à Saint-Rémi", description="Pour vous")
    lines = _unfold(ics)
    assert lines[0] == "BEGIN:VCALENDAR"
    for expected in (
        "VERSION:2.0",
        "PRODID:-//Ensemble//Ensemble//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME;LANGUAGE=fr:Activités à Saint-Rémi",
        "X-WR-CALNAME:Activités à Saint-Rémi",
        "DESCRIPTION;LANGUAGE=fr:Pour vous",
        "X-WR-CALDESC:Pour vous",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    ):
        assert expected in lines
    assert lines[-2:] == ["END:VCALENDAR", ""]


def test_optional_calendar_properties(entries):
    ics = build_calendar(
        entries, name="Actividades", language="es", refresh=timedelta(days=1), method=None
    )
    lines = _unfold(ics)
    assert "PRODID:-//Ensemble//Ensemble//ES" in lines
    assert "NAME;LANGUAGE=es:Actividades" in lines
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in lines
    assert "X-PUBLISHED-TTL:P1D" in lines
    assert not _property(ics, "METHOD")
    assert not _property(ics, "X-WR-CALDESC")
    # Only the events' own DESCRIPTION remains.
    assert len(_property(ics, "DESCRIPTION")) == 1


def test_event_properties(entries):
    ics = build_calendar(entries, name="x")
    first, second = icalendar.Calendar.from_ical(ics).events
    assert str(first["UID"]) == "date-42@ensemble.quebec"
    assert first["SEQUENCE"] == 3
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(first["SUMMARY"]) == "Soirée d'accueil, musique; danse"
    assert str(first["DESCRIPTION"]) == LONG_FRENCH + "\n\n" + LONG_SPANISH
    assert str(first["URL"]) == "https://ensemble.quebec/fr/activites/date-42@ensemble.quebec/"
    assert first.categories == ["Langue", "Café, thé"]
    assert "GEO:45.260123;-73.6145" in _unfold(ics)
    assert "CREATED:20260110T140000Z" in _unfold(ics)
    assert str(second["STATUS"]) == "CANCELLED"
    for name in ("GEO", "CATEGORIES", "CREATED", "DESCRIPTION", "LOCATION"):
        assert name not in second


def test_dtstamp_is_last_modified_in_utc(entries):
    ics = build_calendar(entries, name="x")
    assert _property(ics, "DTSTAMP") == ["DTSTAMP:20260203T040506Z", "DTSTAMP:20260730T204500Z"]
    assert _property(ics, "LAST-MODIFIED") == [
        "LAST-MODIFIED:20260203T040506Z",
        "LAST-MODIFIED:20260730T204500Z",
    ]


def test_text_escaping(make_entry):
    entry = make_entry(
        "esc",
        datetime(2026, 5, 1, 10, tzinfo=TORONTO),
        summary="Un, deux; trois\\quatre",
        description="Ligne 1\r\nLigne 2\nLigne 3\rLigne 4",
        location="Église Saint-Jean, 5 rue de l'Église; entrée arrière",
    )
    ics = build_calendar([entry], name="x")
    assert _property(ics, "SUMMARY") == ["SUMMARY;LANGUAGE=fr:Un\\, deux\\; trois\\\\quatre"]
    assert _property(ics, "DESCRIPTION") == [
        "DESCRIPTION;LANGUAGE=fr:Ligne 1\\nLigne 2\\nLigne 3\\nLigne 4"
    ]
    assert _property(ics, "LOCATION") == [
        "LOCATION;LANGUAGE=fr:Église Saint-Jean\\, 5 rue de l'Église\\; entrée arrière"
    ]
    event = icalendar.Calendar.from_ical(ics).events[0]
    assert str(event["SUMMARY"]) == "Un, deux; trois\\quatre"
    assert str(event["DESCRIPTION"]) == "Ligne 1\nLigne 2\nLigne 3\nLigne 4"


def test_control_characters_are_dropped(make_entry):
    entry = make_entry("ctl", datetime(2026, 5, 1, 10, tzinfo=TORONTO), summary="A\x00B\x1bC\tD")
    assert _property(build_calendar([entry], name="x"), "SUMMARY") == ["SUMMARY;LANGUAGE=fr:ABC\tD"]


def test_lines_are_folded_at_75_octets_without_splitting_characters(entries):
    ics = build_calendar(entries, name="Activités — travailleuses et travailleurs étrangers " * 3)
    assert b"\n" not in ics.replace(b"\r\n", b"")
    assert b"\r" not in ics.replace(b"\r\n", b"")
    assert ics.endswith(b"\r\n")
    physical = ics.split(b"\r\n")[:-1]
    assert any(line.startswith(b" ") for line in physical)
    for line in physical:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a split multi-byte character would not decode
    accented = [line for line in physical if any(byte >= 0x80 for byte in line)]
    assert any(len(line) >= 73 for line in accented), "no long line with accents was tested"


def test_output_is_deterministic(entries, make_entry):
    more = entries + [
        make_entry(f"d{i}", datetime(2027, 1 + i % 12, 1 + i, 9, tzinfo=TORONTO)) for i in range(20)
    ]
    first = build_calendar(more, name="x")
    shuffled = more[:]
    random.Random(7).shuffle(shuffled)
    assert build_calendar(shuffled, name="x") == first
    assert build_calendar(iter(more), name="x") == first
    assert calendar_etag(build_calendar(shuffled, name="x")) == calendar_etag(first)


def test_etag_follows_content(entries):
    before = build_calendar(entries, name="x")
    changed = [replace(entries[0], sequence=4), entries[1]]
    after = build_calendar(changed, name="x")
    assert calendar_etag(before) != calendar_etag(after)
    assert calendar_etag(before).startswith('"') and calendar_etag(before).endswith('"')


def test_events_are_ordered_by_start(entries):
    uids = [
        str(e["UID"])
        for e in icalendar.Calendar.from_ical(
            build_calendar(list(reversed(entries)), name="x")
        ).events
    ]
    assert uids == ["date-42@ensemble.quebec", "date-43@ensemble.quebec"]


def test_start_in_another_zone_is_written_on_the_event_zone(make_entry):
    start = datetime(2026, 7, 15, 14, 30, tzinfo=UTC)
    entry = make_entry("utc", start, tzid="America/Toronto")
    assert _property(build_calendar([entry], name="x"), "DTSTART", in_events=True) == [
        "DTSTART;TZID=America/Toronto:20260715T103000"
    ]


def test_invalid_entries_are_rejected(make_entry):
    naive = datetime(2026, 7, 15, 10, 30)
    with pytest.raises(ValueError, match="timezone-aware"):
        make_entry("naive", naive, naive + timedelta(hours=1), tzid="America/Toronto")
    start = datetime(2026, 7, 15, 10, 30, tzinfo=TORONTO)
    with pytest.raises(ValueError, match="before start"):
        make_entry("backwards", start, start - timedelta(hours=1))
    with pytest.raises(ValueError, match="duplicate UID"):
        build_calendar([make_entry("same", start), make_entry("same", start)], name="x")
    with pytest.raises(ValueError, match="refresh"):
        build_calendar([], name="x", refresh=timedelta(0))
    with pytest.raises(ZoneInfoNotFoundError):
        CalendarEntry(
            uid="z",
            start=start,
            end=start,
            tzid="America/Nowhere",
            summary="",
            description="",
            location="",
            url="",
            last_modified=start,
        )


@pytest.mark.parametrize(
    "start",
    [datetime(1999, 12, 31, 23, tzinfo=UTC), datetime(2099, 12, 31, 23, 30, tzinfo=UTC)],
    ids=["before-2000", "into-2100"],
)
def test_an_entry_a_calendar_cannot_carry_is_refused(make_entry, start):
    """Near year 1 or 9999 no VTIMEZONE can be written; callers leave such dates out."""
    with pytest.raises(ValueError, match="outside 2000-2100"):
        make_entry("x", start, start + timedelta(hours=1), tzid="America/Toronto")
