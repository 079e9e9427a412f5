"""Nothing a farm owner forwards or receives says who signed up (invariant 4,
docs/architecture.md#invariant-4).

The tests put personal data where it could leak from (a staff member's account with
name, e-mail and phone, the organization's private e-mail, workers' RSVPs with names,
phones and e-mails, a farm owner's group RSVP) and check that the only contact detail
on the forwarded pages is the organization's public phone number, that the weekly
digest is the same with or without RSVPs, and that a group RSVP's private page shows
that group only.
"""

import re
from dataclasses import fields, is_dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Model

from core.when import week_version
from digest.models import DigestSubscription
from events.models import EventDate
from notifications.services.render import render
from rsvp.models import MessageKind, OutboxMessage
from tests.factories import UserFactory
from tests.rsvp.test_rsvp_groups import group_data
from tests.rsvp.test_rsvp_pages import rsvp_url
from tests.rsvp_helpers import ask, register_and_follow

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE = re.compile(r"(?:\+?1[ .-]?)?\(?\b\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b")


# Apps whose models a forwarded page may carry: pages and their public parts.
PUBLIC_APPS = {"events", "organizations", "wagtailcore", "home"}


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


WORKERS = [
    {"first_name": "María", "phone": "+18195550177", "email": "maria.lopez@example.com"},
    {"first_name": "Guadalupe", "phone": "+5215512345678", "email": ""},
]


def register_workers(event):
    date = EventDate.objects.for_event(event).first()
    for worker in WORKERS:
        ask(date, **worker, reminder="sms", language="es")
    return date


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
    register_workers(event)
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
                assert type(value)._meta.app_label in PUBLIC_APPS


def test_the_flyer_prints_the_public_phone(hike, people, client):
    event, _es = hike
    html = client.get(f"/fr/flyer/event/{event.pk}/").content.decode()
    assert PHONE.findall(html) == ["(819) 555-0142"]


# -- the weekly digest ---------------------------------------------------------------

UNSUBSCRIBE = re.compile(r"/infolettre/desabonner/[^/\s\"]+/")


def digest_texts(channel, language):
    subscription = DigestSubscription.objects.create(
        channel=channel,
        contact="+18195550100" if channel == "sms" else "owner@ferme.example",
        regions="05",
        language=language,
        status="active",
    )
    row = OutboxMessage(
        subscription=subscription,
        kind=MessageKind.DIGEST,
        channel=channel,
        date_version=week_version(),
    )
    rendered = render(row)
    subscription.delete()
    # The signed unsubscribe link carries a timestamp: the rest must match byte for byte.
    return [UNSUBSCRIBE.sub("", part) for part in (rendered.subject, rendered.text, rendered.html)]


@pytest.mark.parametrize("channel", ["email", "sms"])
@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_digest_says_nothing_about_who_registered(hike, client, channel, language):
    event, _es = hike
    before = digest_texts(channel, language)
    date = register_workers(event)
    client.post(rsvp_url(event), group_data(date, phone="+18195550188", group_label="Ferme X"))
    after = digest_texts(channel, language)
    assert before == after
    text = " ".join(after)
    assert "Randonnée" in text or "Caminata" in text or channel == "sms"
    assert EMAIL.findall(text) == []
    assert PHONE.findall(text) == []
    for word in ("María", "Guadalupe", "Ferme X", "maria"):
        assert word not in text


def test_a_group_rsvp_shows_only_that_group(hike, client):
    """The farm owner's private page: their group, never the workers who signed up."""
    event, _es = hike
    date = register_workers(event)
    data = group_data(date, phone="+18195550188", group_label="Ferme Tremblay", party_size=4)
    # The link comes by SMS to the farm owner's phone (never on screen).
    _token, response = register_and_follow(client, rsvp_url(event), data, "+18195550188")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ferme Tremblay" in html
    for worker in WORKERS:
        assert worker["first_name"] not in html
        assert worker["phone"] not in html and worker["phone"][-4:] not in html
    assert EMAIL.findall(html) == []
    # No head count of the others: the party size shown is the group's own.
    assert re.findall(r"— (\d+)</dd>", html) == ["4"]
