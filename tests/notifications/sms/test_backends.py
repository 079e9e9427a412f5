import io
import json
import logging

import pytest
from django.test import RequestFactory, override_settings
from twilio.http import HttpClient
from twilio.http.response import Response
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from notifications import sms
from notifications.sms import SmsMessage, SmsSendError, get_backend, send_sms
from notifications.sms.backends import console, filebased, twilio
from notifications.sms.webhooks import twilio_signature_is_valid

MESSAGE = SmsMessage(to="+18195550199", body="Rappel : soccer samedi", reference="outbox-1")


def test_locmem_backend_keeps_messages_for_tests():
    sms.outbox = []
    sent = send_sms("+18195550199", "Hola", reference="outbox-2")
    assert sent.provider_id.startswith("local-")
    assert [(m.to, m.body) for m in sms.outbox] == [("+18195550199", "Hola")]


def test_console_backend_prints_the_message():
    stream = io.StringIO()
    console.SmsBackend(stream=stream).send(MESSAGE)
    assert "+18195550199" in stream.getvalue() and "soccer samedi" in stream.getvalue()


def test_file_backend_appends_json_lines(tmp_path):
    path = tmp_path / "sms.jsonl"
    backend = filebased.SmsBackend(file_path=path)
    backend.send(MESSAGE)
    backend.send(MESSAGE)
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["body"] for line in lines] == [MESSAGE.body] * 2
    assert lines[0]["id"] != lines[1]["id"]


class FakeTwilioHttp(HttpClient):
    """Answers Twilio's REST calls locally; the twilio library does the rest."""

    def __init__(self, status, payload):
        super().__init__(logger=logging.getLogger("twilio.fake"), is_async=False)
        self.status, self.payload, self.requests = status, payload, []

    def request(self, method, url, params=None, data=None, headers=None, auth=None, **kwargs):
        self.requests.append((method, url, data))
        return Response(self.status, json.dumps(self.payload))


def twilio_backend(status, payload):
    http = FakeTwilioHttp(status, payload)
    client = Client("AC" + "0" * 32, "token", http_client=http)
    return twilio.SmsBackend(client=client, from_number="+15145550100"), http


def test_twilio_backend_sends_through_the_messages_api():
    backend, http = twilio_backend(201, {"sid": "SM123", "status": "queued"})
    sent = backend.send(MESSAGE)
    assert (sent.provider_id, sent.status) == ("SM123", "queued")
    method, url, data = http.requests[0]
    assert method == "POST" and url.endswith("/Messages.json")
    assert data["To"] == "+18195550199" and data["From"] == "+15145550100"


@pytest.mark.parametrize("code, permanent", [(21610, True), (20429, False)])
def test_twilio_errors_become_send_errors(code, permanent):
    backend, _http = twilio_backend(400, {"code": code, "message": "refused", "status": 400})
    with pytest.raises(SmsSendError) as error:
        backend.send(MESSAGE)
    assert error.value.code == str(code)
    assert error.value.permanent is permanent


@override_settings(TWILIO_AUTH_TOKEN="secret-token")
def test_twilio_signature_check():
    url = "https://ensemble.example/webhooks/twilio/status/"
    params = {"MessageSid": "SM123", "MessageStatus": "delivered"}
    good = RequestValidator("secret-token").compute_signature(url, params)
    factory = RequestFactory()
    request = factory.post(url, params, HTTP_X_TWILIO_SIGNATURE=good)
    assert twilio_signature_is_valid(request, url)
    forged = factory.post(url, params, HTTP_X_TWILIO_SIGNATURE="bad")
    assert not twilio_signature_is_valid(forged, url)
    tampered = factory.post(
        url, {**params, "MessageStatus": "failed"}, HTTP_X_TWILIO_SIGNATURE=good
    )
    assert not twilio_signature_is_valid(tampered, url)


def test_backend_is_chosen_by_settings():
    assert type(get_backend()).__module__ == "notifications.sms.backends.locmem"
