"""Partner calendars (iCal feeds) an organization imports, and what each import made.

The import keeps, per event and per date, a hash of what it last wrote: when the
page or the date no longer matches it, staff changed it by hand and the import
leaves it alone (docs/imports.md).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    NEVER = "never", _("Not imported yet")
    OK = "ok", _("Imported")
    REFUSED = "refused", _("Refused")


class PartnerFeed(models.Model):
    # The organization's original page (the first of its translation group).
    organization = models.ForeignKey(
        "organizations.OrganizationPage",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    url = models.CharField(
        _("calendar address"),
        max_length=500,
        help_text=_("The iCal or webcal address the partner publishes (https:// or webcal://)."),
    )
    category = models.ForeignKey(
        "events.Category",
        verbose_name=_("category of imported activities"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    trusted = models.BooleanField(
        _("trusted partner"),
        default=False,
        help_text=_(
            "Imported activities are published at once instead of waiting as drafts. "
            "Only site administrators can change this."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_run_at = models.DateTimeField(_("last import"), null=True, blank=True)
    last_status = models.CharField(
        _("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.NEVER
    )
    # A refusal's code and values, put into words in the reader's language
    # (partner_feeds/services/refusals.py).
    last_refusal = models.JSONField(default=dict, blank=True)
    last_counts = models.JSONField(default=dict, blank=True)
    last_notes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["organization__title", "url"]
        verbose_name = _("partner calendar")
        verbose_name_plural = _("partner calendars")
        constraints = [
            models.UniqueConstraint(fields=["organization", "url"], name="one_feed_per_address")
        ]

    def __str__(self):
        return self.url


class ImportedEvent(models.Model):
    """One UID of a feed, and the event page made from it."""

    feed = models.ForeignKey(PartnerFeed, on_delete=models.CASCADE, related_name="events")
    uid = models.CharField(max_length=255)
    # Empty once staff delete the page: the import then never makes it again.
    page = models.ForeignKey(
        "events.EventPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sequence = models.IntegerField(default=0)
    # Field name -> hash of the value last imported.
    hashes = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "uid"], name="one_page_per_uid")]

    def __str__(self):
        return self.uid


class ImportedDate(models.Model):
    """One occurrence (UID + RECURRENCE-ID) and the shared date row made from it."""

    event = models.ForeignKey(ImportedEvent, on_delete=models.CASCADE, related_name="dates")
    key = models.CharField(max_length=40)
    date = models.OneToOneField("events.EventDate", on_delete=models.CASCADE, related_name="+")
    # Hash of start, end and status as last imported.
    state = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "key"], name="one_date_per_occurrence")
        ]

    def __str__(self):
        return f"{self.event_id} {self.key}"
