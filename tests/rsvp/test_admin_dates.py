"""The admin's date form (add, edit): what staff type is checked before anything is
stored or anyone told, and the form shows the stored date so a browser displays it."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from core.formatting import to_local
from events.models import EventDate
from rsvp.models import MessageKind, OutboxMessage
from tests.factories import EventFactory, staff_of
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")
WINDOW_FR = re.compile(r"Choisissez une date du 1 janvier \d{4} au 31 décembre \d{4}\.")


def nth_sunday(year, month, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def next_year():
    return timezone.localdate().year + 1


@pytest.fixture
def event(site_tree):
    return EventFactory(capacity=20)


@pytest.fixture
def staff(client, event):
    client.force_login(staff_of(event.get_parent().specific))
    return client


def form_data(**fields):
    data = {"day": "", "start_time": "10:00", "end_time": "12:00", "capacity": "10"}
    data["day"] = (timezone.localdate() + dt.timedelta(days=20)).isoformat()
    data.update(fields)
    return data


def add(client, event, **fields):
    return client.post(reverse("events_date_add", args=[event.pk]), form_data(**fields))


def edit(client, event, date, **fields):
    return client.post(reverse("events_date_edit", args=[event.pk, date.pk]), form_data(**fields))


def errors(response, name):
    form = response.context.get("add_form") or response.context["form"]
    return form.errors.get(name, [])


def test_a_valid_date_is_added(staff, event):
    response = add(staff, event, capacity="12")
    assert response.status_code == 302
    assert event.shared_dates().filter(capacity=12).count() == 1


@pytest.mark.parametrize("seats", ["2147483648", "10001"])
def test_too_many_seats_are_refused_with_a_message(staff, event, seats):
    date = event.shared_dates().get()
    response = add(staff, event, capacity=seats)
    assert response.status_code == 400
    assert errors(response, "capacity") == [
        "Indiquez au plus 10\u00a0000 places, ou laissez vide pour ne pas limiter."
    ]
    response = edit(staff, event, date, capacity=seats)
    assert response.status_code == 200 and errors(response, "capacity")
    assert list(event.shared_dates()) == [date]
    assert EventDate.objects.get(pk=date.pk).capacity == 20


@pytest.mark.parametrize("day", ["0001-01-01", "1900-01-01", "9999-12-31"])
def test_days_outside_the_window_are_refused_with_a_message(staff, event, day):
    date = event.shared_dates().get()
    response = add(staff, event, day=day, start_time="23:00", end_time="23:59")
    assert response.status_code == 400
    assert WINDOW_FR.fullmatch(errors(response, "day")[0])
    response = edit(staff, event, date, day=day, start_time="23:00", end_time="23:59")
    assert response.status_code == 200
    assert WINDOW_FR.fullmatch(errors(response, "day")[0])
    assert list(event.shared_dates()) == [date]
    assert EventDate.objects.get(pk=date.pk).start == date.start


def test_past_sessions_can_be_recorded(staff, event):
    """Staff add last season's sessions for the funders' report."""
    last_year = dt.date(timezone.localdate().year - 1, 4, 1)
    assert add(staff, event, day=last_year.isoformat()).status_code == 302
    assert event.shared_dates().filter(start__date=last_year).exists()


@pytest.mark.parametrize(
    "start, end, field", [("02:30", "03:15", "start_time"), ("01:00", "02:15", "end_time")]
)
def test_a_time_the_clocks_skip_is_refused(staff, event, start, end, field):
    date = event.shared_dates().get()
    spring = nth_sunday(next_year(), 3, 2)
    response = add(staff, event, day=spring.isoformat(), start_time=start, end_time=end)
    assert response.status_code == 400
    (message,) = errors(response, field)
    assert message.startswith("Les horloges avancent d'une heure cette nuit-là")
    response = edit(staff, event, date, day=spring.isoformat(), start_time=start, end_time=end)
    assert response.status_code == 200 and errors(response, field)
    assert list(event.shared_dates()) == [date]
    assert EventDate.objects.get(pk=date.pk).start == date.start


def test_a_time_the_clocks_show_twice_is_the_first_one(staff, event):
    autumn = nth_sunday(next_year(), 11, 1)
    response = add(staff, event, day=autumn.isoformat(), start_time="01:30", end_time="01:45")
    assert response.status_code == 302
    added = event.shared_dates().get(start__date=autumn)
    # Still daylight time (UTC−4): the first 01:30, an hour before the second one.
    assert added.start == dt.datetime.combine(autumn, dt.time(5, 30), dt.UTC)
    assert added.end - added.start == dt.timedelta(minutes=15)


@pytest.mark.parametrize("day", ["1900-01-06", "9999-12-25"])
def test_moving_a_date_with_confirmed_people_far_away_is_refused_and_nobody_told(staff, event, day):
    date = event.shared_dates().get()
    rsvp = ask(date, 2).rsvp
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    response = edit(staff, event, date, day=day)
    assert response.status_code == 200 and errors(response, "day")
    assert EventDate.objects.get(pk=date.pk).start == date.start
    assert EventDate.objects.get(pk=date.pk).sequence == date.sequence
    assert not OutboxMessage.objects.exclude(pk__in=before).exists()
    assert not rsvp.messages.filter(kind=MessageKind.DATE_MOVED).exists()


def test_a_date_recorded_long_ago_keeps_its_day_when_its_seats_change(staff, event):
    date = event.shared_dates().get()
    long_ago = dt.datetime(timezone.localdate().year - 5, 6, 6, 10, tzinfo=TORONTO)
    EventDate.objects.filter(pk=date.pk).update(
        start=long_ago, end=long_ago + dt.timedelta(hours=2)
    )
    page = staff.get(reverse("events_date_edit", args=[event.pk, date.pk]))
    data = {name: page.context["form"][name].value() for name in ("day", "start_time", "end_time")}
    response = edit(staff, event, date, capacity="8", **{k: str(v) for k, v in data.items()})
    assert response.status_code == 302
    date.refresh_from_db()
    assert (date.start, date.capacity) == (long_ago, 8)


DATE_INPUT = re.compile(r'<input type="date" name="day" value="([^"]*)"')
TIME_INPUT = re.compile(r'<input type="time" name="start_time" value="([^"]*)"')


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_the_edit_form_gives_the_browser_an_iso_date(staff, event, language):
    """<input type=date> shows only YYYY-MM-DD: "26/12/2026" would show an empty box,
    and staff changing the seats would have to type the date again."""
    date = event.shared_dates().get()
    user = staff_of(event.get_parent().specific)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    staff.force_login(user)
    html = staff.get(reverse("events_date_edit", args=[event.pk, date.pk])).content.decode()
    local = to_local(date.start, event.timezone)
    assert DATE_INPUT.search(html).group(1) == local.date().isoformat()
    assert dt.time.fromisoformat(TIME_INPUT.search(html).group(1)) == local.time()
