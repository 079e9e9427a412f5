"""The event page: one activity, in one language; its dates are shared (see dates.py)."""

import datetime as dt
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.formatting import format_clock
from core.languages import LanguageSetField, language_names
from core.originals import original_page
from core.pages import PageViewsMixin
from core.serving import LeanServingMixin
from events import date_limits
from organizations.models import Region

from .dates import EventDate

MAX_WEEKLY_DATES = 60
MAX_REMINDER_HOURS_BEFORE = 48


COORDINATES_HELP = _(
    "Filled in from the municipality when you save, if it is a known Québec town. "
    "Correct it if the place is elsewhere (about 45.13 in Coaticook); distance "
    "searches use it. Leave both empty if you do not know."
)


def default_timezone():
    return settings.TIME_ZONE


# The settings are only the defaults of new activities; each page then keeps its own.
def default_reminder_day_before_at():
    return dt.time(settings.ENSEMBLE_REMINDER_DAY_BEFORE_HOUR)


def default_reminder_hours_before():
    return settings.ENSEMBLE_REMINDER_HOURS_BEFORE


def in_quiet_hours(value):
    start, end = settings.ENSEMBLE_QUIET_HOURS
    return value.hour >= start or value.hour < end


class EventPage(PageViewsMixin, LeanServingMixin, Page):
    summary = models.CharField(
        _("short summary"), max_length=200, help_text=_("One plain sentence, shown in lists.")
    )
    body = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    category = models.ForeignKey(
        "events.Category", verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Schedule: wall-clock times in the event's zone, so a weekly 10:00 stays 10:00
    # across daylight-saving changes.
    first_date = models.DateField(_("date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    repeat_weekly_until = models.DateField(
        _("repeat weekly until"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a single date. Each date can then be moved or cancelled."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=40,
        default=default_timezone,
        choices=settings.ENSEMBLE_EVENT_TIMEZONES,
    )

    place_name = models.CharField(_("place"), max_length=150)
    address = models.CharField(_("address"), max_length=255, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    region = models.CharField(_("region"), max_length=2, choices=Region.choices, db_index=True)
    # Filled from the municipality (or the address) when staff save, if it is a known
    # Québec town (events/services/coordinates.py); staff may correct them.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=COORDINATES_HELP,
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

    transport_provided = models.BooleanField(_("transport provided"), default=False)
    bring_bike = models.BooleanField(_("bring your bike"), default=False)
    transport_notes = models.TextField(_("transport notes"), blank=True)

    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), date_limits.SeatsValidator()],
        help_text=_("Per date. Empty means no limit."),
    )
    max_party_size = models.PositiveSmallIntegerField(
        _("largest party"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("How many people one registration may bring, the person included."),
    )
    waitlist_allowed = models.BooleanField(_("waiting list when full"), default=True)
    # Reminder times belong to the event (its original page reads them for every
    # date); empty switches that reminder off.
    reminder_day_before_at = models.TimeField(
        _("reminder the day before, at"),
        null=True,
        blank=True,
        default=default_reminder_day_before_at,
        help_text=_(
            "Local time of the reminder sent the day before each date. Leave empty to send none."
        ),
    )
    reminder_hours_before = models.PositiveSmallIntegerField(
        _("reminder on the day, hours before"),
        null=True,
        blank=True,
        default=default_reminder_hours_before,
        help_text=_(
            "How many hours before the start the last reminder goes. Leave empty to send none."
        ),
    )
    group_rsvp_allowed = models.BooleanField(
        _("group registrations"),
        default=True,
        help_text=_("A farm owner or crew leader may register a group of workers."),
    )
    spoken_languages = LanguageSetField(_("languages spoken at the activity"))
    price = models.DecimalField(
        _("cost"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In dollars. Leave empty if it is free."),
    )
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    accessibility_notes = models.TextField(_("accessibility"), blank=True)

    parent_page_types = ["organizations.OrganizationPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("category"),
        FieldPanel("body"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("first_date"), FieldPanel("start_time"), FieldPanel("end_time")]
                ),
                FieldPanel("repeat_weekly_until"),
                FieldPanel("timezone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("transport_provided"), FieldPanel("bring_bike")]),
                FieldPanel("transport_notes"),
                InlinePanel("pickup_points", label=_("Pickup points")),
            ],
            heading=_("Getting there"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_party_size")]),
                FieldRowPanel([FieldPanel("waitlist_allowed"), FieldPanel("group_rsvp_allowed")]),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("reminder_day_before_at"), FieldPanel("reminder_hours_before")]
                )
            ],
            heading=_("Reminders"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("spoken_languages"),
                FieldPanel("price"),
                FieldPanel("what_to_bring"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Practical information"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place_name"),
        index.SearchField("municipality"),
        index.FilterField("region"),
    ]

    override_translatable_fields = [
        SynchronizedField("address"),
        SynchronizedField("municipality"),
        SynchronizedField("timezone"),
        SynchronizedField("spoken_languages"),
        # One place for every language: distances are measured on the original page.
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        # Read from the original page only; translations carry the same values.
        SynchronizedField("reminder_day_before_at", overridable=False),
        SynchronizedField("reminder_hours_before", overridable=False),
    ]

    # Public facts only: pages hold no personal data (RSVPs live elsewhere).
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("category_slug"),
        APIField("category_name"),
        APIField("image"),
        APIField("timezone"),
        APIField("upcoming_dates"),
        APIField("place_name"),
        APIField("address"),
        APIField("municipality"),
        APIField("region"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("transport_provided"),
        APIField("bring_bike"),
        APIField("transport_notes"),
        APIField("pickup_points"),
        APIField("capacity"),
        APIField("spoken_languages"),
        APIField("price"),
        APIField("what_to_bring"),
        APIField("accessibility_notes"),
    ]

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    # -- validation ---------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and not self.times_in_order():
            errors["end_time"] = _("The activity must end after it starts.")
        errors.update(self.rule_errors())
        if (
            self.capacity is not None
            and self.max_party_size
            and self.max_party_size > self.capacity
        ):
            errors["max_party_size"] = _("A party cannot be larger than the number of seats.")
        errors.update(self.reminder_errors())
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if errors:
            raise ValidationError(errors)

    def rule_errors(self):
        """The weekly rule's days: inside the date window (docs/dates.md, "Sane dates")
        when the rule changes, at most MAX_WEEKLY_DATES of them, and clock times that
        exist on each. An activity whose days were set long ago keeps them when
        anything else on its page is edited."""
        first, until = self.first_date, self.repeat_weekly_until
        if not first:
            return {}
        stored = self.stored_rule()
        errors = {}
        days_changed = stored is None or stored["first_date"] != first
        days_changed = days_changed or stored["repeat_weekly_until"] != until
        if days_changed:
            for name, day in (("first_date", first), ("repeat_weekly_until", until)):
                if day and (message := date_limits.day_error(day)):
                    errors[name] = message
        if errors:
            return errors
        if until and until < first:
            errors["repeat_weekly_until"] = _("The last repeat cannot be before the first date.")
        elif until and (until - first).days // 7 + 1 > MAX_WEEKLY_DATES:
            errors["repeat_weekly_until"] = _(
                "A series can have at most %(count)s weekly dates."
            ) % {"count": MAX_WEEKLY_DATES}
        elif self.times_in_order() and stored != self.rule_values():
            errors.update(self.skipped_time_errors())
        return errors

    def times_in_order(self):
        return bool(self.start_time and self.end_time and self.end_time > self.start_time)

    RULE_FIELDS = ("first_date", "repeat_weekly_until", "start_time", "end_time", "timezone")

    def rule_values(self):
        return {name: getattr(self, name) for name in self.RULE_FIELDS}

    def stored_rule(self):
        """The rule as the page's row holds it (the published one: drafts live in
        revisions), or None for a new page."""
        if self.pk is None:
            return None
        return EventPage.objects.filter(pk=self.pk).values(*self.RULE_FIELDS).first()

    def skipped_time_errors(self):
        """A start or end the clocks skip on one of the rule's days (spring forward)."""
        if self.timezone not in dict(settings.ENSEMBLE_EVENT_TIMEZONES):
            return {}  # the field says what is wrong
        first, last = date_limits.date_window()
        weeks = ((self.repeat_weekly_until or self.first_date) - self.first_date).days // 7
        for week in range(weeks + 1):
            day = self.first_date + dt.timedelta(weeks=week)
            if not first <= day <= last:
                continue  # a day set long ago, left as it is (see rule_errors)
            for name in ("start_time", "end_time"):
                time = getattr(self, name)
                if message := date_limits.skipped_time_error(day, time, self.timezone):
                    return {name: message}
        return {}

    def reminder_errors(self):
        errors = {}
        hours = self.reminder_hours_before
        if hours is not None and not 1 <= hours <= MAX_REMINDER_HOURS_BEFORE:
            errors["reminder_hours_before"] = _(
                "Give a number of hours from %(min)s to %(max)s, or leave it empty "
                "for no reminder on the day."
            ) % {"min": 1, "max": MAX_REMINDER_HOURS_BEFORE}
        at = self.reminder_day_before_at
        if at is not None and in_quiet_hours(at):
            start, end = settings.ENSEMBLE_QUIET_HOURS
            errors["reminder_day_before_at"] = _(
                "Reminders do not go at night (%(start)s to %(end)s): choose a time "
                "between %(end)s and %(start)s, or leave it empty."
            ) % {"start": format_clock(dt.time(start)), "end": format_clock(dt.time(end))}
        return errors

    def original(self):
        """The first page of the translation group: it owns the dates and the rules."""
        return original_page(self)

    def is_original(self):
        return getattr(self.original(), "pk", None) == self.pk

    def shared_dates(self):
        return EventDate.objects.for_event(self)

    # -- presentation helpers ------------------------------------------------------

    @cached_property
    def organization(self):
        return self.get_parent().specific

    @property
    def category_slug(self):
        return self.category.slug

    @property
    def category_name(self):
        return self.category.name

    @property
    def upcoming_dates(self):
        return [
            {
                "start": date.start.isoformat(),
                "end": date.end.isoformat(),
                "status": date.status,
                "uid": date.uid,
            }
            for date in self.shared_dates().upcoming()
        ]

    @property
    def is_free(self):
        return not self.price

    @property
    def spoken_language_names(self):
        return language_names(self.spoken_languages)

    @property
    def map_url(self):
        """A universal maps link: opens the maps app on Android and iPhone."""
        if self.latitude is not None and self.longitude is not None:
            query = f"{self.latitude},{self.longitude}"
        else:
            query = ", ".join(p for p in (self.place_name, self.address, self.municipality) if p)
        return f"https://www.google.com/maps/search/?api=1&query={quote(query)}"
