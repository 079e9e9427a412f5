"""The public subscribe page: validation in the visitor's language, nothing lost on error,
and one neutral answer for every valid request."""

import pytest
from django.core import mail
from django.utils.html import escape

from digest.models import DigestSubscription, SubscriptionStatus
from notifications import dispatcher, sms
from rsvp.models import OutboxMessage, SmsOptOut
from tests.digest.helpers import form, old_stamp, subscribe, subscriber, url, without_csrf
from tests.rsvp_helpers import LONG_EMAIL

pytestmark = pytest.mark.django_db


def checked(html, name, value):
    tag = html.split(f'name="{name}" value="{value}"', 1)[1].split(">", 1)[0]
    return "checked" in tag


def test_the_page_works_in_each_language(clock, site_tree, client):
    for lang, words in (("fr", "fin de semaine"), ("es", "fin de semana"), ("en", "weekend")):
        response = client.get(url("events_digest_subscribe", lang))
        assert response.status_code == 200
        html = response.content.decode()
        assert words in html and f'action="/{lang}/infolettre/"' in html
        # The language of the messages defaults to the page's.
        assert checked(html, "language", lang)
        assert not any(checked(html, "language", other) for other in {"fr", "es", "en"} - {lang})


def test_a_region_in_the_link_is_ticked(clock, site_tree, client):
    html = client.get(url("events_digest_subscribe", "fr") + "?region=16").content.decode()
    assert checked(html, "regions", "16") and not checked(html, "regions", "05")


def test_the_remembered_region_is_ticked(clock, site_tree, client):
    client.cookies["region"] = "05"
    html = client.get(url("events_digest_subscribe", "fr")).content.decode()
    assert checked(html, "regions", "05")


@pytest.mark.parametrize(
    "fields, field, message",
    [
        ({"email": "", "phone": "12"}, "phone", "Escriba un número de teléfono válido."),
        ({"email": "ana@", "phone": ""}, "email", "Introduzca una dirección de correo"),
        (
            {"email": "", "phone": ""},
            "phone",
            "Indique un número de celular o un correo electrónico.",
        ),
        (
            {"email": "ana@example.org", "phone": "819 555 0142"},
            "email",
            "Indique solo uno: un número de celular o un correo electrónico, no los dos.",
        ),
        ({"regions": []}, "regions", "Elija al menos una región."),
        ({"regions": ["05", "99"]}, "regions", "Elija las regiones de la lista."),
        ({"language": "de"}, "language", "Elija un idioma de la lista."),
    ],
)
def test_bad_input_is_explained_in_spanish(clock, site_tree, client, fields, field, message):
    response = subscribe(client, "es", **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert escape(message) in html
    # The message is tied to its field (aria-describedby → the error list's id).
    assert f'id="id_{field}_error"' in html
    assert f'aria-describedby="id_{field}_' in html or 'aria-describedby="id_' in html
    assert not DigestSubscription.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_nothing_typed_is_lost_on_error(clock, site_tree, client):
    response = subscribe(client, "es", email="ana@", regions=["05", "16"], language="en")
    html = response.content.decode()
    assert 'value="ana@"' in html
    assert checked(html, "regions", "05") and checked(html, "regions", "16")
    assert checked(html, "language", "en") and not checked(html, "language", "es")


def test_an_address_too_long_to_store_is_explained_and_kept(clock, site_tree, client):
    # Before the form checked the column's length, PostgreSQL refused the row: a 500.
    response = subscribe(client, "es", email=LONG_EMAIL, regions=["05", "16"])
    assert response.status_code == 400
    html = response.content.decode()
    assert "Esta dirección de correo es demasiado larga: 254 caracteres como máximo." in html
    assert f'value="{LONG_EMAIL}"' in html and checked(html, "regions", "16")
    assert not DigestSubscription.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_honeypot_sends_nothing(clock, site_tree, client):
    response = subscribe(client, "fr", website="http://spam.example")
    assert response.status_code == 400
    assert not OutboxMessage.objects.exists()


def test_too_fast_keeps_the_answers_and_sends_nothing(clock, site_tree, client, settings):
    settings.ENSEMBLE_RSVP_MIN_FILL_SECONDS = 3
    response = subscribe(client, "fr", stamp=old_stamp(seconds=1))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vérifiez vos réponses" in html and 'value="ana@example.org"' in html
    assert not OutboxMessage.objects.exists()


def test_a_valid_email_request_queues_one_confirmation(clock, site_tree, client):
    response = subscribe(client, "es", email="Ana@Example.org ", regions=["05", "16"])
    assert response.status_code == 200
    assert "ana@example.org" in response.content.decode()
    subscription = DigestSubscription.objects.get()
    assert (subscription.channel, subscription.contact) == ("email", "ana@example.org")
    assert subscription.status == SubscriptionStatus.PENDING
    assert subscription.requested_regions == "05 16" and subscription.requested_language == "es"
    assert subscription.regions == ""  # nothing in force before the confirmation
    row = OutboxMessage.objects.get()
    assert (row.kind, row.channel, row.date_version) == ("subscription_confirm", "email", 1)
    assert (
        response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    )


def test_a_phone_request_shows_the_code_form(clock, site_tree, client):
    response = subscribe(client, "fr", email="", phone="819 555 0142")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/fr/infolettre/code/"' in html and 'value="+18195550142"' in html
    assert DigestSubscription.objects.get().contact == "+18195550142"


def neutral(client, **fields):
    """Everything a visitor can observe of the answer, but the CSRF token and the
    clock's headers (Date, and never_cache's Expires: they change when a second
    ticks between two requests, whatever the contact)."""
    response = subscribe(client, "es", **fields)
    clock_headers = ("date", "expires")
    headers = sorted((k, v) for k, v in response.headers.items() if k.lower() not in clock_headers)
    return response.status_code, headers, without_csrf(response)


@pytest.mark.parametrize("channel", ["email", "sms"])
def test_the_answer_never_says_whether_the_contact_is_known(clock, site_tree, client, channel):
    fields = (
        {"email": "ana@example.org", "phone": ""}
        if channel == "email"
        else {"email": "", "phone": "+18195550142"}
    )
    new = neutral(client, **fields)
    pending = neutral(client, **fields)
    subscription = DigestSubscription.objects.get()
    subscription.status = SubscriptionStatus.ACTIVE
    subscription.regions = "05"
    subscription.save()
    active = neutral(client, **fields)
    over_the_limit = neutral(client, **fields)  # the 4th of the day: nothing is sent
    subscription.status = SubscriptionStatus.UNSUBSCRIBED
    subscription.save()
    unsubscribed = neutral(client, **fields)
    assert new == pending == active == over_the_limit == unsubscribed
    assert OutboxMessage.objects.count() == 3


def test_an_opted_out_number_gets_the_same_answer_and_no_sms(clock, site_tree, client):
    SmsOptOut.objects.create(phone="+18195550142")
    _status, _headers, opted_out = neutral(client, email="", phone="+18195550142")
    SmsOptOut.objects.all().delete()
    _status, _headers, other = neutral(client, email="", phone="+18195550143")
    assert opted_out.replace("555-0142", "555-0143").replace("5550142", "5550143") == other
    assert OutboxMessage.objects.filter(subscription__contact="+18195550142").count() == 0


def test_an_active_subscription_changes_only_once_confirmed(clock, site_tree, client):
    active = subscriber(contact="ana@example.org", regions="05", language="fr")
    subscribe(client, "es", regions=["16"])
    active.refresh_from_db()
    assert (active.status, active.regions, active.language) == ("active", "05", "fr")
    assert (active.requested_regions, active.requested_language) == ("16", "es")


def test_confirmation_email_goes_through_the_outbox(clock, site_tree, client):
    subscribe(client, "es", regions=["05", "16"])
    assert dispatcher.dispatch() == 1
    email = mail.outbox[0]
    assert email.to == ["ana@example.org"]
    assert "/es/infolettre/confirmer/" in email.body
    assert "Estrie, Montérégie" in email.body and "Español" in email.body
    assert "List-Unsubscribe" not in email.extra_headers
    assert dispatcher.dispatch() == 0


def test_confirmation_sms_goes_at_once_even_at_night(clock, site_tree, client):
    import datetime as dt

    clock.set(clock.now.replace(hour=23))
    subscribe(client, "es", email="", phone="+18195550142")
    dispatcher.dispatch()
    assert len(sms.outbox) == 1 and sms.outbox[0].to == "+18195550142"
    assert "STOP" in sms.outbox[0].body
    assert dt.timedelta(0) <= OutboxMessage.objects.get().due_at - clock.now < dt.timedelta(1)


def test_the_form_field_names_are_what_the_tests_post(clock, site_tree, client):
    html = client.get(url("events_digest_subscribe", "fr")).content.decode()
    for name in form():
        assert f'name="{name}"' in html
