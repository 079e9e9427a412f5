"""Raising seats in the admin (one date, or the whole event) lets waiting people in."""

import pytest
from django.urls import reverse

from core.formatting import to_local
from events.models import EventDate
from rsvp.models import Rsvp, RsvpStatus
from tests.factories import EventFactory, staff_of
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db


def edit_seats(client, event, date, capacity):
    client.force_login(staff_of(event.get_parent().specific))
    start, end = to_local(date.start, event.timezone), to_local(date.end, event.timezone)
    return client.post(
        reverse("events_date_edit", args=[event.pk, date.pk]),
        {
            "day": start.date().isoformat(),
            "start_time": start.strftime("%H:%M"),
            "end_time": end.strftime("%H:%M"),
            "capacity": capacity,
        },
        follow=True,
    )


def test_admin_date_edit_raising_capacity_promotes(site_tree, client):
    event = EventFactory(capacity=2, max_party_size=2)
    date = EventDate.objects.for_event(event).get()
    ask(date, 2)
    waiting = ask(date, 2).rsvp
    response = edit_seats(client, event, date, 4)
    assert response.redirect_chain[-1][1] == 302
    assert Rsvp.objects.get(pk=waiting.pk).status == RsvpStatus.CONFIRMED


def test_raising_the_events_capacity_promotes(site_tree):
    event = EventFactory(capacity=2, max_party_size=2)
    date = EventDate.objects.for_event(event).get()
    ask(date, 2)
    waiting = ask(date, 2).rsvp
    event.capacity = 4
    event.save_revision().publish()
    assert Rsvp.objects.get(pk=waiting.pk).status == RsvpStatus.CONFIRMED


def test_lowering_seats_below_the_confirmed_warns_and_removes_nobody(site_tree, client):
    event = EventFactory(capacity=4, max_party_size=3)
    date = EventDate.objects.for_event(event).get()
    ask(date, 3)
    response = edit_seats(client, event, date, 2)
    shown = [str(message) for message in response.context["messages"]]
    assert any(text.startswith("3 personnes sont déjà confirmées") for text in shown), shown
    assert date.rsvps.confirmed().count() == 1
    assert EventDate.objects.get(pk=date.pk).capacity == 2
    assert ask(date, 1).rsvp.status == RsvpStatus.WAITLISTED
