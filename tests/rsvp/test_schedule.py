"""The weekly rule: wall-clock times across DST, edits that keep moved and cancelled dates."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from activities.models import DateStatus, EventDate
from rsvp.services.schedule import move_date, series_days
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")


def local(value, tz=TORONTO):
    return value.astimezone(tz)


def test_series_days_are_weekly_and_inclusive():
    days = series_days(dt.date(2026, 10, 24), dt.date(2026, 11, 14))
    assert days == [dt.date(2026, 10, 24) + dt.timedelta(weeks=i) for i in range(4)]


def test_weekly_dates_keep_local_time_across_the_november_change(site_tree):
    # 2026-11-01 is the first Sunday of November: EDT (-4) becomes EST (-5).
    event = EventFactory(
        first_date=dt.date(2026, 10, 24), repeat_weekly_until=dt.date(2026, 11, 14)
    )
    dates = list(event.shared_dates())
    assert [local(d.start).time() for d in dates] == [dt.time(10, 30)] * 4
    offsets = {d.start.astimezone(TORONTO).utcoffset() for d in dates}
    assert offsets == {dt.timedelta(hours=-4), dt.timedelta(hours=-5)}


def test_event_in_atlantic_time_is_stored_at_the_right_instant(site_tree):
    event = EventFactory(first_date=dt.date(2027, 7, 10), timezone="America/Halifax")
    date = event.shared_dates().get()
    assert date.start == dt.datetime(2027, 7, 10, 13, 30, tzinfo=dt.UTC)


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
