"""The worker's side: register from the event page, then the private manage page."""

import re
import time

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import translation

from core.translations import translate
from rsvp.forms import STAMP_SALT
from rsvp.models import Rsvp, RsvpStatus
from tests.rsvp_helpers import LONG_EMAIL, follow_link, register_and_follow

pytestmark = pytest.mark.django_db


def old_stamp(seconds=60):
    return signing.dumps(time.time() - seconds, salt=STAMP_SALT)


def form_data(the_date, kind="person", **fields):
    data = {
        "date": the_date.pk,
        "first_name": "Ana",
        "phone": "819 555 0142",
        "email": "",
        "party_size": 2,
        "reminder": "sms",
        "consent": "on",
        "website": "",
        "stamp": old_stamp(),
    }
    data.update(fields)
    return {"kind": kind, **{f"{kind}-{k}": v for k, v in data.items() if v is not None}}


def rsvp_url(page, lang="fr"):
    with translation.override(lang):
        return reverse("events_rsvp", args=[page.pk])


PHONE = "+18195550142"  # form_data's phone, normalized


def registered_token(client, event, date, **fields):
    """Register through the form and return the token of the link the person received."""
    token, _page = register_and_follow(client, rsvp_url(event), form_data(date, **fields), PHONE)
    return token


def test_event_page_shows_the_form_with_consent(event, client):
    html = client.get(event.url).content.decode()
    assert f'action="{rsvp_url(event)}#rsvp"' in html
    assert "seulement" in html or "Only" in html  # the consent sentence
    assert 'name="person-website"' in html and 'name="person-stamp"' in html


def test_register_confirms_and_sends_the_private_link(event, date, client):
    response = client.post(rsvp_url(event), form_data(date))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Regardez votre cellulaire" in html and "••• ••• 0142" in html
    assert "gerer" not in html and "Votre place est réservée" not in html
    rsvp = Rsvp.objects.get()
    assert rsvp.status == RsvpStatus.CONFIRMED
    assert rsvp.phone == PHONE and rsvp.language == "fr" and rsvp.party_size == 2
    _token, page = follow_link(client, PHONE)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and page["Referrer-Policy"] == "same-origin"
    assert "Ana" in page.content.decode()


def test_spanish_page_registers_in_spanish_on_the_same_seats(event, date, client):
    org = event.get_parent().specific
    translate(org, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    client.post(rsvp_url(event), form_data(date, party_size=3))
    response = client.post(rsvp_url(es, "es"), form_data(date, phone="+52 55 1234 5678"))
    assert response.status_code == 200
    assert "Revise su teléfono" in response.content.decode()
    rsvp = Rsvp.objects.get(phone="+525512345678")
    assert rsvp.language == "es" and rsvp.status == RsvpStatus.WAITLISTED
    _token, page = follow_link(client, "+525512345678")
    html = page.content.decode()
    assert "lista de espera" in html and "1" in html


def test_a_mexican_mobile_written_the_old_way_registers(event, date, client):
    response = client.post(rsvp_url(event), form_data(date, phone="+52 1 55 1234 5678"))
    assert response.status_code == 200
    assert "Regardez votre cellulaire" in response.content.decode()
    assert Rsvp.objects.get().phone == "+525512345678"


def test_get_of_the_manage_page_changes_nothing(event, date, client):
    token = registered_token(client, event, date)
    url = reverse("events_rsvp_manage", args=[token])
    client.get(url)
    client.get(url + "?action=cancel")
    assert Rsvp.objects.get().status == RsvpStatus.CONFIRMED


def test_manage_page_changes_cancels_and_erases(event, date, client):
    token = registered_token(client, event, date)
    url = reverse("events_rsvp_manage", args=[token])
    pickup = event.pickup_points.get()
    response = client.post(
        url,
        {
            "action": "change",
            "party_size": 1,
            "needs_transport": "on",
            "pickup": str(pickup.translation_key),
        },
    )
    assert response.status_code == 200
    rsvp = Rsvp.objects.get()
    assert rsvp.party_size == 1 and rsvp.pickup_key == pickup.translation_key
    client.post(url, {"action": "cancel"})
    assert Rsvp.objects.get().status == RsvpStatus.CANCELLED
    response = client.post(url, {"action": "erase"})
    assert response.status_code == 200
    rsvp = Rsvp.objects.get()
    assert rsvp.first_name == "" and rsvp.phone == "" and rsvp.token_hash is None
    assert client.get(url).status_code == 404


def test_unknown_token_is_a_polite_404(client, site_tree):
    response = client.get(reverse("events_rsvp_manage", args=["nope"]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"first_name": ""}, "first_name"),
        ({"phone": "", "email": "", "reminder": "none"}, "phone"),
        ({"phone": "12"}, "phone"),
        ({"email": "not-an-email"}, "email"),
        ({"party_size": 9}, "party_size"),
        ({"party_size": 0}, "party_size"),
        ({"party_size": "deux"}, "party_size"),
        ({"consent": None}, "consent"),
        ({"reminder": "email"}, "reminder"),
        ({"needs_transport": "on"}, "pickup"),
        ({"date": 999999}, "date"),
    ],
)
def test_each_invalid_field_gets_a_translated_message_and_nothing_is_saved(
    event, date, client, fields, field
):
    response = client.post(rsvp_url(event), form_data(date, **fields))
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    html = response.content.decode()
    assert f'id="id_person-{field}_error"' in html
    message = form.errors[field][0]
    assert message in html
    assert not re.search(r"\b(Enter|Give|Choose|Ensure|This field)\b", message)
    assert not Rsvp.objects.exists()


def test_an_address_too_long_to_store_is_explained_and_kept(event, date, client):
    # Before the form checked the column's length, PostgreSQL refused the row: a 500.
    response = client.post(rsvp_url(event), form_data(date, email=LONG_EMAIL, reminder="email"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cette adresse courriel est trop longue : 254 caractères au maximum." in html
    assert f'value="{LONG_EMAIL}"' in html and 'value="Ana"' in html
    assert not Rsvp.objects.exists()


def test_full_date_offers_the_waitlist_and_closed_dates_say_so(event, date, client):
    client.post(rsvp_url(event), form_data(date, party_size=4))
    html = client.get(event.url).content.decode()
    assert "liste d’attente" in html or "liste d'attente" in html
    date.status = "cancelled"
    date.save()
    html = client.get(event.url).content.decode()
    assert "Annulé" in html
    assert 'name="person-date"' not in html


def test_a_busy_date_says_try_again_and_saves_nothing(event, date, client, monkeypatch):
    from django.db import OperationalError

    from rsvp.services import seats

    def locked_out(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(seats.EventDate.objects, "select_for_update", locked_out)
    response = client.post(rsvp_url(event), form_data(date))
    assert response.status_code == 409
    assert "Beaucoup de gens s" in response.content.decode()
    assert not Rsvp.objects.exists()


def test_public_pages_never_show_who_registered(event, date, client):
    client.post(rsvp_url(event), form_data(date, first_name="Guadalupe"))
    org = event.get_parent().specific
    for url in (event.url, org.url, "/fr/", f"/api/v2/pages/{event.pk}/", "/sitemap.xml"):
        text = client.get(url, follow=True).content.decode()
        assert "Guadalupe" not in text and "5550142" not in text, url
    # Nor does the page's revision history: the RSVP is not part of the page.
    assert not any("Guadalupe" in str(r.content) for r in event.revisions.all())


def test_manage_page_offers_the_dates_calendar_file(event, date, client):
    from calendars.links import date_ics_url

    _token, page = register_and_follow(client, rsvp_url(event), form_data(date), PHONE)
    html = page.content.decode()
    ics = date_ics_url(date, "fr")
    assert f'href="{ics}"' in html
    assert client.get(ics)["Content-Type"].startswith("text/calendar")
    assert "calendar.google.com" in html
