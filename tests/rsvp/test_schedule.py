"""The weekly rule: wall-clock times across DST, edits that keep moved and cancelled dates."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.models import DateStatus, EventDate, EventPage
from rsvp.models import MessageKind, OutboxMessage
from rsvp.services import schedule
from rsvp.services.schedule import move_date, series_days
from tests.factories import EventFactory
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")


def local(value, tz=TORONTO):
    return value.astimezone(tz)


def test_series_days_are_weekly_and_inclusive():
    days = series_days(dt.date(2026, 10, 24), dt.date(2026, 11, 14))
    assert days == [dt.date(2026, 10, 24) + dt.timedelta(weeks=i) for i in range(4)]


def nth_sunday(year, month, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def next_year():
    return timezone.localdate().year + 1


def test_weekly_dates_keep_local_time_across_the_november_change(site_tree):
    # On the first Sunday of November EDT (-4) becomes EST (-5): two Saturdays before
    # it, two after (next year's, so that the days stay inside the date window).
    autumn = nth_sunday(next_year(), 11, 1)
    event = EventFactory(
        first_date=autumn - dt.timedelta(days=8), repeat_weekly_until=autumn + dt.timedelta(days=13)
    )
    dates = list(event.shared_dates())
    assert [local(d.start).time() for d in dates] == [dt.time(10, 30)] * 4
    offsets = {d.start.astimezone(TORONTO).utcoffset() for d in dates}
    assert offsets == {dt.timedelta(hours=-4), dt.timedelta(hours=-5)}


def test_event_in_atlantic_time_is_stored_at_the_right_instant(site_tree):
    day = dt.date(next_year(), 7, 10)
    event = EventFactory(first_date=day, timezone="America/Halifax")
    date = event.shared_dates().get()
    assert date.start == dt.datetime.combine(day, dt.time(13, 30), dt.UTC)


def test_rule_time_change_moves_untouched_dates_but_not_moved_ones(site_tree):
    event = EventFactory(repeat_weekly_until=None)
    event.repeat_weekly_until = event.first_date + dt.timedelta(weeks=2)
    event.save_revision().publish()
    first, second, third = event.shared_dates()
    moved_start = dt.datetime.combine(local(second.start).date(), dt.time(9, 0), TORONTO)
    move_date(second, moved_start, moved_start + dt.timedelta(hours=2))

    event.start_time = dt.time(11, 0)
    event.save_revision().publish()

    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert local(first.start).time() == dt.time(11, 0)
    assert local(third.start).time() == dt.time(11, 0)
    assert local(second.start).time() == dt.time(9, 0)
    assert first.sequence == 1 and second.sequence == 1


def test_shortening_the_series_deletes_untouched_dates(site_tree):
    event = EventFactory()
    event.repeat_weekly_until = event.first_date + dt.timedelta(weeks=3)
    event.save_revision().publish()
    assert event.shared_dates().count() == 4
    keep = event.shared_dates().first()
    event.repeat_weekly_until = event.first_date
    event.save_revision().publish()
    assert list(event.shared_dates()) == [keep]


def test_capacity_change_follows_to_dates_without_their_own(site_tree):
    event = EventFactory(capacity=20)
    event.repeat_weekly_until = event.first_date + dt.timedelta(weeks=1)
    event.save_revision().publish()
    own, follower = event.shared_dates()
    EventDate.objects.filter(pk=own.pk).update(capacity=35)
    event.capacity = 12
    event.save_revision().publish()
    own.refresh_from_db()
    follower.refresh_from_db()
    assert (own.capacity, follower.capacity) == (35, 12)
    assert follower.status == DateStatus.SCHEDULED


def test_saving_a_draft_moves_no_date_and_tells_nobody(site_tree):
    from rsvp.models import OutboxMessage
    from tests.rsvp_helpers import ask

    event = EventFactory()
    date = event.shared_dates().get()
    ask(date)
    event.start_time = dt.time(12, 0)
    event.capacity = 5
    event.save_revision()  # a draft: not the event's schedule yet
    date.refresh_from_db()
    assert (local(date.start).time(), date.capacity, date.sequence) == (dt.time(10, 30), 20, 0)
    assert not OutboxMessage.objects.filter(kind="date_moved").exists()
    event.save_revision().publish()
    date.refresh_from_db()
    assert (local(date.start).time(), date.capacity, date.sequence) == (dt.time(12, 0), 5, 1)
    assert OutboxMessage.objects.filter(kind="date_moved").count() == 1


# -- what the service refuses, whatever path the request comes from ---------------


def at(day, hour, tz=TORONTO):
    return dt.datetime.combine(day, dt.time(hour), tz)


def test_a_date_outside_the_window_or_with_too_many_seats_is_never_added(site_tree):
    event = EventFactory()
    day = timezone.localdate() + dt.timedelta(days=30)
    refused = [
        (at(dt.date(1900, 1, 6), 10), at(dt.date(1900, 1, 6), 12), None),
        (at(dt.date(9999, 12, 31), 10), at(dt.date(9999, 12, 31), 12), None),
        (at(day, 10), at(day, 12), 2**31),
        (at(day, 10), at(day, 10), None),  # the database's constraint would fail
    ]
    for start, end, seats in refused:
        with pytest.raises(schedule.DateRefused):
            schedule.add_date(event, start, end, seats)
    assert event.shared_dates().count() == 1
    schedule.add_date(event, at(day, 10), at(day, 12), 10_000)
    assert event.shared_dates().count() == 2


@pytest.mark.parametrize("year", [1900, 9999])
def test_moving_a_date_with_confirmed_people_far_away_is_refused_and_nobody_told(site_tree, year):
    event = EventFactory()
    date = event.shared_dates().get()
    ask(date, 2)
    messages = OutboxMessage.objects.count()
    start = at(dt.date(year, 6, 5), 10)
    with pytest.raises(schedule.DateRefused):
        schedule.edit_date(date, start, start + dt.timedelta(hours=2), date.capacity)
    with pytest.raises(schedule.DateRefused):
        schedule.move_date(date, start, start + dt.timedelta(hours=2))
    stored = EventDate.objects.get(pk=date.pk)
    assert (stored.start, stored.sequence, stored.moved) == (date.start, 0, False)
    assert OutboxMessage.objects.count() == messages
    assert not OutboxMessage.objects.filter(kind=MessageKind.DATE_MOVED).exists()


@pytest.mark.parametrize(
    "first, until",
    [(dt.date(1900, 1, 6), dt.date(1900, 1, 20)), (dt.date(9999, 12, 11), dt.date(9999, 12, 31))],
)
def test_a_rule_saved_past_the_form_stores_no_date_outside_the_window(site_tree, first, until):
    event = EventFactory()
    EventPage.objects.filter(pk=event.pk).update(first_date=first, repeat_weekly_until=until)
    schedule.sync_dates(EventPage.objects.get(pk=event.pk))
    assert first.year not in {date.start.year for date in EventDate.objects.all()}


def test_a_date_set_long_ago_keeps_its_day_when_its_seats_change(site_tree):
    event = EventFactory()
    date = event.shared_dates().get()
    long_ago = at(dt.date(timezone.localdate().year - 5, 6, 6), 10)
    EventDate.objects.filter(pk=date.pk).update(
        start=long_ago, end=long_ago + dt.timedelta(hours=2)
    )
    date.refresh_from_db()
    change = schedule.edit_date(date, date.start, date.end, 12)
    assert (change.date.start, change.date.capacity) == (long_ago, 12)
