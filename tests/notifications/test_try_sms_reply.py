"""Trying replies locally: `make run` checks Twilio's signature with a development token,
and `try_sms_reply` posts a signed message to the running server (docs/replies.md);
nothing but a DEBUG server takes that public token."""

import importlib
import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings
from twilio.request_validator import RequestValidator

from notifications.models import IncomingMessage
from rsvp.models import MessageKind, OutboxMessage, RsvpStatus
from tests.notifications.helpers import a_date, rsvp_on

DEV_TOKEN = settings.TWILIO_DEV_AUTH_TOKEN


def try_reply(*args):
    out = io.StringIO()
    call_command("try_sms_reply", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_a_reply_tried_locally_is_answered_as_twilios_would_be(site_tree, live_server):
    rsvp = rsvp_on(a_date(title="Soccer"), language="fr", phone="+15145550123")
    with override_settings(DEBUG=True, TWILIO_AUTH_TOKEN=DEV_TOKEN, BASE_URL=live_server.url):
        out = try_reply("+1 514 555 0123", "ANNULER")
    rsvp.refresh_from_db()
    assert rsvp.status == RsvpStatus.CANCELLED
    assert f"Sent to {live_server.url}/sms/twilio/incoming/" in out
    assert "Votre inscription est annulée" in out and "Soccer" in out
    incoming = IncomingMessage.objects.get()
    assert incoming.phone == "+15145550123" and incoming.answer in out
    # The answer goes through the outbox, like any other.
    assert OutboxMessage.objects.filter(kind=MessageKind.REPLY, reply_to=incoming).exists()


@pytest.mark.django_db(transaction=True)
def test_a_whatsapp_reply_can_be_tried_too(site_tree, live_server):
    rsvp = rsvp_on(a_date(), language="es", phone="+525512345678", reminder="whatsapp")
    with override_settings(DEBUG=True, TWILIO_AUTH_TOKEN=DEV_TOKEN, BASE_URL=live_server.url):
        out = try_reply("--whatsapp", "+5215512345678", "CANCELAR")
    rsvp.refresh_from_db()
    assert rsvp.status == RsvpStatus.CANCELLED
    assert "whatsapp:+5215512345678" in out and "Su inscripción está cancelada" in out


@pytest.mark.django_db
def test_it_talks_only_to_a_development_server(site_tree):
    with override_settings(DEBUG=False, TWILIO_AUTH_TOKEN=DEV_TOKEN):
        with pytest.raises(CommandError, match="DEBUG"):
            try_reply("+15145550123", "ANNULER")
    with override_settings(DEBUG=True, TWILIO_AUTH_TOKEN=""):
        with pytest.raises(CommandError, match="TWILIO_AUTH_TOKEN"):
            try_reply("+15145550123", "ANNULER")
    assert not IncomingMessage.objects.exists()


def test_nothing_listening_is_said_plainly(settings):
    settings.DEBUG, settings.TWILIO_AUTH_TOKEN = True, DEV_TOKEN
    settings.BASE_URL = "http://127.0.0.1:9"  # the discard port: nothing answers there
    with pytest.raises(CommandError, match="start `make run` first"):
        try_reply("+15145550123", "ANNULER")


def dev_signed_post(client, data):
    url = "http://testserver/sms/twilio/incoming/"
    signature = RequestValidator(DEV_TOKEN).compute_signature(url, data)
    return client.post("/sms/twilio/incoming/", data, HTTP_X_TWILIO_SIGNATURE=signature)


@pytest.mark.django_db
@pytest.mark.parametrize("debug, status", [(True, 200), (False, 403)])
def test_only_a_debug_server_takes_the_development_token(site_tree, client, debug, status):
    rsvp = rsvp_on(a_date(), phone="+15145550123")
    data = {"MessageSid": "SM" + "7" * 32, "From": rsvp.phone, "Body": "ANNULER"}
    with override_settings(DEBUG=debug, TWILIO_AUTH_TOKEN=DEV_TOKEN):
        assert dev_signed_post(client, data).status_code == status
    rsvp.refresh_from_db()
    assert (rsvp.status == RsvpStatus.CANCELLED) is debug


def test_the_development_settings_sign_with_the_development_token(monkeypatch):
    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    dev = importlib.reload(importlib.import_module("config.settings.dev"))
    assert dev.TWILIO_AUTH_TOKEN == DEV_TOKEN
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "a-real-one")
    dev = importlib.reload(dev)
    assert dev.TWILIO_AUTH_TOKEN == "a-real-one"
