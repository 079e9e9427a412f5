"""Someone who knows a worker's phone number or e-mail (an employer, say) registers with
it: they must learn nothing and change nothing (invariant 4,
docs/architecture.md#invariant-4; docs/rsvp.md, "Tokens"). The private link only ever
reaches the contact itself, by SMS or e-mail."""

import re

import pytest
from django.core import mail
from django.test import Client

from events.models import EventDate
from notifications import sms
from rsvp.models import MessageKind, OutboxMessage, Rsvp, RsvpStatus
from rsvp.services import outbox
from tests.factories import EventFactory
from tests.rsvp.test_rsvp_groups import group_data
from tests.rsvp.test_rsvp_pages import PHONE, form_data, rsvp_url
from tests.rsvp_helpers import (
    LINK,
    follow_link,
    links_sent_to,
    manage_path,
    register_and_follow,
    send_due,
)

pytestmark = pytest.mark.django_db

EMAIL = "ana.maria@example.org"


def answer(response):
    """What the requester sees: status, a few headers, and the page without its CSRF token."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    headers = {name: response.get(name) for name in ("Content-Type", "Cache-Control")}
    return response.status_code, headers, html


def row(rsvp):
    return Rsvp.objects.filter(pk=rsvp.pk).values().get()


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"phone": "", "email": EMAIL, "reminder": "email"},
        {"email": EMAIL, "reminder": "none"},
    ],
    ids=["phone", "e-mail", "both"],
)
def test_the_answer_is_the_same_for_a_new_and_an_already_registered_contact(event, date, fields):
    new = Client().post(rsvp_url(event), form_data(date, **fields))
    assert Rsvp.objects.count() == 1
    # Another browser, another name and party size, the same contact: already registered.
    again = Client().post(
        rsvp_url(event), form_data(date, first_name="Patron", party_size=1, **fields)
    )
    assert Rsvp.objects.count() == 1
    assert answer(new) == answer(again)
    status, _headers, html = answer(new)
    assert status == 200
    assert not LINK.search(html) and "gerer" not in html
    for hidden in (
        "Ana",
        "Patron",
        "place est réservée",
        "date est complète",
        "555 0142",
        "ana.maria",
    ):
        assert hidden not in html, hidden


def test_the_group_form_answers_the_same_way(site_tree):
    event = EventFactory(capacity=20, max_party_size=4)
    date = EventDate.objects.for_event(event).get()
    new = Client().post(rsvp_url(event), group_data(date))
    again = Client().post(rsvp_url(event), group_data(date, party_size=2, group_label="Autre"))
    assert Rsvp.objects.get().party_size == 6
    assert answer(new) == answer(again) and new.status_code == 200


def test_someone_elses_number_changes_nothing_and_only_the_owner_hears(event, date, client):
    owner_data = form_data(date, email=EMAIL, reminder="email")
    owner_token, _page = register_and_follow(client, rsvp_url(event), owner_data, EMAIL)
    rsvp = Rsvp.objects.get()
    before = row(rsvp)
    pickup = event.pickup_points.get()
    employer = Client()
    response = employer.post(
        rsvp_url(event),
        form_data(
            date,
            first_name="Patron",
            party_size=4,
            email="",
            needs_transport="on",
            pickup=str(pickup.translation_key),
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert owner_token not in html and not LINK.search(html)
    # Nothing changed on the RSVP, not even its link: the owner's link still works.
    assert row(rsvp) == before
    assert client.get(manage_path(owner_token)).status_code == 200
    # Only a message to the RSVP's own contact was queued: its e-mail, as the owner chose.
    queued = OutboxMessage.objects.filter(rsvp=rsvp, kind=MessageKind.MANAGE_LINK)
    assert list(queued.values_list("channel", "date_version")) == [("email", 1)]
    assert OutboxMessage.objects.exclude(rsvp=rsvp).count() == 0
    sms.outbox = []
    mail.outbox = []
    send_due()
    assert sms.outbox == [], "nothing goes to what the requester typed"
    assert [m.to for m in mail.outbox] == [[EMAIL]]
    assert "n'a pas changé" in mail.outbox[0].body
    assert employer.get(event.url).status_code == 200  # and the public page shows nothing
    assert "Ana" not in employer.get(event.url).content.decode()


def test_the_link_from_the_message_opens_the_page_and_only_the_newest_works(event, date, client):
    first, page = register_and_follow(client, rsvp_url(event), form_data(date), PHONE)
    assert page.status_code == 200 and "Ana" in page.content.decode()
    client.post(rsvp_url(event), form_data(date))  # lost the link: register again
    second, page = follow_link(client, PHONE)
    assert second != first and page.status_code == 200
    assert client.get(manage_path(first)).status_code == 404
    assert links_sent_to(PHONE) == [first, second]


def test_no_reminders_and_only_a_phone_still_gets_the_link_by_sms(event, date, client):
    data = form_data(date, reminder="none", email="")
    _token, page = register_and_follow(client, rsvp_url(event), data, PHONE)
    assert page.status_code == 200
    rsvp = Rsvp.objects.get()
    assert rsvp.reminder == "none"
    assert list(rsvp.messages.values_list("kind", "channel", "status")) == [
        ("confirmed", "sms", "sent")
    ], "the confirmation carrying the link goes; reminders do not"


def test_asking_again_and_again_sends_only_a_few_links(event, date, client, settings):
    settings.ENSEMBLE_RSVP_RATES = {"ip": "1000/h", "date": "1000/h", "contact": "6/h"}
    client.post(rsvp_url(event), form_data(date))
    statuses = []
    for _ in range(10):
        send_due()
        statuses.append(client.post(rsvp_url(event), form_data(date)).status_code)
    send_due()
    # The contact's rate limit answers "too many" after six requests an hour…
    assert statuses == [200] * 5 + [429] * 5
    # …and whatever the cache says, a few link messages an hour at most.
    rsvp = Rsvp.objects.get()
    sent_again = rsvp.messages.filter(kind=MessageKind.MANAGE_LINK)
    assert sent_again.count() == outbox.LINK_MESSAGES_PER_HOUR
    assert len(links_sent_to(PHONE)) == 1 + outbox.LINK_MESSAGES_PER_HOUR
    settings.ENSEMBLE_RSVP_RATES = {"ip": "1000/h", "date": "1000/h", "contact": "1000/h"}
    for _ in range(5):
        assert client.post(rsvp_url(event), form_data(date)).status_code == 200
        send_due()
    assert sent_again.count() == outbox.LINK_MESSAGES_PER_HOUR


def test_a_full_date_answers_the_same_to_everyone(site_tree, client):
    event = EventFactory(capacity=2, max_party_size=2, waitlist_allowed=False)
    date = EventDate.objects.for_event(event).get()
    register_and_follow(client, rsvp_url(event), form_data(date), PHONE)
    newcomer = Client().post(rsvp_url(event), form_data(date, phone="819 555 0199"))
    same = Client().post(rsvp_url(event), form_data(date, party_size=1))
    assert newcomer.status_code == same.status_code
    assert newcomer.context["form"].errors == same.context["form"].errors
    rsvp = Rsvp.objects.get()
    assert (rsvp.status, rsvp.party_size) == (RsvpStatus.CONFIRMED, 2)
