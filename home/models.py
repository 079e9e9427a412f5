from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from home.serving import LeanServingMixin


class HomePage(LeanServingMixin, Page):
    intro = models.CharField(
        _("welcome line"), max_length=200, blank=True, help_text=_("One short sentence.")
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["events.ActivitiesIndexPage", "events.OrganizationPage", "home.ContentPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    def serve(self, request, *args, **kwargs):
        from django.template.response import TemplateResponse

        from events.services.region_choice import apply_region_cookie, region_from_query

        choice = region_from_query(request.GET, request)
        response = TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            self.get_context(request, *args, region_choice=choice, **kwargs),
        )
        return apply_region_cookie(request, response, choice.to_remember)

    def get_context(self, request, *args, region_choice=None, **kwargs):
        from events.forms.filters import RegionForm
        from events.models import Region
        from events.services.discovery import filter_choices, weekend_for
        from events.services.region_choice import RegionChoice

        context = super().get_context(request, *args, **kwargs)
        choice = region_choice or RegionChoice()
        context["region_choice"] = choice
        context["region_name"] = dict(Region.choices).get(choice.region, "")
        context["region_form"] = RegionForm(initial={"region": choice.region})
        context["weekend_days"] = weekend_for(self.locale_id, region=choice.region)
        context["categories"] = filter_choices(self.locale_id)["categories"]
        return context

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
