"""Every kind renders in every language; SMS texts stay within two segments."""

import datetime as dt

import pytest
from django.utils import timezone

from events.models import EventDate, MessageKind, OutboxMessage, PickupPoint
from events.models.outbox import SUBSCRIPTION_KINDS
from events.notifications.render import render
from events.services.translations import translate
from events.sms.segments import analyse
from tests.factories import EventFactory
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db

KINDS = [
    k for k in MessageKind if k != MessageKind.ORGANIZER_MESSAGE and k not in SUBSCRIPTION_KINDS
]
LONG_PLACE = "Centre communautaire Saint-Jean-Baptiste-de-Sainte-Pétronille-de-l'Île-d'Orléans"
LONG_TITLE = "Excursión guiada al Parque Nacional de la Jacques-Cartier con almuerzo campestre"


def make(site_tree, language, channel="email", long=False):
    event = EventFactory(
        title=LONG_TITLE if long else "Sortie au parc",
        place_name=LONG_PLACE if long else "Parc de la Gorge",
        transport_provided=True,
    )
    point = PickupPoint(
        event=event,
        name=LONG_PLACE if long else "Église Sainte-Edwidge",
        time=dt.time(9, 45),
        notes="Frente al estacionamiento de la iglesia, al lado del dépanneur" if long else "",
    )
    point.save()
    if language != "fr":
        translate(event.get_parent().specific, language, {})
        translate(event, language, {})
    date = EventDate.objects.for_event(event).get()
    rsvp = ask(
        date,
        email="ana@example.org",
        reminder=channel,
        language=language,
        needs_transport=True,
        pickup_key=point.translation_key,
    ).rsvp
    return rsvp


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_every_kind_renders_in_every_language(site_tree, language):
    rsvp = make(site_tree, language)
    for kind in KINDS:
        for channel in ("email", "sms"):
            message = OutboxMessage(rsvp=rsvp, kind=kind, channel=channel, due_at=timezone.now())
            rendered = render(message)
            assert rendered.text.strip()
            assert "{" not in rendered.text and "&amp;" not in rendered.text
            if channel == "email":
                assert "/rappels/arret/" in rendered.text or "/stop" in rendered.text
                assert rendered.html.startswith("<!DOCTYPE html>")
                assert rendered.subject
            else:
                assert analyse(rendered.text).segments <= 2, rendered.text
            if kind in (MessageKind.REMINDER_DAY_BEFORE, MessageKind.REMINDER_HOURS_BEFORE):
                assert "Edwidge" in rendered.text  # the pickup place
                assert ("9 h 45" if language == "fr" else "9:45") in rendered.text


def test_reminder_language_words(site_tree):
    texts = {}
    for language in ("fr", "es", "en"):
        rsvp = make(site_tree, language)
        message = OutboxMessage(rsvp=rsvp, kind=MessageKind.REMINDER_DAY_BEFORE, channel="sms")
        texts[language] = render(message).text
    assert "samedi" in texts["fr"] and "Rappel" in texts["fr"]
    assert "sábado" in texts["es"] and "Recordatorio" in texts["es"]
    assert "Saturday" in texts["en"] and "Reminder" in texts["en"]


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_longest_sms_fit_two_segments(site_tree, language):
    rsvp = make(site_tree, language, channel="sms", long=True)
    for kind in KINDS:
        message = OutboxMessage(rsvp=rsvp, kind=kind, channel="sms")
        text = render(message).text
        info = analyse(text)
        assert info.segments <= 2, (kind, info, text)
        assert "9" in text or kind in ("waitlisted", "date_cancelled")


def test_confirmation_email_attaches_calendar(site_tree):
    rsvp = make(site_tree, "es")
    rendered = render(OutboxMessage(rsvp=rsvp, kind=MessageKind.CONFIRMED, channel="email"))
    assert rendered.ics.startswith(b"BEGIN:VCALENDAR")
    assert rendered.ics_name.endswith(".ics")
