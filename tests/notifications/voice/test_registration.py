"""Registering by keypad on the voice line: through the seat service, with its rules,
waiting list and confirmation SMS carrying the private link (docs/voice.md)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import VoiceCall
from notifications.services import voice_calls
from rsvp.models import (
    MessageChannel,
    MessageKind,
    MessageStatus,
    OutboxMessage,
    Rsvp,
    RsvpSource,
    RsvpStatus,
)
from tests.factories import staff_of
from tests.notifications.helpers import a_date, rsvp_on
from tests.notifications.twilio_posts import text_in
from tests.notifications.voice.calls import Call
from tests.notifications.voice.conftest import in_days
from tests.rsvp_helpers import follow_link, links_sent_to, send_due

pytestmark = pytest.mark.django_db
CALLER = "+18195550123"


def to_soccer(client, caller=CALLER, language_key="1"):
    """A call that reached the first Estrie activity (Soccer)."""
    call = Call(client, caller)
    call.start()
    call.press(language_key)
    call.press("1")
    return call


def test_registering_takes_a_seat_and_texts_the_private_link(week, client):
    call = to_soccer(client)
    call.press("1")
    assert call.said() == [
        "C'est fait : votre inscription est enregistrée.",
        "Vous allez recevoir un texto avec votre lien pour annuler ou modifier votre inscription.",
        "Pour une autre activité, faites le 9. Sinon, vous pouvez raccrocher.",
        "Merci de votre appel. Au revoir.",
    ]
    rsvp = Rsvp.objects.get()
    assert rsvp.date == week["soccer"]
    assert (rsvp.status, rsvp.phone, rsvp.party_size) == (RsvpStatus.CONFIRMED, CALLER, 1)
    assert (rsvp.source, rsvp.first_name, rsvp.language) == (RsvpSource.PHONE, "", "fr")
    row = OutboxMessage.objects.get(rsvp=rsvp, kind=MessageKind.CONFIRMED)
    assert row.channel == MessageChannel.SMS
    send_due()
    assert len(links_sent_to(CALLER)) == 1
    # 9 goes on to the next activity.
    call.press("9")
    assert call.said()[0] == "Activité 2 sur 2."


def test_the_link_texted_after_a_call_opens_the_registration(week, client):
    to_soccer(client, language_key="2").press("1")
    token, page = follow_link(client, CALLER)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Soccer" in html
    # No name was given: the page shows the party size alone, not " — 1".
    assert "<dd>1</dd>" in html and "<dd> — 1</dd>" not in html


def test_the_language_of_the_call_is_the_registrations(week, client):
    call = to_soccer(client, language_key="2")
    call.press("1")
    assert call.said()[0] == "Listo: su inscripción quedó registrada."
    assert Rsvp.objects.get().language == "es"


def test_registered_at_night_the_confirmation_goes_at_once(site_tree, client, time_machine):
    night = dt.datetime.combine(in_days(0), dt.time(23, 15), tzinfo=ZoneInfo("America/Toronto"))
    time_machine.move_to(night, tick=False)
    a_date(title="Soccer", first_date=in_days(2))
    to_soccer(client).press("1")
    row = OutboxMessage.objects.get(kind=MessageKind.CONFIRMED)
    assert row.due_at == timezone.now()


def test_a_full_date_puts_the_caller_on_the_waiting_list(week, client):
    week["soccer"].capacity = 1
    week["soccer"].save()
    rsvp_on(week["soccer"])
    call = to_soccer(client)
    assert "C'est complet, mais vous pouvez vous inscrire sur la liste d'attente." in call.said()
    call.press("1")
    assert call.said()[0] == (
        "C'est complet : vous êtes sur la liste d'attente. Si une place se libère, "
        "nous vous le dirons."
    )
    rsvp = Rsvp.objects.get(phone=CALLER)
    assert rsvp.status == RsvpStatus.WAITLISTED
    assert OutboxMessage.objects.filter(rsvp=rsvp, kind=MessageKind.WAITLISTED).exists()


def test_a_full_date_without_waiting_list_says_so_and_registers_nobody(week, client):
    week["soccer"].capacity = 1
    week["soccer"].save()
    event = week["soccer"].event
    event.waitlist_allowed = False
    event.save_revision().publish()
    rsvp_on(week["soccer"])
    call = to_soccer(client)
    assert "C'est complet." in call.said()
    assert "Pour vous inscrire, faites le 1." not in call.said()
    call.press("1")  # pressed anyway: the seat service says no
    assert call.said()[:2] == ["Cette date est complète.", "Activité 1 sur 2."]
    assert not Rsvp.objects.filter(phone=CALLER).exists()


def test_a_number_that_replied_stop_can_still_call_and_register(week, client):
    text_in(client, CALLER, "STOP")
    call = to_soccer(client)
    call.press("1")
    assert call.said()[:2] == [
        "C'est fait : votre inscription est enregistrée.",
        "Ce numéro a demandé de ne plus recevoir nos textos : nous ne pouvons pas envoyer "
        "de confirmation. Pour annuler, appelez l'organisme.",
    ]
    rsvp = Rsvp.objects.get(phone=CALLER)
    assert rsvp.status == RsvpStatus.CONFIRMED
    assert not OutboxMessage.objects.filter(rsvp=rsvp, channel=MessageChannel.SMS).exists()
    send_due()
    assert links_sent_to(CALLER) == []


def test_calling_again_for_the_same_date_changes_nothing_and_sends_the_link_again(week, client):
    to_soccer(client).press("1")
    send_due()
    first = Rsvp.objects.get()
    again = to_soccer(client)
    again.press("1")
    # Said as to a new caller: a faked caller number learns nothing.
    assert again.said()[0] == "C'est fait : votre inscription est enregistrée."
    assert Rsvp.objects.get() == first
    assert Rsvp.objects.get().source == RsvpSource.PHONE
    link = OutboxMessage.objects.get(rsvp=first, kind=MessageKind.MANAGE_LINK)
    assert link.status == MessageStatus.PENDING
    send_due()
    assert len(links_sent_to(CALLER)) == 2


def test_an_already_registered_number_is_told_what_a_new_caller_would_be(week, client):
    to_soccer(client).press("1")
    week["soccer"].capacity = 1
    week["soccer"].save()
    again = to_soccer(client)
    again.press("1")
    assert again.said()[0].startswith("C'est complet : vous êtes sur la liste d'attente.")
    assert Rsvp.objects.get().status == RsvpStatus.CONFIRMED


@pytest.mark.parametrize("hidden", ["anonymous", "+266696687", "Restricted", "", "12"])
def test_a_hidden_number_can_listen_but_not_register(week, client, hidden):
    call = to_soccer(client, caller=hidden)
    assert call.said()[0] == "Activité 1 sur 2."
    call.press("1")
    assert call.said()[0] == (
        "Votre numéro est masqué : nous ne pouvons pas vous inscrire. Rappelez sans masquer "
        "votre numéro, ou inscrivez-vous sur le site Web."
    )
    assert call.said()[1] == "Activité 1 sur 2."
    assert not Rsvp.objects.exists()
    assert VoiceCall.objects.get().caller_key == ""


def test_one_number_gets_a_bounded_number_of_calls_an_hour(week, client):
    for _ in range(voice_calls.CALLS_PER_HOUR):
        call = Call(client, CALLER)
        call.start()
        assert not call.hung_up
    call = Call(client, CALLER)
    call.start()
    assert call.hung_up and call.twiml.find("Gather") is None
    assert call.said()[0] == (
        "Ce numéro a appelé plusieurs fois. Rappelez dans une heure, s'il vous plaît."
    )
    # Twilio asking again for the same call does not count it twice.
    first = Call(client, "+18195550124")
    first.start()
    first.start()
    assert VoiceCall.objects.filter(call_sid=first.sid).count() == 1
    other = Call(client, "+18195550125")
    other.start()
    assert not other.hung_up


def test_one_number_gets_a_bounded_number_of_registrations_an_hour(site_tree, client):
    for day in range(1, voice_calls.REGISTRATIONS_PER_HOUR + 2):
        a_date(title=f"Activité {day}", first_date=in_days(day % 7 or 1))
    call = to_soccer(client)
    for _ in range(voice_calls.REGISTRATIONS_PER_HOUR):
        call.press("1")
        assert call.said()[0] == "C'est fait : votre inscription est enregistrée."
        call.press("9")
    call.press("1")
    assert call.said()[0] == (
        "Ce numéro a demandé beaucoup d'inscriptions. Réessayez dans une heure, s'il vous plaît."
    )
    assert Rsvp.objects.count() == voice_calls.REGISTRATIONS_PER_HOUR
    # Another call from the same number is bound by the same count.
    later = to_soccer(client)
    later.press("9")
    later.press("1")
    assert later.said()[0].startswith("Ce numéro a demandé beaucoup d'inscriptions.")


def test_no_personal_data_in_what_the_line_says(week, client):
    rsvp_on(week["soccer"], first_name="Mariela", phone="+18195550999")
    call = to_soccer(client)
    call.press("1")
    call.press("9")
    call.press("1")
    twiml = call.all_twiml()
    digits = re.sub(r"\D", "", CALLER)
    for secret in (CALLER, digits, digits[1:], "819 555", "0123", "Mariela", "0999"):
        assert secret not in twiml, secret
    assert call.sid not in twiml


def test_old_calls_are_forgotten_after_a_day(week, client):
    Call(client, CALLER).start()
    assert voice_calls.forget_old(timezone.now() + dt.timedelta(hours=23)) == 0
    assert voice_calls.forget_old(timezone.now() + dt.timedelta(hours=25)) == 1
    assert not VoiceCall.objects.exists()


def test_staff_see_a_phone_registration_as_one(week, client):
    to_soccer(client).press("1")
    date = week["soccer"]
    client.force_login(staff_of(date.event.get_parent().specific))
    html = client.get(reverse("events_rsvps", args=[date.event.pk, date.pk])).content.decode()
    assert "Appel téléphonique" in html
    export = client.get(reverse("events_rsvp_export", args=[date.event.pk, date.pk, "csv"]))
    assert "Appel téléphonique" in b"".join(export.streaming_content).decode()
