"""Production logs: JSON lines, and never a registration's phone or e-mail."""

import copy
import io
import json
import logging
import logging.config

import pytest
from django.conf import settings

from config.logs import redact
from events.models import EventDate
from notifications import sms
from notifications.sms.backends.locmem import SmsBackend as MemorySms
from rsvp.models import Rsvp
from tests.factories import EventFactory
from tests.rsvp.test_rsvp_pages import form_data, rsvp_url

PHONE_TYPED = "819 555-0142"
PHONE = "+18195550142"
EMAIL = "ana.lopez@example.org"


def production_logging():
    import importlib

    return importlib.import_module("config.settings.production").LOGGING


@pytest.fixture
def log_output(monkeypatch):
    """Every logger at DEBUG through the production handler, into a string."""
    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    config = copy.deepcopy(production_logging())
    config["root"]["level"] = "DEBUG"
    logging.config.dictConfig(config)
    stream = io.StringIO()
    handler = logging.getLogger().handlers[0]
    handler.setStream(stream)
    yield stream
    logging.config.dictConfig(settings.LOGGING)


class FailingSms(MemorySms):
    """A provider error that quotes the number, as Twilio's do."""

    def send(self, message):
        raise RuntimeError(f"The 'To' number {message.to} is not a valid phone number.")


@pytest.mark.parametrize("text", [PHONE, PHONE_TYPED, "(819) 555.0142", "1-819-555-0142", EMAIL])
def test_contacts_are_masked(text):
    masked = redact(f"sent to {text} at 2026-12-05T10:30:00")
    assert text not in masked
    assert "0142" in masked or "@example.org" in masked
    assert "2026-12-05T10:30:00" in masked


def test_a_registration_leaves_no_contact_in_the_logs(site_tree, client, log_output, settings):
    settings.SMS_BACKEND = "tests.deploy.test_logs.FailingSms"
    sms.outbox = []
    event = EventFactory(capacity=4)
    event.save_revision().publish()
    date = EventDate.objects.for_event(event).get()
    logging.getLogger("ensemble.test").warning("quoted by a library: %s, %s", PHONE, EMAIL)
    response = client.post(
        rsvp_url(event), form_data(date, phone=PHONE_TYPED, email=EMAIL, reminder="sms")
    )
    assert response.status_code == 200
    assert Rsvp.objects.filter(phone=PHONE).exists()
    from tests.rsvp_helpers import send_due

    send_due()
    # A bad form is logged by nobody, but its answer goes through the same views.
    client.post(rsvp_url(event), form_data(date, phone=PHONE_TYPED, email=EMAIL, party_size=99))

    output = log_output.getvalue()
    lines = [json.loads(line) for line in output.splitlines()]
    assert any(line["message"].startswith("outbox message") for line in lines), output
    assert any("quoted by a library" in line["message"] for line in lines)
    for contact in (PHONE, PHONE_TYPED, "8195550142", EMAIL, "ana.lopez"):
        assert contact not in output
