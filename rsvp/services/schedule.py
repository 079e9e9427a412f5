"""Turning an event's weekly rule into shared date rows, and changing single dates."""

import dataclasses
import datetime as dt
import logging
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from events import date_limits
from events.models.dates import DateStatus, EventDate
from rsvp.services import outbox, seats

log = logging.getLogger(__name__)

PLACE_FIELDS = ("place_name", "address", "municipality", "region")
COORDINATES = ("latitude", "longitude")
REMINDER_FIELDS = ("reminder_day_before_at", "reminder_hours_before")
UNSET = object()
# How Wagtail's audit log names a publish: by an editor (or code), or when a
# scheduled revision goes live (publish_scheduled).
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


class DateRefused(Exception):
    """A date staff may not set (docs/dates.md, "Sane dates"); nothing was changed."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


def refusal(start, end, capacity, tzname):
    """Why a date with these instants and seats may not be stored, or None."""
    if end <= start:
        return _("The activity must end after it starts.")
    return date_limits.instants_error(start, end, tzname) or date_limits.seats_error(capacity)


def check(start, end, capacity, tzname):
    if message := refusal(start, end, capacity, tzname):
        raise DateRefused(message)


def local_datetime(day, time, tzname):
    """An aware datetime for a wall-clock time on a day in a zone (DST handled by zoneinfo:
    a time the clocks show twice is the first one; forms refuse times the clocks skip,
    see events.date_limits.skipped)."""
    return dt.datetime.combine(day, time, tzinfo=ZoneInfo(tzname))


def series_days(first_date, until):
    days = [first_date]
    # Counted in days rather than by adding a week past `until`: no overflow near year 9999.
    while until and (until - days[-1]).days >= 7:
        days.append(days[-1] + dt.timedelta(weeks=1))
    return days


def occurrence_times(page, day):
    start = local_datetime(day, page.start_time, page.timezone)
    end = local_datetime(day, page.end_time, page.timezone)
    return start, end


def publish_schedule(page):
    """The published rule becomes the event's dates: called once per publish of an
    event page (rsvp/signals.py), never for a draft. Translations share the
    original's dates and never change them."""
    if page.live and page.is_original():
        sync_dates(page, previous=previously_published(page))


def previously_published(page):
    """The event as it was last published, to tell what this publish changed; None the
    first time. Wagtail logs a publish only after page_published was sent, so while it
    is being handled the latest publish in the log is the one before."""
    from wagtail.models import PageLogEntry

    entry = (
        PageLogEntry.objects.filter(
            page_id=page.pk, action__in=PUBLISH_ACTIONS, revision__isnull=False
        )
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.revision.as_object() if entry else None


@transaction.atomic
def sync_dates(page, previous=None):
    """Make the event's date rows match its rule.

    Days the rule adds become new rows. Days it drops are deleted if they are still
    untouched, otherwise cancelled, so nobody's registration silently disappears.
    Rows not moved by hand follow the rule's times. `previous` is the page's state
    before the edit, used to tell whether the place or the reminder times changed;
    pending reminders of upcoming dates follow new reminder times.
    """
    # All the series' rows at once, in id order (docs/seats.md, "Lock order").
    existing = {
        d.occurrence_date: d
        for d in EventDate.objects.select_for_update()
        .filter(event=page, occurrence_date__isnull=False)
        .order_by("pk")
    }
    place_changed = _place_changed(previous, page)
    followed = set()
    for day in series_days(page.first_date, page.repeat_weekly_until):
        start, end = occurrence_times(page, day)
        row = existing.pop(day, None)
        if refusal(start, end, page.capacity, page.timezone):
            # The page's form refuses such a rule; a page saved some other way (a copy
            # of an old activity, code) gets no row there, and its row there stays put.
            log.warning(
                "event %s: rule day %s left alone, outside what staff may set", page.pk, day
            )
        elif row is None:
            EventDate.objects.create(
                event=page, occurrence_date=day, start=start, end=end, capacity=page.capacity
            )
        elif _follow_rule(row, page, previous, (start, end), place_changed):
            followed.add(row.pk)

    for row in existing.values():
        drop_date(row)

    if _changed(previous, page, REMINDER_FIELDS):
        upcoming = EventDate.objects.filter(
            event=page, status=DateStatus.SCHEDULED, start__gt=timezone.now()
        ).exclude(pk__in=followed)
        for row in upcoming:
            row.event = page
            outbox.follow_reminders(row)


def _place_changed(previous, page):
    """The place's words changed, or coordinates it had were moved. Coordinates filled
    in for the first time (from the municipality) move nobody: no notice goes."""
    if _changed(previous, page, PLACE_FIELDS):
        return True
    had = previous is not None and None not in (previous.latitude, previous.longitude)
    return had and _changed(previous, page, COORDINATES)


def _changed(previous, page, names):
    return previous is not None and any(
        getattr(previous, name) != getattr(page, name) for name in names
    )


def _follow_rule(row, page, previous, times, place_changed):
    """Bring one locked series row in line with the rule; True if its people were told
    it moved (their reminders then already follow)."""
    changed = []
    if not row.moved and (row.start, row.end) != times:
        row.start, row.end = times
        changed += ["start", "end"]
    # Only dates still at the event's old capacity follow; a date given its own
    # number of seats keeps it.
    if _changed(previous, page, ["capacity"]) and row.capacity == previous.capacity:
        row.capacity = page.capacity
        changed.append("capacity")
    if not changed and not place_changed:
        return False
    moved = "start" in changed or place_changed
    if moved:
        row.sequence = F("sequence") + 1
        changed.append("sequence")
    row.save(update_fields=changed + ["modified_at"])
    if moved:
        row.refresh_from_db()
        row.event = page
        outbox.date_moved(row)
    if "capacity" in changed:
        seats.fill_waitlist(row, timezone.now())
    return moved


def has_registrations(date):
    """Whether anyone holds or waits for a seat on this date (RSVPs arrive later)."""
    related = getattr(date, "rsvps", None)
    return related is not None and related.exists()


def drop_date(date):
    if has_registrations(date):
        cancel_date(date)
    else:
        date.delete()


@dataclasses.dataclass(frozen=True)
class DateChange:
    """What a staff change to one date did, read under the date's lock."""

    date: EventDate
    confirmed: int  # seats taken once the change was made

    @property
    def over_capacity(self):
        """Lowered below the people already confirmed (nobody is removed: docs/seats.md)."""
        return self.date.capacity is not None and self.confirmed > self.date.capacity


def _set_status(locked, status):
    """Change a locked date's status (a new iCalendar SEQUENCE); True when it changed."""
    if locked.status == status:
        return False
    locked.status = status
    locked.sequence = F("sequence") + 1
    locked.save(update_fields=["status", "sequence", "modified_at"])
    locked.refresh_from_db()
    return True


def cancel_date(date):
    """Cancel a date: only the cancellation notice still goes to its people."""

    def decide(locked):
        if _set_status(locked, DateStatus.CANCELLED):
            outbox.date_cancelled(locked)
        return locked

    return seats.with_date_locked(date.pk, decide)


def reinstate_date(date):
    """Put a cancelled date back on; the reminders of its confirmed people follow."""

    def decide(locked):
        if _set_status(locked, DateStatus.SCHEDULED):
            outbox.follow_reminders(locked)
        return locked

    return seats.with_date_locked(date.pk, decide)


def _move(locked, start, end):
    """Move a locked date, checked beforehand by _check_change."""
    if (locked.start, locked.end) == (start, end):
        return
    locked.start, locked.end, locked.moved = start, end, True
    locked.sequence = F("sequence") + 1
    locked.save(update_fields=["start", "end", "moved", "sequence", "modified_at"])
    locked.refresh_from_db()
    outbox.date_moved(locked)


def _check_change(locked, start, end, capacity=UNSET):
    """Refuse new times or seats outside what staff may set, before anything is written
    or anyone told. What a date already holds is never refused: a date recorded long
    ago keeps its day when only its seats change."""
    if (locked.start, locked.end) != (start, end):
        check(start, end, None, locked.event.timezone)
    if capacity is not UNSET and capacity != locked.capacity:
        if message := date_limits.seats_error(capacity):
            raise DateRefused(message)


def move_date(date, start, end):
    """Move one date; it then stops following the series' times. DateRefused when the
    new times are out of bounds (docs/dates.md, "Sane dates")."""

    def decide(locked):
        _check_change(locked, start, end)
        _move(locked, start, end)
        return locked

    return seats.with_date_locked(date.pk, decide)


def edit_date(date, start, end, capacity, *, now=None):
    """Staff's date form: new times and seats in one transaction under the date's lock,
    so a registration in flight sees either the old date or the new one, never half.
    DateRefused, with nothing changed, for times or seats out of bounds."""

    def decide(locked):
        _check_change(locked, start, end, capacity)
        _move(locked, start, end)
        if capacity != locked.capacity:
            locked.capacity = capacity
            locked.save(update_fields=["capacity", "modified_at"])
            # More seats (or none to count) may let waiting people in.
            seats.fill_waitlist(locked, now or timezone.now())
        return DateChange(locked, seats.used_seats(locked))

    return seats.with_date_locked(date.pk, decide)


@transaction.atomic
def add_date(page, start, end, capacity=UNSET):
    """A date outside the weekly rule (e.g. an extra session); by default it has the
    event's number of seats. DateRefused for times or seats out of bounds."""
    if capacity is UNSET:
        capacity = page.capacity
    check(start, end, capacity, page.timezone)
    return EventDate.objects.create(event=page, start=start, end=end, capacity=capacity)
