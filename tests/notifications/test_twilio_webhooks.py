"""Twilio webhooks: signed status reports and STOP replies; bad signatures change nothing."""

import pytest
from django.test import override_settings
from twilio.request_validator import RequestValidator

from notifications import dispatcher, sms
from notifications.services.sms_replies import keyword
from rsvp.models import MessageStatus, SmsOptOut
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("twilio_token")]
TOKEN = "test-auth-token"


@pytest.fixture
def twilio_token():
    with override_settings(TWILIO_AUTH_TOKEN=TOKEN):
        yield


def post(client, path, data, valid=True):
    url = "http://testserver" + path
    signature = RequestValidator(TOKEN).compute_signature(url, data)
    if not valid:
        signature = signature[:-4] + "AAAA"
    return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


def sent_confirmation(site_tree):
    rsvp = rsvp_on(a_date())
    dispatcher.dispatch(now=past_quiet_hours())
    return rsvp, rsvp.messages.get(kind="confirmed")


def test_status_delivered_and_repeated(site_tree, client):
    _rsvp, row = sent_confirmation(site_tree)
    data = {"MessageSid": row.provider_message_id, "MessageStatus": "delivered"}
    for _ in range(2):  # a repeated delivery is harmless
        assert post(client, "/sms/twilio/status/", data).status_code == 204
        row.refresh_from_db()
        assert row.status == MessageStatus.DELIVERED


def test_status_undelivered_records_failure(site_tree, client):
    _rsvp, row = sent_confirmation(site_tree)
    data = {
        "MessageSid": row.provider_message_id,
        "MessageStatus": "undelivered",
        "ErrorCode": "30005",
    }
    post(client, "/sms/twilio/status/", data)
    row.refresh_from_db()
    assert (row.status, row.last_error) == (MessageStatus.FAILED, "Twilio 30005")


def test_bad_signature_is_refused_and_changes_nothing(site_tree, client):
    rsvp, row = sent_confirmation(site_tree)
    data = {"MessageSid": row.provider_message_id, "MessageStatus": "delivered"}
    assert post(client, "/sms/twilio/status/", data, valid=False).status_code == 403
    reply = {"From": rsvp.phone, "Body": "STOP"}
    assert post(client, "/sms/twilio/incoming/", reply, valid=False).status_code == 403
    row.refresh_from_db()
    assert row.status == MessageStatus.SENT
    assert not SmsOptOut.objects.exists()


@pytest.mark.parametrize("body", ["STOP", "Arrêt", "arret", " alto ", "ALTO!", "Stop."])
def test_stop_replies_stop_every_sms(site_tree, client, body):
    rsvp, _row = sent_confirmation(site_tree)
    response = post(client, "/sms/twilio/incoming/", {"From": rsvp.phone, "Body": body})
    assert response.status_code == 200
    assert SmsOptOut.objects.filter(phone=rsvp.phone).exists()
    assert not rsvp.messages.filter(status=MessageStatus.PENDING).exists()
    # A new registration from the same number gets no SMS either.
    sms.outbox = []
    other = rsvp_on(a_date(), phone=rsvp.phone, email="")
    assert not other.messages.filter(channel="sms").exists()


def test_ordinary_reply_changes_nothing(site_tree, client):
    rsvp, _row = sent_confirmation(site_tree)
    post(client, "/sms/twilio/incoming/", {"From": rsvp.phone, "Body": "stop the van at 9?"})
    assert not SmsOptOut.objects.exists()


def test_keywords():
    assert keyword("ARRÊT") == "arret"
    assert keyword("Alto.") == "alto"
    assert keyword("hola alto") == ""


def test_anymail_tracking_marks_email_bounced_then_ignores_repeats(site_tree, client):
    from anymail.signals import AnymailTrackingEvent, tracking

    rsvp = rsvp_on(a_date(), reminder="email")
    dispatcher.dispatch(now=past_quiet_hours())
    row = rsvp.messages.get(kind="confirmed")
    row.provider_message_id = "esp-123"  # Django's locmem backend gives no id
    row.save()
    event = AnymailTrackingEvent(
        event_type="bounced", message_id="esp-123", reject_reason="bounced"
    )
    for _ in range(2):
        tracking.send(sender=object, event=event, esp_name="Test")
    row.refresh_from_db()
    assert (row.status, row.last_error) == (MessageStatus.BOUNCED, "bounced bounced")
