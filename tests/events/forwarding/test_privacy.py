"""Nothing on the pages a farm owner forwards says who signed up (DESIGN invariant 4).

There is no RSVP on this branch yet: the test puts personal data where it could leak
from (a staff member's account with name, e-mail and phone, the organization's private
e-mail) and checks that the only contact detail on any of these pages is the
organization's public phone number.
"""

import re
from dataclasses import fields, is_dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Model

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(?:\+?1[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b")


def walk(value, seen=None):
    """Every object reachable from a template context through containers and dataclasses."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    if isinstance(value, dict):
        children = value.values()
    elif isinstance(value, list | tuple | set):
        children = value
    elif is_dataclass(value) and not isinstance(value, type):
        children = [getattr(value, f.name) for f in fields(value)]
    else:
        return
    for child in children:
        yield from walk(child, seen)


@pytest.fixture
def people(hike, organization):
    organization.email = "direction@aide.example"
    organization.save_revision().publish()
    worker = UserFactory(username="maria", first_name="María", email="maria.lopez@example.com")
    worker.groups.add(organization.staff_group)
    return worker


@pytest.mark.parametrize(
    "url",
    [
        "/fr/flyer/event/{pk}/",
        "/fr/flyer/event/{pk}/?langs=en",
        "/es/flyer/weekend/05/",
        "/es/kiosk/05/",
        "{page_url}",
    ],
)
def test_forwarded_pages_show_no_personal_data(hike, people, client, url):
    event, es = hike
    response = client.get(url.format(pk=event.pk, page_url=es.url))
    assert response.status_code == 200
    html = response.content.decode()
    if "{page_url}" in url:
        # The event page shows more (the organizer's block); its share section is what
        # a farm owner forwards.
        html = html[html.index('<section class="forward"') :]
    assert EMAIL.findall(html) == []
    assert set(PHONE.findall(html)) <= {"(819) 555-0142"}
    assert "María" not in html and "maria" not in html.lower()

    user_model = get_user_model()
    for context in response.context:
        for value in walk(context.flatten()):
            assert not isinstance(value, user_model)
            if isinstance(value, Model):
                assert type(value)._meta.app_label in {"events", "wagtailcore", "home"}


def test_the_flyer_prints_the_public_phone(hike, people, client):
    event, _es = hike
    html = client.get(f"/fr/flyer/event/{event.pk}/").content.decode()
    assert PHONE.findall(html) == ["(819) 555-0142"]
