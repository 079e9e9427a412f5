"""The voice line's decisions (docs/voice.md): who is calling, how much one number may
do, which activities a call hears, and registering by keypad through the seat
service — the same seats, waiting list and confirmation message as the web page.

A call from a number that replied STOP still works: a call is a request. The
registration is made; only the confirmation SMS cannot go (the outbox queues no SMS
to that number), and the caller is told so.
"""

import dataclasses
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from core.person_keys import person_key
from core.phones import normalize_phone
from events.models import EventDate
from notifications.models import VoiceCall
from notifications.services.sms_activities import week_dates, week_scheduled
from organizations.models import Region
from rsvp.models import ReminderChannel, RsvpSource
from rsvp.services import availability, outbox, seats

# What Twilio sends as From when the caller's number is hidden or missing: words, or
# numbers that spell ANONYMOUS, RESTRICTED, BLOCKED, UNKNOWN, UNAVAILABLE on a keypad.
HIDDEN_CALLERS = {
    "",
    "anonymous",
    "restricted",
    "unknown",
    "private",
    "+266696687",
    "+7378742833",
    "+2562533",
    "+8656696",
    "+86282452253",
}
# Calls answered from one number in an hour: each call costs minutes of line and
# speech, and a number calling in a loop must not run up the bill.
CALLS_PER_HOUR = 10
# Registrations asked for from one number in an hour (refused ones count too).
REGISTRATIONS_PER_HOUR = 5
# Dates a call reads in one region's week; one at a time, so more is only longer.
MAX_DATES = 30


def caller_phone(raw):
    """The caller's number in E.164, or "" when it is hidden or unusable."""
    raw = (raw or "").strip()
    if raw.lower() in HIDDEN_CALLERS:
        return ""
    try:
        return normalize_phone(raw)
    except ValidationError:
        return ""


def recent(caller_key, now):
    return VoiceCall.objects.filter(
        caller_key=caller_key, created_at__gte=now - dt.timedelta(hours=1)
    )


def start_call(call_sid, phone, *, now=None):
    """Keep the call (once per CallSid: Twilio may ask twice); False when the number
    has called too often this hour. A hidden number is never counted: it can only
    listen."""
    now = now or timezone.now()
    key = person_key(phone)
    if call_sid:
        with transaction.atomic():
            VoiceCall.objects.get_or_create(call_sid=call_sid[:64], defaults={"caller_key": key})
    if not key:
        return True
    return recent(key, now).count() <= CALLS_PER_HOUR


def week_regions(now=None):
    """Codes of the regions with an activity this week, by official number."""
    codes = week_scheduled(now or timezone.now()).order_by().values_list("event__region")
    valid = set(Region.values)
    return sorted({code for (code,) in codes.distinct() if code in valid})


def week_activities(language, region, now=None):
    return week_dates(language, region, now or timezone.now(), limit=MAX_DATES)


def seat_state(date, now=None):
    """open, waitlist, full, or why registration is closed (read-only, for speech)."""
    return availability.slots([date], now)[0].state


@dataclasses.dataclass(frozen=True)
class Registration:
    """What happened, for speech: a status ("confirmed", "waitlisted") or a refusal
    ("hidden", "too_many", "gone", or the seat service's error)."""

    status: str = ""
    refused: str = ""
    error: seats.SeatError | None = None
    sms_allowed: bool = False


def count_request(call_sid, key, now):
    """Count one more registration asked for; False when the number is past its limit."""
    asked = recent(key, now).aggregate(total=Sum("registrations"))["total"] or 0
    if asked >= REGISTRATIONS_PER_HOUR:
        return False
    if call_sid:
        updated = VoiceCall.objects.filter(call_sid=call_sid[:64]).update(
            registrations=F("registrations") + 1
        )
        if not updated:
            VoiceCall.objects.create(call_sid=call_sid[:64], caller_key=key, registrations=1)
    return True


def register(call_sid, phone, date_id, language, *, now=None):
    """Register the caller's number for a date, one person, reminders by SMS."""
    if not phone:
        return Registration(refused="hidden")
    now = now or timezone.now()
    if not count_request(call_sid, person_key(phone), now):
        return Registration(refused="too_many")
    date = EventDate.objects.filter(pk=date_id).first()
    if date is None:
        return Registration(refused="gone")
    request = seats.SeatRequest(
        phone=phone,
        party_size=1,
        reminder=ReminderChannel.SMS,
        language=language,
        source=RsvpSource.PHONE,
    )
    try:
        outcome = seats.take_seat(date, request, now=now)
    except seats.SeatError as error:
        return Registration(refused=error.code, error=error)
    return Registration(status=outcome.told_status, sms_allowed=outbox.sms_allowed(phone))


def forget_old(now=None):
    """Calls are only needed for the hourly limits: they go after a day."""
    now = now or timezone.now()
    deleted, _by_model = VoiceCall.objects.filter(
        created_at__lt=now - dt.timedelta(days=1)
    ).delete()
    return deleted
