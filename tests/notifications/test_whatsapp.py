"""WhatsApp as a reminder channel: the outbox sends through the WhatsApp backend, a
template outside the 24-hour window, delivery reports and STOP as for SMS."""

import io
import json

import pytest
from django.test import override_settings

from notifications import dispatcher, sms
from notifications.models import IncomingMessage
from notifications.sms.backends import whatsapp as backends
from notifications.sms.whatsapp import WhatsAppMessage
from rsvp.models import (
    MessageChannel,
    MessageKind,
    MessageStatus,
    OutboxMessage,
    SmsOptOut,
    WhatsAppOptOut,
)
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on
from tests.notifications.sms.test_backends import FakeTwilioHttp
from tests.notifications.twilio_posts import signed_post, text_in

pytestmark = pytest.mark.django_db
TEMPLATES = {"confirmed:es": "HX" + "1" * 32, "reminder_day_before": "HX" + "2" * 32}


@pytest.fixture(autouse=True)
def empty_outboxes():
    sms.outbox, sms.whatsapp_outbox = [], []


def on_whatsapp(**fields):
    return rsvp_on(a_date(title="Fútbol"), reminder="whatsapp", **fields)


def sent_on_whatsapp():
    dispatcher.dispatch(now=past_quiet_hours())
    return list(sms.whatsapp_outbox)


@override_settings(TWILIO_WHATSAPP_TEMPLATES=TEMPLATES)
def test_outside_the_window_the_confirmation_is_a_template(site_tree):
    rsvp = on_whatsapp(language="es")
    row = rsvp.messages.get(kind=MessageKind.CONFIRMED)
    assert row.channel == MessageChannel.WHATSAPP
    [message] = sent_on_whatsapp()
    assert message.to == rsvp.phone and message.content_sid == TEMPLATES["confirmed:es"]
    assert message.variables["1"] == "Fútbol"
    assert "/es/inscription/gerer/" in message.variables["4"]
    assert sms.outbox == []  # nothing by SMS
    row.refresh_from_db()
    assert row.status == MessageStatus.SENT


@override_settings(TWILIO_WHATSAPP_TEMPLATES=TEMPLATES)
def test_inside_the_window_free_text_goes(site_tree):
    rsvp = on_whatsapp(language="es")
    IncomingMessage.objects.create(
        message_sid="SM" + "5" * 32, phone=rsvp.phone, channel=MessageChannel.WHATSAPP
    )
    [message] = sent_on_whatsapp()
    assert message.content_sid == "" and "Fútbol" in message.body


def test_no_template_outside_the_window_fails_once_and_for_all(site_tree):
    rsvp = on_whatsapp(language="fr")
    sent_on_whatsapp()
    row = rsvp.messages.get(kind=MessageKind.CONFIRMED)
    assert (row.status, row.last_error) == (MessageStatus.FAILED, "SmsSendError no-template")


def test_the_rsvp_form_offers_whatsapp(site_tree, client):
    from rsvp.forms import RsvpForm

    assert "whatsapp" in dict(RsvpForm.base_fields["reminder"].choices)


def test_whatsapp_stop_opts_out_of_whatsapp_only(site_tree, client):
    rsvp = on_whatsapp()
    response = text_in(client, f"whatsapp:{rsvp.phone}", "STOP")
    assert response.status_code == 200
    assert WhatsAppOptOut.objects.filter(phone=rsvp.phone).exists()
    assert not SmsOptOut.objects.exists()
    assert not rsvp.messages.filter(status=MessageStatus.PENDING).exists()
    other = on_whatsapp(phone=rsvp.phone, email="")
    assert not other.messages.filter(channel=MessageChannel.WHATSAPP).exists()


def test_delivery_reports_cover_whatsapp_messages(site_tree, client):
    rsvp = on_whatsapp()
    with override_settings(TWILIO_WHATSAPP_TEMPLATES={"confirmed": "HX" + "3" * 32}):
        sent_on_whatsapp()
    row = rsvp.messages.get(kind=MessageKind.CONFIRMED)
    data = {"MessageSid": row.provider_message_id, "MessageStatus": "delivered"}
    assert signed_post(client, "/sms/twilio/status/", data).status_code == 204
    row.refresh_from_db()
    assert row.status == MessageStatus.DELIVERED


def test_a_whatsapp_reply_is_answered_on_whatsapp(site_tree, client):
    rsvp = on_whatsapp(language="es")
    text_in(client, f"whatsapp:{rsvp.phone}", "CANCELAR")
    rsvp.refresh_from_db()
    assert rsvp.status == "cancelled"
    answer = OutboxMessage.objects.get(kind=MessageKind.REPLY)
    assert answer.channel == MessageChannel.WHATSAPP
    sms.whatsapp_outbox = []
    dispatcher.dispatch(now=past_quiet_hours())
    [message] = sms.whatsapp_outbox
    # Within the window the person just opened: free text, no template.
    assert message.content_sid == "" and "Fútbol" in message.body


def test_a_mexican_reply_with_the_old_mobile_one_finds_its_registration(site_tree, client):
    # WhatsApp reports Mexican senders as +52 1 …, the number stored is without the 1.
    rsvp = on_whatsapp(language="es", phone="+525512345678")
    text_in(client, "whatsapp:+5215512345678", "CANCELAR")
    rsvp.refresh_from_db()
    assert rsvp.status == "cancelled"
    assert IncomingMessage.objects.get().phone == "+525512345678"


def twilio_backend(status, payload):
    from twilio.rest import Client

    http = FakeTwilioHttp(status, payload)
    client = Client("AC" + "0" * 32, "token", http_client=http)
    return backends.TwilioBackend(client=client, from_number="+15145550100"), http


def test_twilio_backend_sends_templates_from_the_whatsapp_sender():
    backend, http = twilio_backend(201, {"sid": "SM9", "status": "queued"})
    message = WhatsAppMessage(
        to="+18195550199", body="Rappel", content_sid="HX1", variables={"1": "Fútbol"}
    )
    assert backend.send(message).provider_id == "SM9"
    method, url, data = http.requests[0]
    assert method == "POST" and url.endswith("/Messages.json")
    assert (data["To"], data["From"]) == ("whatsapp:+18195550199", "whatsapp:+15145550100")
    assert data["ContentSid"] == "HX1" and json.loads(data["ContentVariables"]) == {"1": "Fútbol"}
    assert "Body" not in data


def test_twilio_backend_sends_free_text_in_the_window():
    backend, http = twilio_backend(201, {"sid": "SM8", "status": "queued"})
    backend.send(WhatsAppMessage(to="+18195550199", body="Hola"))
    _method, _url, data = http.requests[0]
    assert data["Body"] == "Hola" and "ContentSid" not in data


def test_a_refused_free_text_is_permanent():
    backend, _http = twilio_backend(400, {"code": 63016, "message": "window", "status": 400})
    with pytest.raises(sms.SmsSendError) as error:
        backend.send(WhatsAppMessage(to="+18195550199", body="Hola"))
    assert error.value.permanent


def test_console_backend_prints_template_and_text():
    stream = io.StringIO()
    backends.ConsoleBackend(stream=stream).send(
        WhatsAppMessage(to="+18195550199", body="Hola", content_sid="HX1", variables={"1": "a"})
    )
    printed = stream.getvalue()
    assert "WhatsApp to +18195550199" in printed and "HX1" in printed and "Hola" in printed
