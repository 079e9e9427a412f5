"""Every kind renders in every language; SMS texts stay within two segments."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.tokens import new_token
from core.translations import translate
from events.models import EventDate, EventPage, PickupPoint
from notifications.services.render import render
from notifications.sms.segments import analyse
from rsvp.models import MessageKind, OutboxMessage
from rsvp.models.outbox import SUBSCRIPTION_KINDS
from rsvp.services.outbox import WITH_LINK
from tests.factories import EventFactory
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db

KINDS = [
    k
    for k in MessageKind
    if k not in (MessageKind.ORGANIZER_MESSAGE, MessageKind.REPLY) and k not in SUBSCRIPTION_KINDS
]
LONG_PLACE = "Centre communautaire Saint-Jean-Baptiste-de-Sainte-Pétronille-de-l'Île-d'Orléans"
LONG_TITLE = "Excursión guiada al Parque Nacional de la Jacques-Cartier con almuerzo campestre"
# The pickup at 9:45 as each language writes it.
PICKUP_TIME = {"fr": "9 h 45", "es": "09:45", "en": "9:45 AM"}
# The kinds whose SMS carries the person's pickup, and how many segments they may take:
# a confirmation with the private link may take a third rather than lose the pickup.
WITH_PICKUP = {
    MessageKind.CONFIRMED: 3,
    MessageKind.PROMOTED: 2,
    MessageKind.REMINDER_DAY_BEFORE: 2,
    MessageKind.REMINDER_HOURS_BEFORE: 2,
    MessageKind.DATE_MOVED: 2,
}


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


def rendered(rsvp, kind, channel):
    """Render as the sender does: kinds that carry the link get a fresh token."""
    token = new_token()[0] if kind in WITH_LINK else None
    message = OutboxMessage(rsvp=rsvp, kind=kind, channel=channel, due_at=timezone.now())
    return render(message, manage_token=token), token


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_every_kind_renders_in_every_language(site_tree, language):
    rsvp = make(site_tree, language)
    for kind in KINDS:
        for channel in ("email", "sms"):
            result, token = rendered(rsvp, kind, channel)
            assert result.text.strip()
            assert "{" not in result.text and "&amp;" not in result.text
            if channel == "email":
                assert "/rappels/arret/" in result.text or "/stop" in result.text
                assert result.html.startswith("<!DOCTYPE html>")
                assert result.subject
            else:
                assert analyse(result.text).segments <= WITH_PICKUP.get(kind, 2), result.text
            if kind in WITH_LINK:
                link = f"http://testserver/{language}/inscription/gerer/{token}/"
                assert link in result.text, (kind, channel, result.text)
                if channel == "email":
                    assert f'href="{link}"' in result.html
            else:
                assert "/inscription/gerer/" not in result.text + result.html
            if kind in (MessageKind.REMINDER_DAY_BEFORE, MessageKind.REMINDER_HOURS_BEFORE):
                assert "Edwidge" in result.text  # the pickup place
                assert ("9 h 45" if language == "fr" else "9:45") in result.text


def test_the_link_is_a_parameter_never_made_up(site_tree):
    rsvp = make(site_tree, "fr")
    for kind in WITH_LINK:
        with pytest.raises(ValueError):
            render(OutboxMessage(rsvp=rsvp, kind=kind, channel="sms"))


def test_reminder_language_words(site_tree):
    texts = {}
    for language in ("fr", "es", "en"):
        rsvp = make(site_tree, language)
        message = OutboxMessage(rsvp=rsvp, kind=MessageKind.REMINDER_DAY_BEFORE, channel="sms")
        texts[language] = render(message).text
    assert "samedi" in texts["fr"] and "Rappel" in texts["fr"]
    assert "sábado" in texts["es"] and "Recordatorio" in texts["es"]
    assert "Saturday" in texts["en"] and "Reminder" in texts["en"]


def test_link_messages_in_each_language(known_week, site_tree):
    # A Spanish Saturday ("sábado") is UCS-2: 134 characters for two SMS, the link
    # takes ~70 of them, so the brief wording goes and the title gives way.
    words = {
        MessageKind.CONFIRMED: {
            "fr": "Inscription confirmée",
            "es": "Inscrito",
            "en": "You are registered",
        },
        MessageKind.MANAGE_LINK: {
            "fr": "n'a pas changé",
            "es": "Su registro",
            "en": "has not changed",
        },
    }
    for language in ("fr", "es", "en"):
        rsvp = make(site_tree, language)
        for kind, expected in words.items():
            sms, _token = rendered(rsvp, kind, "sms")
            assert expected[language] in sms.text, sms.text
            assert "Sortie au parc" in sms.text, ("a short title stays", sms.text)
        email, _token = rendered(rsvp, MessageKind.MANAGE_LINK, "email")
        assert {"fr": "vous seulement", "es": "solo se le envía", "en": "only you"}[
            language
        ] in email.text
        assert "Sortie au parc" in email.subject


# Addresses as long as a real site's, and the longest day and month names
# ("miércoles 30 de septiembre"): the link (never cut) plus the text fit in two SMS.
BASE_URLS = [
    "http://testserver",
    "https://ensemble.example.org",
    "https://activites-tet.example.quebec",
]


@pytest.mark.parametrize("base_url", BASE_URLS)
@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_longest_sms_fit_two_segments(site_tree, language, base_url, settings):
    settings.BASE_URL = base_url
    rsvp = make(site_tree, language, channel="sms", long=True)
    saturday = rsvp.date.start
    # The same wall-clock time (a clock change between would move the pickup too).
    local_start = saturday.astimezone(ZoneInfo("America/Toronto"))
    wednesday = local_start.replace(year=2037, month=9, day=30)
    for start in (saturday, wednesday):
        EventDate.objects.filter(pk=rsvp.date_id).update(
            start=start, end=start + dt.timedelta(hours=3)
        )
        rsvp.refresh_from_db()
        for kind in KINDS:
            result, token = rendered(rsvp, kind, "sms")
            info = analyse(result.text)
            assert info.segments <= WITH_PICKUP.get(kind, 2), (kind, info, result.text)
            if kind in WITH_LINK:
                link = f"{base_url}/{language}/inscription/gerer/{token}/"
                assert link in result.text, (kind, result.text)
            if kind in WITH_PICKUP:
                # Where and when the van leaves, however short the rest gets.
                assert PICKUP_TIME[language] in result.text, (kind, result.text)
                assert "Centre" in result.text, (kind, result.text)
            # A part left out leaves no stray comma behind.
            assert ", ." not in result.text and " ." not in result.text, (kind, result.text)


@pytest.mark.parametrize("base_url", BASE_URLS)
@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_the_confirmation_sms_gives_the_pickup_time_and_place(
    known_week, site_tree, language, base_url, settings
):
    settings.BASE_URL = base_url
    rsvp = make(site_tree, language, channel="sms")
    for kind in (MessageKind.CONFIRMED, MessageKind.PROMOTED):
        result, token = rendered(rsvp, kind, "sms")
        assert PICKUP_TIME[language] in result.text, (kind, result.text)
        assert "Église Sainte-Edwidge" in result.text, (kind, result.text)
        assert "Sortie au parc" in result.text, (kind, result.text)
        assert analyse(result.text).segments <= WITH_PICKUP[kind], (kind, result.text)
        if kind in WITH_LINK:
            assert f"{base_url}/{language}/inscription/gerer/{token}/" in result.text


def test_a_confirmation_without_a_ride_stays_within_two_segments(known_week, site_tree):
    rsvp = make(site_tree, "es", channel="sms", long=True)
    rsvp.needs_transport, rsvp.pickup_key = False, None
    result, _token = rendered(rsvp, MessageKind.CONFIRMED, "sms")
    assert analyse(result.text).segments <= 2, result.text


def test_a_french_sms_cut_short_stays_in_gsm7(known_week, site_tree):
    # "…" is outside GSM-7: cutting a title with it would switch the whole SMS to
    # UCS-2 (67 characters a segment instead of 153) and make it longer, not shorter.
    rsvp = make(site_tree, "fr", channel="sms")
    EventPage.objects.filter(pk=rsvp.date.event_id).update(
        title="Excursion guidee au Parc national de la Jacques-Cartier avec diner champetre"
    )
    for kind in (MessageKind.CONFIRMED, MessageKind.REMINDER_DAY_BEFORE):
        result, _token = rendered(rsvp, kind, "sms")
        assert "Excursion guid" in result.text, result.text
        assert analyse(result.text).encoding == "GSM-7", result.text


def test_confirmation_email_attaches_calendar(site_tree):
    rsvp = make(site_tree, "es")
    result, _token = rendered(rsvp, MessageKind.CONFIRMED, "email")
    assert result.ics.startswith(b"BEGIN:VCALENDAR")
    assert result.ics_name.endswith(".ics")


def test_a_french_date_in_august_turns_the_sms_to_ucs2_and_it_still_fits(site_tree, time_machine):
    # "août" is outside GSM-7: the long wording ("samedi 7 août") would make the
    # whole SMS UCS-2 (67 characters a segment), so the brief one goes, title kept.
    time_machine.move_to(dt.datetime(2027, 7, 29, 15, 0, tzinfo=dt.UTC), tick=True)
    rsvp = make(site_tree, "fr")
    assert rsvp.date.start.month == 8
    for kind in (MessageKind.CONFIRMED, MessageKind.MANAGE_LINK):
        sms, _token = rendered(rsvp, kind, "sms")
        assert analyse(sms.text).segments <= 2, sms.text
        assert "Sortie au parc" in sms.text
