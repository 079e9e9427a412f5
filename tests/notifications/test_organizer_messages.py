"""Staff write to everyone on a date: stored, queued once per RSVP, sent in each
person's language, within two SMS segments."""

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from core.formatting import to_local
from core.translations import translate
from events.models import EventDate
from notifications import dispatcher, sms
from notifications.forms import OrganizerMessageForm
from notifications.models import OrganizerMessage
from notifications.services import dispatch, organizer_messages
from notifications.services.render import render
from notifications.sms.segments import analyse
from rsvp.models import MessageStatus, OutboxMessage, Rsvp, SmsOptOut
from rsvp.services import outbox, schedule, seats
from tests.factories import EventFactory, OrganizationFactory, staff_of
from tests.notifications.helpers import local, past_quiet_hours, rsvp_on
from tests.rsvp_helpers import phone

pytestmark = pytest.mark.django_db

VAN_FR = "La van part 30 minutes plus tard"
VAN_ES = "La camioneta sale 30 minutos más tarde"
VAN_EN = "The van leaves 30 minutes later"


@pytest.fixture
def aide(known_week, site_tree):
    # Text lengths below are measured against a heading whose words are fixed.
    org = OrganizationFactory(title="AIDE", slug="aide")
    event = EventFactory(
        parent=org,
        title="Soccer",
        slug="soccer",
        start_time=dt.time(14, 0),
        end_time=dt.time(16, 0),
        capacity=3,
        max_party_size=1,
    )
    translate(org, "es", {})
    translate(org, "en", {})
    translate(event, "es", {"Soccer": "Fútbol", "soccer": "futbol"})
    translate(event, "en", {"soccer": "soccer-en"})
    date = EventDate.objects.for_event(event).get()
    return {"org": org, "event": event, "date": date}


def people(date):
    """One confirmed RSVP per language by SMS, one by e-mail, one waitlisted."""
    return {
        "fr": rsvp_on(date, language="fr", email=""),
        "es": rsvp_on(date, language="es", email=""),
        "en": rsvp_on(date, language="en", reminder="email", email="ann@example.org"),
        "waiting": rsvp_on(date, language="es", phone=phone(), email=""),
    }


def org_rows(message):
    return OutboxMessage.objects.filter(organizer_message=message)


def test_one_row_per_confirmed_rsvp_and_waitlist_on_request(aide):
    who = people(aide["date"])
    assert who["waiting"].status == "waitlisted"
    first = organizer_messages.post(aide["date"], {"fr": VAN_FR})
    assert first.queued == 3 and first.unreachable == 0
    assert {row.rsvp_id for row in org_rows(first.message)} == {
        who["fr"].pk,
        who["es"].pk,
        who["en"].pk,
    }
    assert {row.channel for row in org_rows(first.message)} == {"sms", "email"}
    assert {row.kind for row in org_rows(first.message)} == {"organizer_message"}

    second = organizer_messages.post(
        aide["date"], {"fr": "Apportez de l'eau"}, include_waitlist=True
    )
    # Two messages on one date both go, each once per RSVP.
    assert org_rows(second.message).count() == 4
    assert org_rows(first.message).count() == 3
    # Queuing a message again adds nothing.
    outbox.organizer_message(second.message)
    assert org_rows(second.message).count() == 4
    assert OutboxMessage.objects.filter(kind="organizer_message").count() == 7


def test_database_refuses_a_second_row_for_the_same_message_and_rsvp(aide):
    rsvp = rsvp_on(aide["date"])
    posted = organizer_messages.post(aide["date"], {"fr": VAN_FR})
    row = org_rows(posted.message).get()
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxMessage.objects.create(
            rsvp=rsvp,
            kind="organizer_message",
            channel="email",
            due_at=row.due_at,
            organizer_message=posted.message,
        )
    # A staff-message row must name its message, and only such rows may.
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxMessage.objects.create(
            rsvp=rsvp, kind="organizer_message", channel="sms", due_at=row.due_at
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboxMessage.objects.create(
            rsvp=rsvp,
            kind="date_moved",
            channel="sms",
            date_version=7,
            due_at=row.due_at,
            organizer_message=posted.message,
        )


def test_unreachable_people_are_counted_not_queued(aide):
    stopped = rsvp_on(aide["date"], reminder="none", email="")
    SmsOptOut.objects.create(phone=stopped.phone)  # replied STOP and gave no e-mail
    posted = organizer_messages.post(aide["date"], {"fr": VAN_FR})
    assert (posted.queued, posted.unreachable) == (0, 1)


@pytest.mark.parametrize(
    "texts, expected",
    [
        ({"fr": VAN_FR, "es": VAN_ES, "en": VAN_EN}, {"fr": VAN_FR, "es": VAN_ES, "en": VAN_EN}),
        ({"fr": VAN_FR, "es": VAN_ES}, {"fr": VAN_FR, "es": VAN_ES, "en": VAN_FR}),
        ({"es": VAN_ES, "en": VAN_EN}, {"fr": VAN_ES, "es": VAN_ES, "en": VAN_EN}),
        ({"en": VAN_EN}, {"fr": VAN_EN, "es": VAN_EN, "en": VAN_EN}),
    ],
)
def test_each_person_gets_their_language_else_french_else_any(aide, texts, expected):
    who = people(aide["date"])
    posted = organizer_messages.post(aide["date"], texts)
    for language in ("fr", "es", "en"):
        row = org_rows(posted.message).get(rsvp=who[language])
        assert expected[language] in render(row).text, language


def test_quiet_hours_unless_same_day(aide):
    date = aide["date"]
    rsvp_on(date)
    day = to_local(date.start).date()

    def due(now):
        posted = organizer_messages.post(date, {"fr": VAN_FR}, now=now)
        return org_rows(posted.message).get().due_at

    # On the day, even early in the morning: at once.
    assert due(local(day, 6, 15)) == local(day, 6, 15)
    # The evening before: waits for 08:00.
    assert due(local(day - dt.timedelta(days=1), 22)) == local(day, 8)
    # Days before, in the afternoon: at once.
    assert due(local(day - dt.timedelta(days=3), 15)) == local(day - dt.timedelta(days=3), 15)


def test_cancelled_date_refuses_a_message(aide):
    rsvp_on(aide["date"])
    schedule.cancel_date(aide["date"])
    with pytest.raises(organizer_messages.MessageRefused):
        organizer_messages.post(aide["date"], {"fr": VAN_FR})
    assert not OrganizerMessage.objects.exists()


# -- sending ------------------------------------------------------------------------------


def test_sent_by_sms_and_email_in_each_language(aide):
    who = people(aide["date"])
    organizer_messages.post(aide["date"], {"fr": VAN_FR, "es": VAN_ES, "en": VAN_EN})
    sms.outbox, mail.outbox = [], []
    OutboxMessage.objects.exclude(kind="organizer_message").update(status=MessageStatus.SENT)
    dispatcher.dispatch(now=past_quiet_hours())

    by_phone = {message.to: message.body for message in sms.outbox}
    assert set(by_phone) == {who["fr"].phone, who["es"].phone}
    assert by_phone[who["fr"].phone].startswith("AIDE - Soccer, sam ")
    assert by_phone[who["fr"].phone].endswith(" : " + VAN_FR)
    assert by_phone[who["es"].phone].startswith("AIDE - Fútbol, sáb ")
    assert by_phone[who["es"].phone].endswith(": " + VAN_ES)
    assert all(analyse(body).segments <= 2 for body in by_phone.values())

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["ann@example.org"]
    assert VAN_EN in email.body and VAN_FR not in email.body
    assert "A message from AIDE about Soccer" in email.body
    stop = email.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/rappels/arret/" in stop and stop in email.body
    html = email.alternatives[0][0]
    assert VAN_EN in html and stop in html
    assert email.subject == "Message about Soccer"
    statuses = set(
        OutboxMessage.objects.filter(kind="organizer_message").values_list("status", flat=True)
    )
    assert statuses == {MessageStatus.SENT}


@pytest.mark.parametrize(
    "language, heading, subject",
    [
        ("fr", "Un message de AIDE au sujet de Soccer, samedi", "Message au sujet de Soccer"),
        ("es", "Un mensaje de AIDE sobre Fútbol, sábado", "Mensaje sobre Fútbol"),
        ("en", "A message from AIDE about Soccer, Saturday", "Message about Soccer"),
    ],
)
def test_email_in_each_language(aide, language, heading, subject):
    rsvp = rsvp_on(aide["date"], language=language, reminder="email")
    posted = organizer_messages.post(aide["date"], {"fr": VAN_FR, "es": VAN_ES, "en": VAN_EN})
    rendered = render(org_rows(posted.message).get(rsvp=rsvp))
    text = {"fr": VAN_FR, "es": VAN_ES, "en": VAN_EN}[language]
    assert rendered.subject == subject
    for part in (rendered.text, rendered.html):
        assert heading in part and text in part and rendered.unsubscribe_url in part
    assert f'<p lang="{language}">{text}</p>' in rendered.html


def test_html_escapes_the_text(aide):
    rsvp_on(aide["date"], reminder="email")
    posted = organizer_messages.post(aide["date"], {"fr": "Rendez-vous <b>ici</b>\nà 9 h"})
    html = render(org_rows(posted.message).get()).html
    assert '<p lang="fr">Rendez-vous &lt;b&gt;ici&lt;/b&gt;<br>à 9 h</p>' in html


def test_cancelled_rsvp_or_date_gets_nothing(aide):
    date = aide["date"]
    keeps, cancels = rsvp_on(date, email=""), rsvp_on(date, email="")
    organizer_messages.post(date, {"fr": VAN_FR})
    token, ids = dispatch.claim(now=past_quiet_hours())
    # Cancelled after the row was claimed: the sending task checks again.
    Rsvp.objects.filter(pk=cancels.pk).update(status="cancelled")
    for pk in ids:
        dispatch.send_one(pk, token, now=past_quiet_hours())
    rows = OutboxMessage.objects.filter(kind="organizer_message")
    assert rows.get(rsvp=cancels).status == MessageStatus.SKIPPED
    assert rows.get(rsvp=keeps).status == MessageStatus.SENT

    second = organizer_messages.post(date, {"fr": "Apportez de l'eau"})
    token, ids = dispatch.claim(now=past_quiet_hours())
    EventDate.objects.filter(pk=date.pk).update(status="cancelled")
    sms.outbox = []
    for pk in ids:
        dispatch.send_one(pk, token, now=past_quiet_hours())
    assert org_rows(second.message).get().status == MessageStatus.SKIPPED
    assert sms.outbox == []


def test_cancelling_the_rsvp_skips_a_pending_message(aide):
    rsvp = rsvp_on(aide["date"])
    posted = organizer_messages.post(aide["date"], {"fr": VAN_FR})
    seats.cancel(rsvp)
    assert org_rows(posted.message).get().status == MessageStatus.SKIPPED


# -- two segments -------------------------------------------------------------------------


def over_by(date, **texts):
    form = OrganizerMessageForm({f"text_{k}": v for k, v in texts.items()}, date=date)
    form.is_valid()
    return form


SHORT = {"fr": VAN_FR, "es": VAN_ES, "en": VAN_EN}


def overflow(form, language):
    (error,) = form.errors.as_data()[f"text_{language}"]
    assert error.code == "sms_too_long"
    assert str(error.params["count"]) in error.messages[0]
    return error.params["count"]


def longest_accepted(date, language, sentence):
    """The longest text in `language` the form takes (the others given short)."""
    others = {code: text for code, text in SHORT.items() if code != language}
    # Spaces folded already: the form counts on the text as it will be sent.
    text = " ".join([sentence] * 20)
    cut = overflow(over_by(date, **others, **{language: text}), language)
    accepted = text[: len(text) - cut]
    assert over_by(date, **others, **{language: accepted}).is_valid()
    # One character more is refused: this is the longest text the form takes.
    assert not over_by(date, **others, **{language: text[: len(text) - cut + 1]}).is_valid()
    return {**others, language: accepted}


@pytest.mark.parametrize(
    "language, sentence, encoding",
    [
        ("es", "La camioneta saldrá de la iglesia más tarde.", "UCS-2"),
        ("fr", "La van partira de l'église plus tard.", "GSM-7"),
    ],
)
def test_longest_accepted_text_fits_two_segments(aide, language, sentence, encoding):
    date = aide["date"]
    rsvp = rsvp_on(date, language=language, email="")
    texts = longest_accepted(date, language, sentence)
    posted = organizer_messages.post(date, texts)
    text = render(org_rows(posted.message).get(rsvp=rsvp)).text
    info = analyse(text)
    assert (info.encoding, info.segments) == (encoding, 2)
    assert text.endswith(" ".join(texts[language].split()))


def test_french_text_must_also_fit_under_the_spanish_heading(aide):
    # Only French given: Spanish readers get it under "Fútbol, sáb …", which turns the
    # SMS into UCS-2 (70 characters a segment): the form checks that heading too.
    text = "La van part plus tard. " * 6
    form = over_by(aide["date"], fr=text)
    assert "text_fr" in form.errors
    assert over_by(aide["date"], fr=text, es=VAN_ES).is_valid()


def test_title_lengthened_after_the_check_still_fits(aide):
    date = aide["date"]
    rsvp = rsvp_on(date, language="es", email="")
    texts = longest_accepted(date, "es", "La camioneta saldrá de la iglesia más tarde.")
    longest = " ".join(texts["es"].split())
    shorter = longest[:-20].rstrip()
    roomy = organizer_messages.post(date, {**texts, "es": shorter})
    tight = organizer_messages.post(date, texts)
    es_page = aide["event"].get_translations().get(locale__language_code="es").specific
    es_page.title = "Fútbol amistoso entre las granjas de la región de Coaticook"
    es_page.save_revision().publish()
    # With some room, the activity's name is cut and the text goes whole…
    text = render(org_rows(roomy.message).get(rsvp=rsvp)).text
    assert analyse(text).segments <= 2
    assert "Fútbol amistoso" in text and "Coaticook" not in text
    assert text.endswith(shorter)
    # …without, the end of the text goes too, visibly.
    text = render(org_rows(tight.message).get(rsvp=rsvp)).text
    assert analyse(text).segments <= 2
    assert text.endswith("…") and longest[:40] in text


# -- the admin -----------------------------------------------------------------------------


def form_url(event, date):
    return reverse("events_message_everyone", args=[event.pk, date.pk])


def test_staff_write_a_message_from_the_registrations_list(aide, client):
    event, date = aide["event"], aide["date"]
    who = people(date)
    user = staff_of(aide["org"])
    client.force_login(user)
    listing = client.get(reverse("events_rsvps", args=[event.pk, date.pk])).content.decode()
    assert form_url(event, date) in listing
    page = client.get(form_url(event, date))
    assert page.status_code == 200
    assert "Écrire à tout le monde inscrit à cette date" in page.content.decode()

    response = client.post(
        form_url(event, date), {"text_fr": VAN_FR, "text_es": VAN_ES, "include_waitlist": "on"}
    )
    assert response.status_code == 302
    message = OrganizerMessage.objects.get()
    assert message.texts == {"fr": VAN_FR, "es": VAN_ES}
    assert (message.author, message.include_waitlist) == (user, True)
    assert org_rows(message).count() == 4
    assert {row.rsvp_id for row in org_rows(message)} == {r.pk for r in who.values()}

    history = client.get(response["Location"]).content.decode()
    assert VAN_FR in history and VAN_ES in history
    assert "En attente : 4" in history


@pytest.mark.parametrize(
    "data, field, words",
    [
        ({"text_fr": "  "}, "__all__", "Écrivez le message dans au moins une langue."),
        ({"text_es": "La camioneta saldrá más tarde. " * 12}, "text_es", "retirez"),
    ],
)
def test_bad_messages_are_refused_in_french_and_nothing_saved(aide, client, data, field, words):
    rsvp_on(aide["date"])
    client.force_login(staff_of(aide["org"]))
    rows_before = OutboxMessage.objects.count()
    response = client.post(form_url(aide["event"], aide["date"]), data)
    assert response.status_code == 400
    assert words in " ".join(response.context["form"].errors[field])
    assert words in response.content.decode()
    assert not OrganizerMessage.objects.exists()
    assert OutboxMessage.objects.count() == rows_before


def test_cancelled_date_form_says_so_and_saves_nothing(aide, client):
    rsvp_on(aide["date"])
    schedule.cancel_date(aide["date"])
    client.force_login(staff_of(aide["org"]))
    response = client.post(form_url(aide["event"], aide["date"]), {"text_fr": VAN_FR})
    assert response.status_code == 400
    assert "Cette date est annulée" in response.content.decode()
    assert not OrganizerMessage.objects.exists()


def refused(response):
    """A 403, or Wagtail's way of saying it: back to the dashboard with an error."""
    if response.status_code == 302:
        return response["Location"] == reverse("wagtailadmin_home")
    return response.status_code == 403


def test_other_organization_cannot_write_or_read(aide, client):
    rsvp_on(aide["date"])
    sana = OrganizationFactory(title="SANA", slug="sana", region="04")
    client.force_login(staff_of(sana))
    url = form_url(aide["event"], aide["date"])
    assert refused(client.get(url))
    assert refused(client.post(url, {"text_fr": VAN_FR}))
    assert not OrganizerMessage.objects.exists()
    assert not OutboxMessage.objects.filter(kind="organizer_message").exists()
    # Their own event with another organization's date: not found, nothing queued.
    theirs = EventFactory(parent=sana)
    client.post(form_url(theirs, aide["date"]), {"text_fr": VAN_FR})
    # (Django's LocaleMiddleware first sends a 404 to the /fr/ address, which is one too.)
    assert client.get(form_url(theirs, aide["date"]), follow=True).status_code == 404
    assert not OrganizerMessage.objects.exists()


def test_messages_view_shows_each_message_with_row_statuses(aide, client):
    date = aide["date"]
    rsvp_on(date, email="")
    rsvp_on(date, email="")
    organizer_messages.post(date, {"fr": VAN_FR})
    second = organizer_messages.post(date, {"es": VAN_ES})
    org_rows(second.message).filter(pk=org_rows(second.message).first().pk).update(
        status=MessageStatus.SENT, sent_at=timezone.now()
    )
    client.force_login(staff_of(aide["org"]))
    html = client.get(reverse("events_date_messages", args=[aide["event"].pk, date.pk]))
    html = html.content.decode()
    assert VAN_FR in html and VAN_ES in html
    assert "En attente : 1 · Envoyé : 1" in html
    assert "En attente : 2" in html
