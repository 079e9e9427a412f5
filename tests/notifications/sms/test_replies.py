"""Replies to reminders and confirmations, by SMS: cancel, confirm coming, numbered
choices, and the answer reaching only the sender's own registrations."""

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from notifications import dispatcher, sms
from notifications.models import IncomingMessage, PendingChoice
from rsvp.models import MessageKind, MessageStatus, OutboxMessage, RsvpStatus, SmsOptOut
from tests.notifications.helpers import a_date, rsvp_on
from tests.notifications.twilio_posts import answers_to, text_in
from tests.rsvp_helpers import phone as new_phone

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox = []


def in_language(language, text):
    with translation.override(language):
        return _(text)


CANCELLED = "Your registration is cancelled: %(activity)s."


@pytest.mark.parametrize(
    "word, language",
    [("ANNULER", "fr"), ("annuler", "fr"), ("Cancelar", "es"), ("CANCEL", "en"), ("No", "es")],
)
def test_cancel_by_each_language_word(site_tree, client, word, language):
    rsvp = rsvp_on(a_date(title="Soccer"), language="es")
    assert text_in(client, rsvp.phone, word).status_code == 200
    rsvp.refresh_from_db()
    assert rsvp.status == RsvpStatus.CANCELLED
    # CANCEL and CANCELAR cancel a registration; they no longer stop every SMS.
    assert not SmsOptOut.objects.exists()
    [answer] = answers_to(rsvp.phone)
    # The keyword's language, else (NO) the language of the person's registration.
    assert in_language(language, CANCELLED).split(":")[0] in answer
    assert "Soccer" in answer


def test_french_answer_reads_french(site_tree, client):
    rsvp = rsvp_on(a_date(title="Soccer"), language="es")
    text_in(client, rsvp.phone, "Annuler")
    [answer] = answers_to(rsvp.phone)
    assert answer.startswith("Votre inscription est annulée")


def test_cancelling_by_sms_promotes_the_waiting_list(site_tree, client):
    date = a_date(capacity=1, max_party_size=1)
    first, second = rsvp_on(date), rsvp_on(date)
    assert second.status == RsvpStatus.WAITLISTED
    text_in(client, first.phone, "ANNULER")
    second.refresh_from_db()
    assert second.status == RsvpStatus.CONFIRMED
    assert second.messages.filter(kind=MessageKind.PROMOTED).exists()


def send_day_before_reminder(rsvp):
    row = rsvp.messages.get(kind=MessageKind.REMINDER_DAY_BEFORE)
    dispatcher.dispatch(now=row.due_at + dt.timedelta(minutes=1))
    row.refresh_from_db()
    assert row.status == MessageStatus.SENT


@pytest.mark.parametrize("word", ["OUI", "Sí", "si", "YES"])
def test_confirm_answers_the_day_before_reminder(site_tree, client, word):
    rsvp = rsvp_on(a_date())
    send_day_before_reminder(rsvp)
    now = rsvp.messages.get(kind=MessageKind.REMINDER_DAY_BEFORE).due_at
    text_in(client, rsvp.phone, word)
    rsvp.refresh_from_db()
    assert rsvp.coming_confirmed_at is not None
    assert rsvp.status == RsvpStatus.CONFIRMED
    assert answers_to(rsvp.phone, now=now + dt.timedelta(minutes=2))


def test_confirm_before_the_reminder_changes_nothing(site_tree, client):
    rsvp = rsvp_on(a_date())
    text_in(client, rsvp.phone, "OUI")
    rsvp.refresh_from_db()
    assert rsvp.coming_confirmed_at is None
    [answer] = answers_to(rsvp.phone)
    assert answer == in_language("fr", "We found no reminder to answer for this number.")


def two_registrations(phone):
    soon = a_date(title="Soccer", first_date=timezone.localdate() + dt.timedelta(days=3))
    later = a_date(title="Atelier", first_date=timezone.localdate() + dt.timedelta(days=5))
    return rsvp_on(soon, phone=phone), rsvp_on(later, phone=phone)


def test_several_registrations_get_a_numbered_choice(site_tree, client):
    phone = new_phone()
    soccer, atelier = two_registrations(phone)
    text_in(client, phone, "ANNULER")
    assert {soccer.__class__.objects.get(pk=r.pk).status for r in (soccer, atelier)} == {
        RsvpStatus.CONFIRMED
    }
    [choice] = answers_to(phone)
    assert "1 Soccer" in choice and "2 Atelier" in choice
    assert PendingChoice.objects.get(phone=phone).rsvp_ids == [soccer.pk, atelier.pk]
    text_in(client, phone, "2")
    soccer.refresh_from_db()
    atelier.refresh_from_db()
    assert (soccer.status, atelier.status) == (RsvpStatus.CONFIRMED, RsvpStatus.CANCELLED)
    [done] = answers_to(phone)
    assert "Atelier" in done and "Soccer" not in done
    assert not PendingChoice.objects.exists()


def test_keyword_and_number_act_on_that_one(site_tree, client):
    phone = new_phone()
    soccer, atelier = two_registrations(phone)
    text_in(client, phone, "cancelar")
    text_in(client, phone, "CANCELAR 1")
    soccer.refresh_from_db()
    atelier.refresh_from_db()
    assert (soccer.status, atelier.status) == (RsvpStatus.CANCELLED, RsvpStatus.CONFIRMED)


def test_an_expired_choice_acts_on_nothing(site_tree, client):
    phone = new_phone()
    soccer, atelier = two_registrations(phone)
    text_in(client, phone, "ANNULER")
    PendingChoice.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    text_in(client, phone, "1")
    soccer.refresh_from_db()
    assert soccer.status == RsvpStatus.CONFIRMED


def test_another_number_cannot_act_on_someone_elses_registration(site_tree, client):
    owner = new_phone()
    soccer, atelier = two_registrations(owner)
    text_in(client, owner, "ANNULER")  # the owner now has a choice waiting
    stranger = new_phone()
    for body in ("ANNULER", "1", "ANNULER 2", "OUI"):
        text_in(client, stranger, body)
    for rsvp in (soccer, atelier):
        rsvp.refresh_from_db()
        assert rsvp.status == RsvpStatus.CONFIRMED and rsvp.coming_confirmed_at is None
    answers = answers_to(stranger)
    assert len(answers) == 4
    assert not any("Soccer" in answer or "Atelier" in answer for answer in answers)


def test_a_retried_webhook_is_answered_once(site_tree, client):
    rsvp = rsvp_on(a_date())
    for _attempt in range(3):
        assert text_in(client, rsvp.phone, "ANNULER", sid="SM" + "7" * 32).status_code == 200
    assert IncomingMessage.objects.count() == 1
    assert OutboxMessage.objects.filter(kind=MessageKind.REPLY).count() == 1
    assert len(answers_to(rsvp.phone)) == 1


def test_a_bad_signature_is_refused_and_changes_nothing(site_tree, client):
    rsvp = rsvp_on(a_date())
    assert text_in(client, rsvp.phone, "ANNULER", valid=False).status_code == 403
    rsvp.refresh_from_db()
    assert rsvp.status == RsvpStatus.CONFIRMED
    assert not IncomingMessage.objects.exists()


def test_stop_is_still_a_stop_and_yes_no_longer_a_start(site_tree, client):
    rsvp = rsvp_on(a_date())
    text_in(client, rsvp.phone, "ARRET")
    assert SmsOptOut.objects.filter(phone=rsvp.phone).exists()
    text_in(client, rsvp.phone, "YES")
    assert SmsOptOut.objects.filter(phone=rsvp.phone).exists()
    text_in(client, rsvp.phone, "START")
    assert not SmsOptOut.objects.exists()


def test_what_is_not_understood_gets_help_and_changes_nothing(site_tree, client):
    rsvp = rsvp_on(a_date(), language="en")
    text_in(client, rsvp.phone, "no thanks, I will be there")
    rsvp.refresh_from_db()
    assert rsvp.status == RsvpStatus.CONFIRMED
    [answer] = answers_to(rsvp.phone)
    assert "CANCEL" in answer and "ACTIVITIES" in answer


def test_incoming_messages_go_with_the_retention_period(site_tree, client, settings):
    from rsvp.services import retention

    rsvp = rsvp_on(a_date())
    text_in(client, rsvp.phone, "bonjour")
    later = timezone.now() + dt.timedelta(days=settings.ENSEMBLE_RETENTION_DAYS - 1)
    retention.erase_expired(now=later)
    assert IncomingMessage.objects.count() == 1
    retention.erase_expired(now=later + dt.timedelta(days=2))
    assert not IncomingMessage.objects.exists()
    assert not OutboxMessage.objects.filter(kind=MessageKind.REPLY).exists()


def test_staff_see_who_confirmed_coming(site_tree, client):
    import csv
    import io

    from django.urls import reverse

    from tests.factories import staff_of

    date = a_date()
    coming = rsvp_on(date, first_name="Lupita")
    rsvp_on(date, first_name="Pedro")
    send_day_before_reminder(coming)
    text_in(client, coming.phone, "SÍ")
    event = date.event
    client.force_login(staff_of(event.get_parent().specific))
    html = client.get(reverse("events_rsvps", args=[event.pk, date.pk])).content.decode()
    assert html.count("✓ ") == 1
    response = client.get(reverse("events_rsvp_export", args=[event.pk, date.pk, "csv"]))
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    heading = next(h for h in rows[0] if h in ("Confirmed coming", "Présence confirmée"))
    assert len(rows) == 2
    confirmed = {row[heading] for row in rows if "Lupita" in row.values()}
    others = {row[heading] for row in rows if "Pedro" in row.values()}
    assert confirmed and all(confirmed) and others == {""}


def test_a_number_writing_again_and_again_is_not_answered_every_time(site_tree, client):
    from notifications.services.sms_conversation import ANSWERS_PER_HOUR

    phone = new_phone()
    for _message in range(ANSWERS_PER_HOUR + 3):
        text_in(client, phone, "ACTIVITIES")
    assert IncomingMessage.objects.filter(phone=phone).count() == ANSWERS_PER_HOUR + 3
    assert len(answers_to(phone)) == ANSWERS_PER_HOUR


def test_a_number_without_a_list_sent_acts_on_nothing(site_tree, client):
    rsvp = rsvp_on(a_date(title="Soccer"))
    text_in(client, rsvp.phone, "ANNULER 2")
    rsvp.refresh_from_db()
    assert rsvp.status == RsvpStatus.CONFIRMED
    [answer] = answers_to(rsvp.phone)
    assert "1 Soccer" in answer
    text_in(client, rsvp.phone, "1")
    rsvp.refresh_from_db()
    assert rsvp.status == RsvpStatus.CANCELLED
