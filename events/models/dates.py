"""The dates of an event, shared by all of its translations.

A date belongs to the event's original page (the first page of its translation
group), never to a translated copy: wagtail-localize copies inline children into
each translation, which would split seats and RSVPs by language. Every language
version reads the same rows through `for_event()`.
"""

from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.date_limits import SeatsValidator


class DateStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class EventDateQuerySet(models.QuerySet):
    def for_event(self, page):
        return self.filter(event__translation_key=page.translation_key)

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now())

    def scheduled(self):
        return self.filter(status=DateStatus.SCHEDULED)

    def with_confirmed_seats(self):
        """Each date with the seats its confirmed RSVPs hold, as `confirmed_seats`.

        The rsvp app sits above this one, so its status is named by value here
        (RsvpStatus.CONFIRMED; tests/rsvp/test_rsvp_seats.py checks they agree).
        """
        confirmed = Q(rsvps__status="confirmed")
        # Django leaves Meta.ordering out of aggregating queries: order explicitly.
        return self.annotate(
            confirmed_seats=Coalesce(Sum("rsvps__party_size", filter=confirmed), 0)
        ).order_by("start", "pk")


class EventDate(models.Model):
    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("event")
    )
    # The local day the weekly rule put this date on; empty for dates added by hand.
    # Rule changes find "their" dates by this day, so moved or cancelled dates keep
    # their identity (and iCalendar UID) when the rest of the series changes.
    occurrence_date = models.DateField(_("series day"), null=True, blank=True, editable=False)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    status = models.CharField(
        _("status"), max_length=12, choices=DateStatus.choices, default=DateStatus.SCHEDULED
    )
    # Set when someone moved this date by itself: changes to the series' times leave it be.
    moved = models.BooleanField(_("moved by hand"), default=False)
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        validators=[SeatsValidator()],
        help_text=_("Empty means no limit."),
    )
    # Raised whenever time, place or status changes (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    objects = EventDateQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_date"],
                condition=models.Q(occurrence_date__isnull=False),
                name="unique_series_day_per_event",
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="date_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["start"]), models.Index(fields=["status", "end"])]

    def __str__(self):
        return f"{self.event_id} @ {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self):
        return self.status == DateStatus.CANCELLED

    @property
    def uid(self):
        """iCalendar UID: one per date, the same in every language, never reused."""
        return f"date-{self.pk}@ensemble"
