"""Queuing messages in the outbox (invariant 3, docs/architecture.md#invariant-3;
docs/notifications.md).

Every function here runs inside the transaction that makes the change, so a message
exists exactly when its cause was committed. Rows are created with get_or_create on
(RSVP, kind, channel, date version), or (staff message, RSVP) for a message staff
wrote: queuing twice is harmless.

Channels: an RSVP's reminder choice (SMS or e-mail) carries every message. With "no
reminders", the notices that matter without being asked for (confirmation, waiting
list, promotion, moved or cancelled date) still go by e-mail when there is one;
reminders do not. The messages that carry the private link (confirmation, waiting
list, link sent again) are the only way to that link, so they always go when they can:
by SMS to a phone that has not replied STOP, else by e-mail.
"""

import contextlib
import datetime as dt
import threading

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.formatting import to_local
from rsvp.models import (
    PUBLIC_SOURCES,
    MessageChannel,
    MessageKind,
    MessageStatus,
    OutboxMessage,
    ReminderChannel,
    Rsvp,
    RsvpStatus,
    SmsOptOut,
    WhatsAppOptOut,
)

REMINDERS = (MessageKind.REMINDER_DAY_BEFORE, MessageKind.REMINDER_HOURS_BEFORE)
# Kinds that describe the date as it is now: one message per date version.
VERSIONED = (MessageKind.DATE_MOVED, MessageKind.DATE_CANCELLED)
CHANGES = (MessageKind.DATE_MOVED, MessageKind.DATE_CANCELLED, MessageKind.ORGANIZER_MESSAGE)
OPEN = (MessageStatus.PENDING, MessageStatus.CLAIMED)
# Kinds that carry the private manage link, issued when the message is sent.
WITH_LINK = (MessageKind.CONFIRMED, MessageKind.WAITLISTED, MessageKind.MANAGE_LINK)
# Link messages sent again for one RSVP in an hour, whatever the cache's rate limits say.
LINK_MESSAGES_PER_HOUR = 3


def event_tz(date):
    return date.event.timezone or settings.TIME_ZONE


def sms_allowed(phone):
    if not phone:
        return False
    known = getattr(_stops, "known", None)
    if known is not None and phone in known[0]:
        return phone not in known[1]
    return not SmsOptOut.objects.filter(phone=phone).exists()


_stops = threading.local()


def whatsapp_allowed(phone):
    return bool(phone) and not WhatsAppOptOut.objects.filter(phone=phone).exists()


@contextlib.contextmanager
def stops_read_once(phones):
    """While a batch is sent, whether its numbers replied STOP is read in one query at
    its start instead of once or twice per message. A batch lasts a second or two; a
    STOP that arrives meanwhile holds from the next batch (and Twilio itself refuses
    to send to a number that replied STOP to it)."""
    phones = {phone for phone in phones if phone}
    stopped = set(SmsOptOut.objects.filter(phone__in=phones).values_list("phone", flat=True))
    _stops.known = (phones, stopped)
    try:
        yield
    finally:
        _stops.known = None


def channel_for(rsvp, kind):
    """SMS or e-mail as the person chose; a number that replied STOP gets no SMS, and
    then only what goes by e-mail without being asked for. Reminders only go to
    people who asked for them."""
    if rsvp.is_erased:
        return None
    if rsvp.reminder == ReminderChannel.SMS and sms_allowed(rsvp.phone):
        return MessageChannel.SMS
    if rsvp.reminder == ReminderChannel.WHATSAPP and whatsapp_allowed(rsvp.phone):
        return MessageChannel.WHATSAPP
    if rsvp.reminder == ReminderChannel.EMAIL and rsvp.email:
        return MessageChannel.EMAIL
    if kind in REMINDERS:
        return None
    # "No reminders" is not "no news": the private link, a freed seat, a moved or
    # cancelled date and the organizer's word go by whatever reaches the person.
    if sms_allowed(rsvp.phone):
        return MessageChannel.SMS
    if rsvp.email:
        return MessageChannel.EMAIL
    return None


def out_of_quiet_hours(due, tzname):
    """Move a due time in 21:00–08:00 local to 08:00 the same or next morning."""
    start, end = settings.ENSEMBLE_QUIET_HOURS
    local = to_local(due, tzname)
    if local.hour >= start:
        morning = (local + dt.timedelta(days=1)).replace(
            hour=end, minute=0, second=0, microsecond=0
        )
    elif local.hour < end:
        morning = local.replace(hour=end, minute=0, second=0, microsecond=0)
    else:
        return due
    # Rebuild through the zone so a DST change overnight still gives 08:00 local.
    naive = morning.replace(tzinfo=None)
    return timezone.make_aware(naive, local.tzinfo)


def reminder_due(kind, date):
    """When a reminder of this date is planned, or None when the event switched it off.

    The times are the event's: `date.event` is the original page (dates hang on it,
    docs/dates.md), so every language's RSVPs follow the same settings.
    """
    try:
        return _planned(kind, date, date.event)
    except OverflowError:
        # A date in the first hours of year 1 (written past the forms, docs/dates.md):
        # its reminder would fall before the calendar begins, long past anyway.
        return None


def _planned(kind, date, event):
    if kind == MessageKind.REMINDER_DAY_BEFORE:
        at = event.reminder_day_before_at
        if at is None:
            return None
        local_start = to_local(date.start, event_tz(date))
        day = local_start.date() - dt.timedelta(days=1)
        # Built through the zone: 18:00 the day before stays 18:00 across a DST change.
        return timezone.make_aware(dt.datetime.combine(day, at), local_start.tzinfo)
    if event.reminder_hours_before is None:
        return None
    return date.start - dt.timedelta(hours=event.reminder_hours_before)


def is_same_day(date, now):
    tzname = event_tz(date)
    return to_local(now, tzname).date() == to_local(date.start, tzname).date()


def answers_the_page(rsvp, kind):
    """The person is on the page (or on the phone line) right now, told to look at
    their phone or e-mail for this message: it goes at once, even in quiet hours."""
    if kind == MessageKind.MANAGE_LINK:
        return True
    return kind in WITH_LINK and rsvp.source in PUBLIC_SOURCES


def due_time(kind, date, now):
    """(due_at, status) for a message of this kind queued now; due_at is None for a
    reminder the event switched off."""
    tzname = event_tz(date)
    if kind in REMINDERS:
        planned = reminder_due(kind, date)
        if planned is None:
            return None, MessageStatus.SKIPPED
        if planned < now:
            # Registered after the reminder's time: the confirmation says it all.
            return planned, MessageStatus.SKIPPED
        due = out_of_quiet_hours(planned, tzname)
        if due >= date.start:
            return due, MessageStatus.MISSED
        return due, MessageStatus.PENDING
    if kind in CHANGES and is_same_day(date, now):
        return now, MessageStatus.PENDING
    return out_of_quiet_hours(now, tzname), MessageStatus.PENDING


def queue(rsvp, kind, *, now=None, version=None):
    """Queue one message for an RSVP (inside the caller's transaction). Returns the row or None."""
    channel = channel_for(rsvp, kind)
    if channel is None:
        return None
    now = now or timezone.now()
    date = rsvp.date
    if answers_the_page(rsvp, kind):
        due, status = now, MessageStatus.PENDING
    else:
        due, status = due_time(kind, date, now)
        if due is None:
            return None
    if version is None:
        version = date.sequence if kind in VERSIONED else 0
    row, _created = OutboxMessage.objects.get_or_create(
        rsvp=rsvp,
        kind=kind,
        channel=channel,
        date_version=version,
        defaults={"due_at": due, "status": status},
    )
    return row


# What each seat decision queues, inside its transaction (rsvp/services/seats.py).
# The RSVP comes with its date (the locked row); the event is read from it once.


def rsvp_confirmed(rsvp, *, now=None):
    queue(rsvp, MessageKind.CONFIRMED, now=now)
    queue_reminders(rsvp, now=now)


def rsvp_waitlisted(rsvp, *, now=None):
    queue(rsvp, MessageKind.WAITLISTED, now=now)


def rsvp_promoted(rsvp, *, now=None):
    queue(rsvp, MessageKind.PROMOTED, now=now)
    queue_reminders(rsvp, now=now)


def rsvp_changed(rsvp, *, now=None):
    # The reminder channel may have changed: drop what no longer fits.
    keep = channel_for(rsvp, MessageKind.REMINDER_DAY_BEFORE)
    rsvp.messages.filter(kind__in=REMINDERS, status=MessageStatus.PENDING).exclude(
        channel=keep or ""
    ).update(status=MessageStatus.SKIPPED, updated_at=timezone.now())
    if rsvp.status == RsvpStatus.CONFIRMED:
        queue_reminders(rsvp, now=now)


def rsvp_cancelled(rsvp):
    skip_pending(rsvp.messages.all())


def queue_link(rsvp, *, now=None):
    """Someone asked again on the page with this RSVP's phone or e-mail: its own contact
    gets its private link, nobody else. Inside the seat transaction (the date's lock
    orders the requests, so the request numbers never collide).

    Nothing is queued while a message carrying the link is still on its way (the link
    is issued when it is sent, so it will be the newest one), nor past
    LINK_MESSAGES_PER_HOUR in an hour: asking again and again cannot flood the person.
    """
    links = rsvp.messages.filter(kind__in=WITH_LINK)
    if links.filter(status__in=OPEN).exists():
        return None
    requests = rsvp.messages.filter(kind=MessageKind.MANAGE_LINK)
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    if requests.filter(created_at__gte=hour_ago).count() >= LINK_MESSAGES_PER_HOUR:
        return None
    number = (requests.aggregate(last=Max("date_version"))["last"] or 0) + 1
    return queue(rsvp, MessageKind.MANAGE_LINK, now=now, version=number)


def queue_reminders(rsvp, *, now=None):
    if rsvp.status != RsvpStatus.CONFIRMED or rsvp.date.status != "scheduled":
        return
    for kind in REMINDERS:
        queue(rsvp, kind, now=now)


def skip_pending(messages):
    return messages.filter(status=MessageStatus.PENDING).update(
        status=MessageStatus.SKIPPED, updated_at=timezone.now()
    )


def stop_reminders(rsvp):
    """The person asked for no more reminders (unsubscribe link)."""
    with transaction.atomic():
        Rsvp.objects.filter(pk=rsvp.pk).update(reminder=ReminderChannel.NONE)
        skip_pending(rsvp.messages.filter(kind__in=REMINDERS))


def date_moved(date, *, now=None):
    """Inside move_date's transaction: reminders follow, and everyone is told once."""
    now = now or timezone.now()
    follow_reminders(date, now=now)
    for rsvp in date.rsvps.active().select_related("date", "date__event"):
        row = queue(rsvp, MessageKind.DATE_MOVED, now=now)
        if row is not None:
            # Moved twice before the first notice went: only the latest one is true.
            skip_pending(rsvp.messages.filter(kind=MessageKind.DATE_MOVED).exclude(pk=row.pk))


def follow_reminders(date, *, now=None):
    """Recompute the due times of the date's pending reminders (and of those skipped
    only because the date was cancelled or too close, or switched off, when it comes
    back); a reminder the event switched off becomes skipped."""
    if date.status != "scheduled":
        # A cancelled date keeps its reminders skipped until it is reinstated.
        return
    now = now or timezone.now()
    pending = OutboxMessage.objects.filter(
        rsvp__date=date, rsvp__status=RsvpStatus.CONFIRMED, kind__in=REMINDERS
    ).filter(status__in=(MessageStatus.PENDING, MessageStatus.MISSED, MessageStatus.SKIPPED))
    for row in pending.select_related("rsvp__date__event"):
        row.rsvp.date = date
        due, status = due_time(row.kind, date, now)
        if channel_for(row.rsvp, row.kind) != row.channel:
            status = MessageStatus.SKIPPED
        changes = {"status": status} if due is None else {"due_at": due, "status": status}
        OutboxMessage.objects.filter(pk=row.pk, status=row.status).update(
            updated_at=timezone.now(), **changes
        )
    for rsvp in date.rsvps.confirmed().select_related("date__event"):
        rsvp.date = date
        queue_reminders(rsvp, now=now)


def date_cancelled(date, *, now=None):
    """Inside cancel_date's transaction: only the cancellation notice still goes."""
    skip_pending(OutboxMessage.objects.filter(rsvp__date=date))
    for rsvp in date.rsvps.active().select_related("date", "date__event"):
        rsvp.date = date
        queue(rsvp, MessageKind.DATE_CANCELLED, now=now)


def organizer_message(message, *, now=None):
    """Inside the transaction that stores a staff message: one row per recipient.

    Returns (rows, unreachable): the rows queued, and how many recipients have no
    channel for it (only a phone that replied STOP, or no reminders and no e-mail).
    """
    now = now or timezone.now()
    date = message.date
    statuses = [RsvpStatus.CONFIRMED]
    if message.include_waitlist:
        statuses.append(RsvpStatus.WAITLISTED)
    rows, unreachable = [], 0
    kind = MessageKind.ORGANIZER_MESSAGE
    for rsvp in date.rsvps.filter(status__in=statuses, erased_at__isnull=True):
        channel = channel_for(rsvp, kind)
        if channel is None:
            unreachable += 1
            continue
        due, status = due_time(kind, date, now)
        row, _created = OutboxMessage.objects.get_or_create(
            rsvp=rsvp,
            organizer_message=message,
            defaults={"kind": kind, "channel": channel, "due_at": due, "status": status},
        )
        rows.append(row)
    return rows, unreachable


def retry(row):
    """Staff asked to send a failed message again: it is due now, with fresh attempts."""
    return bool(
        OutboxMessage.objects.filter(pk=row.pk, status=MessageStatus.FAILED).update(
            status=MessageStatus.PENDING,
            due_at=timezone.now(),
            attempts=0,
            claimed_by="",
            lease_until=None,
            updated_at=timezone.now(),
        )
    )
