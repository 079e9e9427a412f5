"""Read a calendar's bytes into the events and dates to import.

Repeating events are expanded by recurring-ical-events (RRULE, RDATE, EXDATE and
RECURRENCE-ID overrides, time zones from VTIMEZONE, Windows zone names and Google's
X-WR-TIMEZONE), inside the import window only.
"""

import dataclasses
import datetime as dt
import hashlib
import html
import re
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from django.conf import settings
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from icalendar.timezone import tzid_from_dt
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from partner_feeds.services.refusals import Refused

PAGE_FIELDS = ("title", "summary", "body", "place_name", "address")
SUB_DAILY = {"HOURLY", "MINUTELY", "SECONDLY"}
BREAKS = re.compile(r"<br\s*/?>|</p>", re.IGNORECASE)


@dataclasses.dataclass
class Occurrence:
    # The series day (RECURRENCE-ID's local date): moving a whole series to another
    # hour changes every RECURRENCE-ID but not the day, so dates keep their rows.
    key: str
    start: dt.datetime
    end: dt.datetime
    cancelled: bool


@dataclasses.dataclass
class FeedEvent:
    uid: str
    sequence: int
    fields: dict
    timezone: str
    occurrences: list = dataclasses.field(default_factory=list)

    def hashes(self):
        return {name: field_digest(name, value) for name, value in self.fields.items()}


@dataclasses.dataclass
class FeedContent:
    events: dict  # uid -> FeedEvent
    notes: list


def digest(value):
    return hashlib.sha256(str(value if value is not None else "").encode()).hexdigest()


def field_digest(name, value):
    """A page field's hash, on its text: saving in the editor rewrites rich text's
    markup (block keys, entities) without anyone changing a word."""
    text = str(value if value is not None else "")
    if name == "body":
        text = html.unescape(strip_tags(BREAKS.sub("\n", text)))
    return digest(" ".join(text.split()))


def parse(body):
    if not body.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        raise Refused("malformed")
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except (ValueError, IndexError, KeyError) as error:
        raise Refused("malformed") from error
    if not isinstance(calendar, icalendar.Calendar):
        raise Refused("malformed")
    events = calendar.walk("VEVENT")
    if len(events) > settings.ENSEMBLE_FEED_MAX_EVENTS:
        raise Refused("too_many_events", limit=settings.ENSEMBLE_FEED_MAX_EVENTS)
    # Activities repeat daily at most; a rule by the hour, minute or second can only
    # make the expansion search long (an impossible one never ends).
    for event in events:
        rules = event.get("RRULE")
        for rule in rules if isinstance(rules, list) else [rules] if rules else []:
            if set(map(str.upper, map(str, rule.get("FREQ", [])))) & SUB_DAILY:
                raise Refused("too_frequent")
    return calendar


def text_fields(component, organization_title):
    title = str(component.get("SUMMARY", "")).strip()
    description = str(component.get("DESCRIPTION", "")).strip()
    lines = [line.strip() for line in strip_tags(BREAKS.sub("\n", description)).splitlines()]
    lines = [line for line in lines if line]
    location = " ".join(str(component.get("LOCATION", "")).split())
    place, _sep, rest = location.partition(",")
    return {
        "title": title[:255],
        "summary": Truncator(lines[0] if lines else title).chars(200),
        "body": "".join(f"<p>{escape(line)}</p>" for line in lines),
        "place_name": (place.strip() or organization_title)[:150],
        "address": rest.strip()[:255],
    }


def zone_name(start):
    """The IANA name of the event's zone if Ensemble offers it, else the site's."""
    name = tzid_from_dt(start) if isinstance(start, dt.datetime) else None
    name = WINDOWS_TO_OLSON.get(name, name)
    offered = {value for value, _label in settings.ENSEMBLE_EVENT_TIMEZONES}
    return name if name in offered else settings.TIME_ZONE


def _aware(value):
    """Floating times (no zone) are read in the site's zone."""
    if value.tzinfo is None:
        return value.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return value


def _occurrence(component):
    start = component.decoded("DTSTART")
    end = component.decoded("DTEND") if "DTEND" in component else None
    if end is None and "DURATION" in component:
        end = start + component.decoded("DURATION")
    start, end = _aware(start), _aware(end or start + dt.timedelta(hours=1))
    if end <= start:
        end = start + dt.timedelta(hours=1)
    recurrence = component.get("RECURRENCE-ID")
    original = _aware(recurrence.dt) if recurrence is not None else start
    key = original.date().isoformat()
    cancelled = str(component.get("STATUS", "")).upper() == "CANCELLED"
    return Occurrence(key, start.astimezone(dt.UTC), end.astimezone(dt.UTC), cancelled)


def _masters(calendar):
    """Each UID's main component: the one without RECURRENCE-ID, else the first."""
    masters = {}
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID", "")).strip()
        if uid and (uid not in masters or "RECURRENCE-ID" not in component):
            masters[uid] = component
    return masters


def _sequence(component):
    try:
        return int(component.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        return 0


def read(body, organization_title, now):
    """The feed's events with their dates between now and the horizon, or Refused."""
    calendar = parse(body)
    masters = _masters(calendar)
    until = now + dt.timedelta(days=settings.ENSEMBLE_FEED_HORIZON_DAYS)
    content = FeedContent(events={}, notes=[])
    limit = settings.ENSEMBLE_FEED_MAX_DATES
    try:
        expanded = recurring_ical_events.of(calendar, skip_bad_series=True).between(now, until)
        for count, component in enumerate(expanded):
            if count >= limit:
                raise Refused("too_many_dates", limit=limit)
            _add(content, masters, component, organization_title)
    except (ValueError, TypeError, KeyError) as error:
        raise Refused("malformed") from error
    return content


def _add(content, masters, component, organization_title):
    uid = str(component.get("UID", "")).strip()
    master = masters.get(uid, component)
    if not uid or not str(master.get("SUMMARY", "")).strip():
        if {"code": "no_title"} not in content.notes:
            content.notes.append({"code": "no_title"})
        return
    title = str(master.get("SUMMARY")).strip()[:255]
    if not isinstance(component.decoded("DTSTART"), dt.datetime):
        note = {"code": "all_day", "title": title}
        if note not in content.notes:
            content.notes.append(note)
        return
    event = content.events.get(uid)
    if event is None:
        event = content.events[uid] = FeedEvent(
            uid=uid,
            sequence=max(_sequence(c) for c in (master, component)),
            fields=text_fields(master, organization_title),
            timezone=zone_name(master.decoded("DTSTART")),
        )
    event.sequence = max(event.sequence, _sequence(component))
    occurrence = _occurrence(component)
    if any(other.key == occurrence.key for other in event.occurrences):
        occurrence.key += occurrence.start.strftime("T%H%M%SZ")  # twice the same day
    event.occurrences.append(occurrence)
