"""Impossible event data is refused with a message on the field, and nothing is saved."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import Category, EventDate, EventPage
from tests.factories import EventFactory, OrganizationFactory, staff_of

pytestmark = pytest.mark.django_db


def event_form(**overrides):
    day = dt.date.today() + dt.timedelta(days=10)
    data = {
        "title": "Randonnée",
        "slug": "randonnee",
        "summary": "Une belle marche.",
        "category": Category.objects.get(locale__language_code="fr", slug="outing").pk,
        "body": rich_text("<p>Venez marcher.</p>"),
        "first_date": day.isoformat(),
        "start_time": "10:00",
        "end_time": "15:00",
        "repeat_weekly_until": "",
        "timezone": "America/Toronto",
        "place_name": "Mont Pinacle",
        "municipality": "Coaticook",
        "region": "05",
        "capacity": "20",
        "max_party_size": "4",
        "spoken_languages": ["fr", "es"],
        "pickup_points": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def editor_client(site_tree, client):
    org = OrganizationFactory()
    client.force_login(staff_of(org))
    client.org = org
    return client


def post_new_event(client, **overrides):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", client.org.pk])
    return client.post(url, event_form(**overrides))


def test_valid_event_is_created_with_its_dates(editor_client):
    until = (dt.date.today() + dt.timedelta(days=24)).isoformat()
    response = post_new_event(editor_client, repeat_weekly_until=until)
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="randonnee")
    assert page.live
    assert page.shared_dates().count() == 3


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"start_time": "15:00", "end_time": "10:00"}, "end_time"),
        ({"capacity": "3", "max_party_size": "6"}, "max_party_size"),
        ({"repeat_weekly_until": "2020-01-01"}, "repeat_weekly_until"),
        ({"latitude": "45.1"}, "longitude"),
    ],
)
def test_impossible_data_is_refused_and_nothing_saved(editor_client, overrides, field):
    pages_before = EventPage.objects.count()
    response = post_new_event(editor_client, **overrides)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert EventPage.objects.count() == pages_before
    assert EventDate.objects.count() == 0


def nth_sunday(year, month, n):
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


WINDOW_FR = re.compile(r"Choisissez une date du 1 janvier \d{4} au 31 décembre \d{4}\.")


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"first_date": "9999-12-31"}, "first_date"),
        ({"first_date": "0001-01-01"}, "first_date"),
        ({"first_date": "1900-01-06"}, "first_date"),
        ({"repeat_weekly_until": "9999-12-31"}, "repeat_weekly_until"),
    ],
)
def test_days_outside_the_window_are_refused_with_a_message(editor_client, overrides, field):
    response = post_new_event(editor_client, **overrides)
    assert response.status_code == 200
    assert WINDOW_FR.fullmatch(response.context["form"].errors[field][0])
    assert not EventPage.objects.filter(slug="randonnee").exists()
    assert EventDate.objects.count() == 0


@pytest.mark.parametrize("seats", ["2147483648", "10001"])
def test_too_many_seats_are_refused_with_a_message(editor_client, seats):
    response = post_new_event(editor_client, capacity=seats)
    assert response.status_code == 200
    assert response.context["form"].errors["capacity"] == [
        "Indiquez au plus 10\u00a0000 places, ou laissez vide pour ne pas limiter."
    ]
    assert EventDate.objects.count() == 0


@pytest.mark.parametrize(
    "weeks_before, start, end, field",
    [
        (0, "02:30", "03:15", "start_time"),  # the single date
        (2, "02:30", "04:00", "start_time"),  # a weekly series that crosses it
        (0, "01:00", "02:15", "end_time"),
    ],
)
def test_a_time_the_clocks_skip_is_refused(editor_client, weeks_before, start, end, field):
    spring = nth_sunday(dt.date.today().year + 1, 3, 2)
    response = post_new_event(
        editor_client,
        first_date=(spring - dt.timedelta(weeks=weeks_before)).isoformat(),
        repeat_weekly_until=(spring + dt.timedelta(weeks=weeks_before)).isoformat(),
        start_time=start,
        end_time=end,
    )
    assert response.status_code == 200
    (message,) = response.context["form"].errors[field]
    assert message.startswith("Les horloges avancent d'une heure cette nuit-là")
    assert EventDate.objects.count() == 0


def test_a_time_the_clocks_show_twice_is_the_first_one(editor_client):
    autumn = nth_sunday(dt.date.today().year + 1, 11, 1)
    response = post_new_event(
        editor_client, first_date=autumn.isoformat(), start_time="01:30", end_time="01:45"
    )
    assert response.status_code == 302
    date = EventPage.objects.get(slug="randonnee").shared_dates().get()
    assert date.start == dt.datetime.combine(autumn, dt.time(5, 30), dt.UTC)


def test_past_sessions_can_be_published(editor_client):
    """Staff record last months' sessions for the funders' report."""
    day = dt.date.today() - dt.timedelta(days=150)
    response = post_new_event(editor_client, first_date=day.isoformat())
    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(slug="randonnee").shared_dates().count() == 1


def test_an_activity_set_long_ago_can_still_be_edited(editor_client):
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=5 * 365)
    with time_machine.travel(long_ago, tick=False):
        page = EventFactory(parent=editor_client.org, slug="randonnee")
    date = page.shared_dates().get()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = {"first_date": page.first_date.isoformat(), "title": "Randonnée d'antan"}
    response = editor_client.post(url, event_form(**data))
    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(pk=page.pk).title == "Randonnée d'antan"
    assert list(page.shared_dates()) == [date]
    assert page.shared_dates().get().start == date.start
    # Moving its rule to another day of that time is refused like any other.
    other = (page.first_date + dt.timedelta(days=1)).isoformat()
    response = editor_client.post(url, event_form(first_date=other))
    assert response.status_code == 200
    assert WINDOW_FR.fullmatch(response.context["form"].errors["first_date"][0])
