"""The outbox: every message to a person is one row, written in the same transaction
as the change that causes it (invariant 3, docs/architecture.md#invariant-3).

A row goes either to an RSVP (confirmations, reminders, notices) or to a digest
subscription (the weekly digest and the subscription's confirmation); a check
constraint makes it exactly one of them.

Rows hold no message text: it is rendered at send time from the RSVP or the
subscription, so an erased RSVP leaves nothing personal behind here.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MessageKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Registration confirmed")
    WAITLISTED = "waitlisted", _("Put on the waiting list")
    PROMOTED = "promoted", _("Promoted from the waiting list")
    REMINDER_DAY_BEFORE = "reminder_day_before", _("Reminder the day before")
    REMINDER_HOURS_BEFORE = "reminder_hours_before", _("Reminder a few hours before")
    DATE_MOVED = "date_moved", _("Date moved")
    DATE_CANCELLED = "date_cancelled", _("Date cancelled")
    ORGANIZER_MESSAGE = "organizer_message", _("Message from the organizer")
    MANAGE_LINK = "manage_link", _("Registration link sent again")
    DIGEST = "digest", _("Weekly digest")
    SUBSCRIPTION_CONFIRM = "subscription_confirm", _("Digest subscription confirmation")
    REPLY = "reply", _("Answer to a text message")


# Kinds sent to a digest subscription; every other kind goes to an RSVP.
SUBSCRIPTION_KINDS = (MessageKind.DIGEST, MessageKind.SUBSCRIPTION_CONFIRM)


class MessageChannel(models.TextChoices):
    SMS = "sms", _("Text message (SMS)")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CLAIMED = "claimed", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    MISSED = "missed", _("Missed (too late)")
    SKIPPED = "skipped", _("Skipped")
    DELIVERED = "delivered", _("Delivered")
    BOUNCED = "bounced", _("Bounced")


class OutboxMessage(models.Model):
    rsvp = models.ForeignKey(
        "rsvp.Rsvp",
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("registration"),
        null=True,
        blank=True,
    )
    subscription = models.ForeignKey(
        "digest.DigestSubscription",
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("digest subscription"),
        null=True,
        blank=True,
    )
    # The answer to a text message someone sent (kind "reply"): one row per incoming
    # message, so a webhook Twilio retries is answered once.
    reply_to = models.OneToOneField(
        "notifications.IncomingMessage",
        on_delete=models.CASCADE,
        related_name="answer_row",
        verbose_name=_("incoming text message"),
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=24, choices=MessageKind.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=MessageChannel.choices)
    # The version of what the message is about, so that each version goes once:
    # EventDate.sequence for the kinds that depend on the date's time or status (a
    # moved notice per move); the RSVP's link request number for manage_link (1, 2, …);
    # ISO year * 100 + week for a digest (one a week); the request number for a
    # subscription confirmation; 0 for the others.
    date_version = models.PositiveIntegerField(default=0)
    # The staff message this row carries (kind "organizer_message" only): several
    # messages on one date each go once per registration.
    organizer_message = models.ForeignKey(
        "notifications.OrganizerMessage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_rows",
        verbose_name=_("message from the organizer"),
    )
    due_at = models.DateTimeField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    provider_message_id = models.CharField(max_length=100, blank=True, db_index=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "events_outboxmessage"  # kept from before the app split
        ordering = ["due_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            # Notices and reminders: once per RSVP, kind, channel and date version.
            models.UniqueConstraint(
                fields=["rsvp", "kind", "channel", "date_version"],
                condition=models.Q(organizer_message__isnull=True),
                name="one_message_per_version",
            ),
            # Staff messages: each one once per RSVP, whatever the channel.
            models.UniqueConstraint(
                fields=["organizer_message", "rsvp"],
                condition=models.Q(organizer_message__isnull=False),
                name="one_organizer_message_per_rsvp",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="organizer_message", organizer_message__isnull=False)
                    | (
                        ~models.Q(kind="organizer_message")
                        & models.Q(organizer_message__isnull=True)
                    )
                ),
                name="organizer_message_rows_name_their_message",
            ),
            models.UniqueConstraint(
                fields=["subscription", "kind", "channel", "date_version"],
                condition=Q(subscription__isnull=False),
                name="one_subscription_message_per_version",
            ),
            models.CheckConstraint(
                condition=Q(rsvp__isnull=False, subscription__isnull=True, reply_to__isnull=True)
                | Q(rsvp__isnull=True, subscription__isnull=False, reply_to__isnull=True)
                | Q(rsvp__isnull=True, subscription__isnull=True, reply_to__isnull=False),
                name="outbox_one_recipient_or_reply",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_at"], name="outbox_due")]

    def __str__(self):
        return f"Message {self.pk} ({self.kind}, {self.channel}, {self.status})"


class SmsOptOut(models.Model):
    """A phone number that replied STOP (or ARRET, ALTO…): no SMS goes to it."""

    phone = models.CharField(_("mobile phone"), max_length=20, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "events_smsoptout"  # kept from before the app split
        verbose_name = _("SMS opt-out")
        verbose_name_plural = _("SMS opt-outs")

    def __str__(self):
        return f"SMS opt-out {self.pk}"


class WhatsAppOptOut(models.Model):
    """A number that wrote STOP on WhatsApp: nothing more goes to it there."""

    phone = models.CharField(_("mobile phone"), max_length=20, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("WhatsApp opt-out")
        verbose_name_plural = _("WhatsApp opt-outs")

    def __str__(self):
        return f"WhatsApp opt-out {self.pk}"
