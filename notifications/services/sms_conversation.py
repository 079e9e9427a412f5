"""Answering a text message sent to the organization's number, by SMS or WhatsApp
(docs/replies.md).

STOP and START are handled first (notifications/services/sms_replies.py; the provider
answers those itself). Anything else is kept under its MessageSid and answered once,
through the outbox, in the same transaction as what it changed: a cancellation, a
"confirmed coming", a numbered choice. A reply only ever acts on RSVPs whose phone is
the sender's own number, so no number learns of another's registrations.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.phones import normalize_phone
from notifications.models import IncomingMessage, PendingChoice
from notifications.services import sms_replies
from notifications.services.sms_activities import activities_answer
from notifications.services.sms_keywords import ACTIVITIES, CANCEL, CHOOSE, CONFIRM, Parsed, parse
from notifications.services.sms_replies_text import choice_text, done_text, help_text, nothing_text
from rsvp.models import MessageChannel, MessageKind, MessageStatus, OutboxMessage, Rsvp, RsvpStatus
from rsvp.services import seats

CHOICE_LIFETIME = dt.timedelta(hours=2)
# Numbers offered in one choice: "1" to "9", one character to type.
MAX_CHOICES = 9
WHATSAPP_PREFIX = "whatsapp:"
# Answers to one number in an hour: each costs an SMS, and a number (or a loop
# between two automated senders) writing again and again must not run up the bill.
ANSWERS_PER_HOUR = 10


def sender_of(raw):
    """(channel, normalized phone) of Twilio's From; the phone is "" when it is odd."""
    channel = MessageChannel.SMS
    if raw.lower().startswith(WHATSAPP_PREFIX):
        channel, raw = MessageChannel.WHATSAPP, raw[len(WHATSAPP_PREFIX) :]
    try:
        return channel, normalize_phone(raw)
    except ValidationError:
        return channel, ""


def receive(message_sid, sender, body, *, now=None):
    """Handle one incoming message; returns what was done ("stop", "start",
    "answered", "repeat" for a webhook retried, "ignored")."""
    channel, phone = sender_of(sender or "")
    if not phone:
        return "ignored"
    if channel == MessageChannel.WHATSAPP:
        stopped = sms_replies.handle_whatsapp_reply(phone, body)
    else:
        stopped = sms_replies.handle_reply(phone, body)
    if stopped or not message_sid:
        return stopped or "ignored"
    now = now or timezone.now()
    with transaction.atomic():
        incoming, created = IncomingMessage.objects.get_or_create(
            message_sid=message_sid[:64], defaults={"phone": phone, "channel": channel}
        )
        if not created:
            return "repeat"
        if too_many(phone, now):
            return "ignored"
        incoming.language, incoming.answer = answer(phone, parse(body), now)
        incoming.save(update_fields=["language", "answer"])
        OutboxMessage.objects.create(
            reply_to=incoming,
            kind=MessageKind.REPLY,
            channel=channel,
            due_at=now,
            status=MessageStatus.PENDING,
        )
    return "answered"


def too_many(phone, now):
    hour_ago = now - dt.timedelta(hours=1)
    recent = IncomingMessage.objects.filter(phone=phone, created_at__gte=hour_ago)
    return recent.count() > ANSWERS_PER_HOUR


def language_of(phone, parsed, now):
    """The keyword's language, else the pending choice's, else the latest RSVP's."""
    if parsed.language:
        return parsed.language
    choice = pending(phone, now)
    if choice is not None:
        return choice.language
    latest = Rsvp.objects.filter(phone=phone, erased_at__isnull=True).order_by("-created_at")
    return latest.values_list("language", flat=True).first() or settings.LANGUAGE_CODE


def answer(phone, parsed, now):
    """(language, text) of the answer, after doing what the message asks."""
    language = language_of(phone, parsed, now)
    with translation.override(language):
        if parsed.action == ACTIVITIES:
            return language, activities_answer(language, parsed.region, now, parsed.near)
        if parsed.action == CHOOSE or (parsed.action and parsed.number):
            return language, chosen(phone, parsed, language, now)
        if parsed.action in (CANCEL, CONFIRM):
            return language, act_or_offer(phone, parsed.action, language, now)
        return language, help_text()


def candidates(phone, action, now):
    """The sender's own RSVPs a reply may act on: active, for dates to come; to
    confirm, only those the day-before reminder went to."""
    rsvps = Rsvp.objects.active().filter(
        phone=phone, erased_at__isnull=True, date__start__gt=now, date__status="scheduled"
    )
    if action == CONFIRM:
        rsvps = rsvps.filter(
            status=RsvpStatus.CONFIRMED,
            messages__kind=MessageKind.REMINDER_DAY_BEFORE,
            messages__status__in=(MessageStatus.SENT, MessageStatus.DELIVERED),
        ).distinct()
    return rsvps.select_related("date", "date__event").order_by("date__start", "pk")


def pending(phone, now):
    return PendingChoice.objects.filter(phone=phone, expires_at__gt=now).first()


def act_or_offer(phone, action, language, now, *, act_on_one=True):
    found = list(candidates(phone, action, now)[:MAX_CHOICES])
    if not found:
        return nothing_text(action)
    if len(found) == 1 and act_on_one:
        return act(action, found[0], language, now)
    PendingChoice.objects.update_or_create(
        phone=phone,
        defaults={
            "action": action,
            "rsvp_ids": [rsvp.pk for rsvp in found],
            "language": language,
            "expires_at": now + CHOICE_LIFETIME,
        },
    )
    return choice_text(action, found, language)


def chosen(phone, parsed, language, now):
    """A number answering a choice ("2", or "ANNULER 2"). The RSVP is looked up again
    among the sender's own: a choice cannot reach anyone else's registration."""
    choice = pending(phone, now)
    action = parsed.action if parsed.action != CHOOSE else ""
    if choice is None:
        # A number with no list sent (or an expired one) picks nothing: the list goes.
        if not action:
            return help_text()
        return act_or_offer(phone, action, language, now, act_on_one=False)
    action = action or choice.action
    ids = choice.rsvp_ids
    if not 1 <= parsed.number <= len(ids):
        return _("Reply with a number from 1 to %(count)s.") % {"count": len(ids)}
    rsvp = candidates(phone, action, now).filter(pk=ids[parsed.number - 1]).first()
    choice.delete()
    if rsvp is None:
        return nothing_text(action)
    return act(action, rsvp, language, now)


def act(action, rsvp, language, now):
    if action == CANCEL:
        try:
            seats.cancel(rsvp, now=now)
        except seats.SeatError:
            return _("We could not cancel right now. Please try again in a few minutes.")
    else:
        Rsvp.objects.filter(pk=rsvp.pk).update(coming_confirmed_at=now)
    return done_text(action, rsvp, language)


__all__ = ["Parsed", "forget_old", "receive", "sender_of"]


def forget_old(now=None):
    """Incoming messages name a phone and say what was done: they go after the
    retention period, like RSVPs' personal data (their answers' outbox rows with
    them), and expired choices at once. Returns how many messages went."""
    now = now or timezone.now()
    PendingChoice.objects.filter(expires_at__lte=now).delete()
    limit = now - dt.timedelta(days=settings.ENSEMBLE_RETENTION_DAYS)
    deleted, _by_model = IncomingMessage.objects.filter(created_at__lt=limit).delete()
    return deleted
