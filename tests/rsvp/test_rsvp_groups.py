"""A farm owner or crew leader registers a group of workers in one RSVP."""

import pytest
from django.urls import reverse

from events.models import EventDate
from rsvp.models import Rsvp, RsvpStatus
from rsvp.services import seats
from tests.factories import EventFactory
from tests.rsvp.test_rsvp_pages import PHONE, form_data, rsvp_url
from tests.rsvp_helpers import ask, register_and_follow

pytestmark = pytest.mark.django_db


def group_data(date, **fields):
    fields.setdefault("group_label", "6 travailleurs de la Ferme X")
    fields.setdefault("party_size", 6)
    return form_data(date, kind="group", **fields)


def test_group_rsvp_takes_seats_like_any_other(site_tree, client):
    event = EventFactory(capacity=8, max_party_size=4)
    date = EventDate.objects.for_event(event).get()
    ask(date, 1, first_name="Guadalupe")
    assert "Inscrire un groupe" in client.get(event.url).content.decode()
    _token, page = register_and_follow(client, rsvp_url(event), group_data(date), PHONE)
    group = Rsvp.objects.get(is_group=True)
    assert group.party_size == 6 and group.group_label.startswith("6 travailleurs")
    assert group.status == RsvpStatus.CONFIRMED
    assert seats.used_seats(date) == 7
    # The group leader's private page shows their RSVP only, nobody else's.
    html = page.content.decode()
    assert "Ferme X" in html and "Guadalupe" not in html
    # The next group no longer fits: waiting list.
    response = client.post(rsvp_url(event), group_data(date, phone="+18195550999", party_size=2))
    assert response.status_code == 200
    assert Rsvp.objects.get(phone="+18195550999").status == RsvpStatus.WAITLISTED


def test_group_needs_a_phone_and_a_label(site_tree, client):
    event = EventFactory(capacity=20)
    date = EventDate.objects.for_event(event).get()
    response = client.post(
        rsvp_url(event), group_data(date, phone="", email="x@example.org", group_label="")
    )
    assert response.status_code == 400
    errors = response.context["group_form"].errors
    assert "phone" in errors and "group_label" in errors
    assert not Rsvp.objects.exists()


def test_group_is_not_larger_than_the_seats(site_tree, client):
    event = EventFactory(capacity=5, max_party_size=4)
    date = EventDate.objects.for_event(event).get()
    response = client.post(rsvp_url(event), group_data(date, party_size=6))
    assert response.status_code == 400
    assert "party_size" in response.context["group_form"].errors


def test_events_without_group_rsvps_refuse_them(site_tree, client):
    event = EventFactory(capacity=20, group_rsvp_allowed=False)
    date = EventDate.objects.for_event(event).get()
    assert "Inscrire un groupe" not in client.get(event.url).content.decode()
    response = client.post(rsvp_url(event), group_data(date))
    assert response.status_code == 400
    assert "inscriptions de groupe" in response.content.decode()
    assert not Rsvp.objects.exists()
    with pytest.raises(seats.SeatError):
        seats.take_seat(date, seats.SeatRequest(phone="+18195550100", is_group=True))


def test_manage_page_of_a_group_cannot_grow_past_the_seats(site_tree, client):
    event = EventFactory(capacity=8, max_party_size=4)
    date = EventDate.objects.for_event(event).get()
    token, _page = register_and_follow(client, rsvp_url(event), group_data(date), PHONE)
    ask(date, 2)
    url = reverse("events_rsvp_manage", args=[token])
    response = client.post(url, {"action": "change", "party_size": 7})
    assert response.status_code == 409
    assert Rsvp.objects.get(is_group=True).party_size == 6
    client.post(url, {"action": "change", "party_size": 5})
    assert Rsvp.objects.get(is_group=True).party_size == 5
