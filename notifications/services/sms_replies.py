"""What an SMS reply or a provider's status report changes (Twilio webhooks)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from digest.services import subscriptions
from notifications.services.sms_keywords import plain
from rsvp.models import MessageChannel, MessageStatus, OutboxMessage, SmsOptOut, WhatsAppOptOut

# The usual carrier keywords in English, and their French and Spanish counterparts.
# CANCEL / CANCELAR cancel a registration and YES confirms one (docs/replies.md): the
# Twilio number's Advanced Opt-Out must not treat them as opt-out or opt-in keywords.
STOP_WORDS = {
    "stop", "stopall", "unsubscribe", "end", "quit",
    "arret", "arreter", "desabonner", "desinscrire",
    "alto", "parar", "para", "baja",
}  # fmt: skip
START_WORDS = {"start", "unstop", "debut", "inicio", "reanudar"}

# Twilio MessageStatus values we record; others (queued, sending, sent) change nothing.
DELIVERY = {
    "delivered": MessageStatus.DELIVERED,
    "undelivered": MessageStatus.FAILED,
    "failed": MessageStatus.FAILED,
}


def keyword(body):
    """The reply's one word, plain (STOP, ARRÊT…); "" when it says more than one."""
    words = plain(body)
    return words[0] if len(words) == 1 else ""


@transaction.atomic
def handle_reply(phone, body):
    """STOP (ARRET, ALTO…) stops every SMS to the number, and ends its digest
    subscriptions; START allows SMS again (a digest needs a new subscription)."""
    word = keyword(body)
    if not phone or not word:
        return None
    if word in STOP_WORDS:
        SmsOptOut.objects.get_or_create(phone=phone)
        OutboxMessage.objects.filter(
            Q(rsvp__phone=phone) | Q(subscription__contact=phone),
            channel=MessageChannel.SMS,
            status=MessageStatus.PENDING,
        ).update(status=MessageStatus.SKIPPED, updated_at=timezone.now())
        subscriptions.stopped_by_sms(phone)
        return "stop"
    if word in START_WORDS:
        SmsOptOut.objects.filter(phone=phone).delete()
        return "start"
    return None


@transaction.atomic
def handle_whatsapp_reply(phone, body):
    """STOP (ARRET, ALTO…) on WhatsApp stops WhatsApp messages to the number (SMS and
    e-mail follow their own choices); START allows them again."""
    word = keyword(body)
    if not phone or not word:
        return None
    if word in STOP_WORDS:
        WhatsAppOptOut.objects.get_or_create(phone=phone)
        OutboxMessage.objects.filter(
            rsvp__phone=phone, channel=MessageChannel.WHATSAPP, status=MessageStatus.PENDING
        ).update(status=MessageStatus.SKIPPED, updated_at=timezone.now())
        return "stop"
    if word in START_WORDS:
        WhatsAppOptOut.objects.filter(phone=phone).delete()
        return "start"
    return None


def record_status(provider_id, status, error_code=""):
    """A delivery report; repeated reports are harmless. Returns rows changed."""
    new = DELIVERY.get(status)
    if not provider_id or new is None:
        return 0
    rows = OutboxMessage.objects.filter(
        provider_message_id=provider_id,
        channel__in=(MessageChannel.SMS, MessageChannel.WHATSAPP),
    ).filter(status__in=(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED))
    changes = {"status": new, "updated_at": timezone.now()}
    if new == MessageStatus.FAILED:
        changes["last_error"] = f"Twilio {error_code}".strip()[:255]
    return rows.exclude(status=new).update(**changes)


# anymail's normalized event types we record for e-mail.
EMAIL_EVENTS = {
    "delivered": MessageStatus.DELIVERED,
    "bounced": MessageStatus.BOUNCED,
    "rejected": MessageStatus.BOUNCED,
    "failed": MessageStatus.FAILED,
}


def record_email_event(message_id, event_type, reason=""):
    """An ESP's tracking event through anymail; repeated events are harmless."""
    new = EMAIL_EVENTS.get(event_type)
    # No stored id holds NUL, and PostgreSQL refuses to compare text holding one.
    if not message_id or "\x00" in message_id or new is None:
        return 0
    rows = OutboxMessage.objects.filter(
        provider_message_id=message_id, channel=MessageChannel.EMAIL
    ).filter(status__in=(MessageStatus.SENT, MessageStatus.DELIVERED))
    changes = {"status": new, "updated_at": timezone.now()}
    if new != MessageStatus.DELIVERED:
        changes["last_error"] = f"{event_type} {reason or ''}".replace("\x00", "").strip()[:255]
    return rows.exclude(status=new).update(**changes)
