"""Subscriptions to the weekly digest ("this weekend near you"), by e-mail or SMS.

No account: a subscription is a contact (an E.164 phone or a lowercased e-mail) with
its regions and language. The contact is personal data: it is shown to nobody but
its owner (in the messages sent to it), never logged, and `str()` leaves it out.

A request (new subscription, or a change to an existing one) is kept beside what is
in force until the contact confirms it (docs/digest.md): whoever types someone
else's contact changes nothing and learns nothing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organizations.models.regions import Region
from rsvp.models.outbox import MessageChannel


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    ACTIVE = "active", _("Active")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


def split_regions(value):
    """Region codes stored as "05 16" (one column, as languages are), known codes only."""
    return [code for code in (value or "").split() if code in Region.values]


def join_regions(codes):
    return " ".join(sorted(set(codes) & set(Region.values)))


class DigestSubscription(models.Model):
    # Digests go by SMS or e-mail only (WhatsApp carries reminders, docs/replies.md).
    channel = models.CharField(
        _("channel"),
        max_length=5,
        choices=[(c.value, c.label) for c in (MessageChannel.SMS, MessageChannel.EMAIL)],
    )
    contact = models.CharField(_("contact"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    # Space-separated region codes ("05 16"): a one-table filter, like
    # EventPage.spoken_languages; Region is a list of choices, not a table.
    regions = models.CharField(_("regions"), max_length=60, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
    )
    # The latest request, waiting for confirmation. `requests` counts them and
    # numbers the confirmation message (OutboxMessage.date_version), so a newer
    # request voids the older link or code. The code itself is never stored: it is
    # derived from (id, request number) with the site's secret (events/services/
    # subscriptions.py), so the outbox row can render it at send time.
    requested_regions = models.CharField(max_length=60, blank=True)
    requested_language = models.CharField(max_length=2, blank=True)
    requests = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(null=True, blank=True)
    request_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "events_digestsubscription"  # kept from before the app split
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "contact"], name="one_subscription_per_contact"
            )
        ]
        indexes = [models.Index(fields=["status"], name="subscription_status")]

    def __str__(self):
        # No contact: this string can end up in logs.
        return f"Digest subscription {self.pk} ({self.channel}, {self.status})"

    @property
    def region_codes(self):
        return split_regions(self.regions)

    @property
    def requested_region_codes(self):
        return split_regions(self.requested_regions)

    @property
    def phone(self):
        return self.contact if self.channel == MessageChannel.SMS else ""

    @property
    def email(self):
        return self.contact if self.channel == MessageChannel.EMAIL else ""
