"""Posting signed Twilio webhooks, as Twilio does, and reading what was answered."""

import itertools

from django.test import override_settings
from twilio.request_validator import RequestValidator

from notifications import dispatcher, sms
from rsvp.models import MessageKind, OutboxMessage
from tests.notifications.helpers import past_quiet_hours

TOKEN = "test-auth-token"
_sids = itertools.count(1)


def signed_post(client, path, data, valid=True):
    url = "http://testserver" + path
    signature = RequestValidator(TOKEN).compute_signature(url, data)
    if not valid:
        signature = signature[:-4] + "AAAA"
    with override_settings(TWILIO_AUTH_TOKEN=TOKEN):
        return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


def text_in(client, sender, body, sid=None, valid=True):
    """A message `sender` sends to the organization's number; returns the response."""
    data = {"MessageSid": sid or f"SM{next(_sids):032d}", "From": sender, "Body": body}
    return signed_post(client, "/sms/twilio/incoming/", data, valid=valid)


def answers_to(phone, *, now=None):
    """Send what is due and return the answers (not the other messages) that went to
    `phone` by SMS, oldest first."""
    sms.outbox = []
    dispatcher.dispatch(now=now or past_quiet_hours())
    answers = OutboxMessage.objects.filter(kind=MessageKind.REPLY, reply_to__phone=phone)
    references = {f"outbox-{pk}" for pk in answers.values_list("pk", flat=True)}
    return [m.body for m in sms.outbox if m.to == phone and m.reference in references]
