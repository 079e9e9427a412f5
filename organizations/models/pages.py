"""Organization pages: a profile, how to reach them, and the root of their editors' rights."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.languages import LanguageSetField, language_names
from core.pages import PageViewsMixin
from core.phones import display_phone, normalize_phone, tel_url, validate_phone, whatsapp_url
from core.serving import LeanServingMixin
from organizations.models.regions import Region


def EventPageType():
    # The events app sits above this one: its page class is looked up, not imported.
    return apps.get_model("events", "EventPage")


class OrganizationPage(PageViewsMixin, LeanServingMixin, Page):
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    intro = RichTextField(_("presentation"), blank=True, features=["bold", "italic", "link"])
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        validators=[validate_phone],
        help_text=_("Shown with a call button."),
    )
    whatsapp = models.CharField(
        _("WhatsApp number"),
        max_length=20,
        blank=True,
        validators=[validate_phone],
        help_text=_("Leave empty if the organization is not on WhatsApp."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100)
    region = models.CharField(_("region"), max_length=2, choices=Region.choices)
    staff_languages = LanguageSetField(_("languages spoken by the staff"))

    # Set when the organization is first saved; shared by every translation.
    staff_group = models.ForeignKey(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        Collection,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    content_panels = Page.content_panels + [
        FieldPanel("full_name"),
        FieldPanel("intro"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("whatsapp"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("staff_languages"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("municipality"), FieldPanel("region")],
            heading=_("Location"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("full_name")]

    override_translatable_fields = [
        SynchronizedField("full_name"),
        SynchronizedField("phone"),
        SynchronizedField("whatsapp"),
        SynchronizedField("address"),
        SynchronizedField("municipality"),
        SynchronizedField("staff_languages"),
        SynchronizedField("staff_group"),
        SynchronizedField("collection"),
    ]

    # The organization's public contact details; staff_group and collection stay private.
    api_fields = [
        APIField("full_name"),
        APIField("intro"),
        APIField("logo"),
        APIField("phone"),
        APIField("whatsapp"),
        APIField("email"),
        APIField("website"),
        APIField("address"),
        APIField("municipality"),
        APIField("region"),
        APIField("staff_languages"),
    ]

    class Meta:
        db_table = "events_organizationpage"  # kept from before the app split
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        errors = {}
        for field in ("phone", "whatsapp"):
            value = getattr(self, field)
            if value:
                try:
                    setattr(self, field, normalize_phone(value))
                except ValidationError as error:
                    errors[field] = error
        if errors:
            raise ValidationError(errors)

    def route_child_queryset(self, slug):
        # Events are the only children: fetch them specific, with what their page shows.
        queryset = (
            EventPageType()
            .objects.child_of(self)
            .filter(slug=slug)
            .select_related("category", "image", "locale")
        )
        return queryset, []

    @property
    def phone_display(self):
        return display_phone(self.phone)

    @property
    def tel_url(self):
        return tel_url(self.phone)

    @property
    def whatsapp_url(self):
        return whatsapp_url(self.whatsapp)

    @property
    def staff_language_names(self):
        return language_names(self.staff_languages)
