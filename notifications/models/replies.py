"""Text messages people send to the organization's number (SMS or WhatsApp), and the
numbered choice a reply may be waiting for (docs/replies.md).

An incoming message is kept under Twilio's MessageSid, unique: Twilio retries a
webhook it thinks failed, and the retry finds the message already there and answers
nothing more. The answer goes through the outbox like every other message (its row
names the incoming message), so it is sent once, by the dispatcher.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from rsvp.models import MessageChannel


class IncomingMessage(models.Model):
    message_sid = models.CharField(max_length=64, unique=True)
    phone = models.CharField(_("mobile phone"), max_length=20)
    channel = models.CharField(
        _("channel"), max_length=10, choices=MessageChannel.choices, default=MessageChannel.SMS
    )
    # The answer, decided when the message came in: it says what was done then (a
    # registration cancelled, a choice offered), not what is true when it goes.
    language = models.CharField(_("language"), max_length=2, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("incoming text message")
        verbose_name_plural = _("incoming text messages")
        indexes = [models.Index(fields=["phone", "channel", "created_at"])]

    def __str__(self):
        return f"Incoming message {self.pk} ({self.channel})"


class ReplyAction(models.TextChoices):
    CANCEL = "cancel", _("Cancel")
    CONFIRM = "confirm", _("Confirm")


class PendingChoice(models.Model):
    """A numbered list sent to a number with several registrations: the next reply
    with a number acts on that one, until the choice expires."""

    phone = models.CharField(_("mobile phone"), max_length=20, unique=True)
    action = models.CharField(max_length=8, choices=ReplyAction.choices)
    # RSVP ids in the order of the numbers sent (1 is the first).
    rsvp_ids = models.JSONField(default=list)
    language = models.CharField(max_length=2)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = _("pending choice")
        verbose_name_plural = _("pending choices")

    def __str__(self):
        return f"Pending choice {self.pk} ({self.action})"
