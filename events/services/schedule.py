"""Turning an event's weekly rule into shared date rows, and changing single dates."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from events.models.dates import DateStatus, EventDate
from events.services import outbox

PLACE_FIELDS = ("place_name", "address", "municipality", "region", "latitude", "longitude")
REMINDER_FIELDS = ("reminder_day_before_at", "reminder_hours_before")


def local_datetime(day, time, tzname):
    """An aware datetime for a wall-clock time on a day in a zone (DST handled by zoneinfo)."""
    return dt.datetime.combine(day, time, tzinfo=ZoneInfo(tzname))


def series_days(first_date, until):
    days = [first_date]
    if until:
        while days[-1] + dt.timedelta(weeks=1) <= until:
            days.append(days[-1] + dt.timedelta(weeks=1))
    return days


def occurrence_times(page, day):
    start = local_datetime(day, page.start_time, page.timezone)
    end = local_datetime(day, page.end_time, page.timezone)
    return start, end


@transaction.atomic
def sync_dates(page, previous=None):
    """Make the event's date rows match its rule.

    Days the rule adds become new rows. Days it drops are deleted if they are still
    untouched, otherwise cancelled, so nobody's registration silently disappears.
    Rows not moved by hand follow the rule's times. `previous` is the page's state
    before the edit, used to tell whether the place or the reminder times changed;
    pending reminders of upcoming dates follow new reminder times.
    """
    existing = {
        d.occurrence_date: d
        for d in EventDate.objects.select_for_update()
        .filter(event=page, occurrence_date__isnull=False)
        .order_by("pk")
    }
    wanted = series_days(page.first_date, page.repeat_weekly_until)
    place_changed = previous is not None and any(
        getattr(previous, name) != getattr(page, name) for name in PLACE_FIELDS
    )
    reminders_changed = previous is not None and any(
        getattr(previous, name) != getattr(page, name) for name in REMINDER_FIELDS
    )
    followed = set()

    for day in wanted:
        start, end = occurrence_times(page, day)
        row = existing.pop(day, None)
        if row is None:
            EventDate.objects.create(
                event=page,
                occurrence_date=day,
                start=start,
                end=end,
                capacity=page.capacity,
            )
            continue
        changed = []
        if not row.moved and (row.start != start or row.end != end):
            row.start, row.end = start, end
            changed += ["start", "end"]
        if previous is not None and previous.capacity != page.capacity:
            # Only dates still at the event's old capacity follow; a date given its
            # own number of seats keeps it.
            if row.capacity == previous.capacity:
                row.capacity = page.capacity
                changed.append("capacity")
        if changed or place_changed:
            if "start" in changed or place_changed:
                row.sequence = F("sequence") + 1
                changed.append("sequence")
            row.save(update_fields=changed + ["modified_at"])
            if "sequence" in changed:
                row.refresh_from_db()
                row.event = page
                outbox.date_moved(row)
                followed.add(row.pk)
            if "capacity" in changed:
                from events.services.rsvp import promote

                promote(row)

    for row in existing.values():
        drop_date(row)

    if reminders_changed:
        upcoming = EventDate.objects.filter(
            event=page, status=DateStatus.SCHEDULED, start__gt=timezone.now()
        ).exclude(pk__in=followed)
        for row in upcoming:
            row.event = page
            outbox.follow_reminders(row)


def has_registrations(date):
    """Whether anyone holds or waits for a seat on this date (RSVPs arrive later)."""
    related = getattr(date, "rsvps", None)
    return related is not None and related.exists()


def drop_date(date):
    if has_registrations(date):
        cancel_date(date)
    else:
        date.delete()


def _set_status(date, status):
    """Change a date's status (a new iCalendar SEQUENCE); True when it changed."""
    if date.status == status:
        return False
    EventDate.objects.filter(pk=date.pk).update(
        status=status, sequence=F("sequence") + 1, modified_at=timezone.now()
    )
    date.refresh_from_db()
    return True


@transaction.atomic
def cancel_date(date):
    if _set_status(date, DateStatus.CANCELLED):
        outbox.date_cancelled(date)
    return date


@transaction.atomic
def reinstate_date(date):
    if _set_status(date, DateStatus.SCHEDULED):
        outbox.follow_reminders(date)
    return date


@transaction.atomic
def move_date(date, start, end):
    """Move one date; it then stops following the series' times."""
    date = EventDate.objects.select_for_update().get(pk=date.pk)
    if (date.start, date.end) != (start, end):
        date.start, date.end, date.moved = start, end, True
        date.sequence = F("sequence") + 1
        date.save(update_fields=["start", "end", "moved", "sequence", "modified_at"])
        date.refresh_from_db()
        outbox.date_moved(date)
    return date


@transaction.atomic
def add_date(page, start, end):
    """A date outside the weekly rule (e.g. an extra session)."""
    return EventDate.objects.create(event=page, start=start, end=end, capacity=page.capacity)
