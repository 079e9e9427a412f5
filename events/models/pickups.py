"""Pickup points: where the van stops, and when.

Translatable inline rows: each language gets its own copy of the text, and the copies
share a translation_key, which is what an RSVP stores to name its pickup point.

A pickup time is written for the event's usual start (the page's "starts at"). A date
that starts at another time — moved by hand, or added at another hour — keeps the
same lead: the van leaves as long before its start as before the usual one
(docs/dates.md, "Pickup times").
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class PickupPoint(TranslatableMixin, Orderable):
    event = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="pickup_points")
    name = models.CharField(_("place"), max_length=120, help_text=_("e.g. Église Sainte-Edwidge"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    time = models.TimeField(_("pickup time"), help_text=_("Local time on the day of the activity."))
    notes = models.CharField(_("notes"), max_length=255, blank=True)
    # Filled from a town or postal code in the address when staff save; a worker near
    # a pickup point is near the activity (events/services/nearby.py).
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Filled in from the town or postal code of the address when you save. "
            "Correct it if the stop is elsewhere. Leave both empty if you do not know."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("West is negative: about -71.8 in Coaticook."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("time"),
        FieldPanel("notes"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    override_translatable_fields = [
        SynchronizedField("address"),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
    ]

    api_fields = [
        APIField("name"),
        APIField("address"),
        APIField("time"),
        APIField("notes"),
        APIField("latitude"),
        APIField("longitude"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("pickup point")
        verbose_name_plural = _("pickup points")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})

    def save(self, *args, **kwargs):
        # A pickup point always has its page's language. Copying a page for
        # translation can save the copied rows before their locale is switched,
        # which would collide with the source rows on (translation_key, locale).
        if self.event_id:
            self.locale_id = self.event.locale_id
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.name} ({self.time:%H:%M})"

    def at(self, date, rule=None):
        """When the van stops here for `date`, aware in the event's zone.

        `rule` is the event's original page (the one whose times made the dates),
        `date.event` by default. Wall-clock arithmetic: a weekly 9:15 stays 9:15
        across a clock change, like the 10:00 it goes with.
        """
        rule = rule or date.event
        zone = ZoneInfo(rule.timezone)
        start = date.start.astimezone(zone)
        usual_start = dt.datetime.combine(start.date(), rule.start_time)
        lead = usual_start - dt.datetime.combine(start.date(), self.time)
        return (start.replace(tzinfo=None) - lead).replace(tzinfo=zone)

    def label_on(self, date, rule=None):
        """ "Église (09:15)" with the time of that date, for staff's lists."""
        return f"{self.name} ({self.at(date, rule):%H:%M})"
