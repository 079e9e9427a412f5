from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from core.pages import PageViewsMixin
from core.serving import LeanServingMixin


class HomePage(PageViewsMixin, LeanServingMixin, Page):
    intro = models.CharField(
        _("welcome line"), max_length=200, blank=True, help_text=_("One short sentence.")
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "events.ActivitiesIndexPage",
        "organizations.OrganizationPage",
        "home.ContentPage",
    ]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")


class ContentPurpose(models.TextChoices):
    ABOUT = "about", _("About")
    PRIVACY = "privacy", _("Privacy")
    HOW_IT_WORKS = "how-it-works", _("How it works")
    OTHER = "other", _("Other")


class ContentPage(LeanServingMixin, Page):
    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=ContentPurpose.choices,
        default=ContentPurpose.OTHER,
        help_text=_("About and privacy pages are linked from every page's footer."),
    )
    body = RichTextField(_("text"), features=["h2", "h3", "bold", "italic", "ul", "ol", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("body")]
    settings_panels = Page.settings_panels + [FieldPanel("purpose")]

    override_translatable_fields = [SynchronizedField("purpose")]

    class Meta:
        verbose_name = _("content page")
