"""Impossible event data is refused with a message on the field, and nothing is saved."""

import datetime as dt

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from activities.models import Category, EventDate, EventPage
from tests.factories import OrganizationFactory, staff_of

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
