from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField


class HomePage(Page):
    intro = models.CharField(
        _("welcome line"), max_length=200, blank=True, help_text=_("One short sentence.")
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["events.ActivitiesIndexPage", "events.OrganizationPage", "home.ContentPage"]

    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        from events.models import Category
        from events.services.listing import upcoming
        from events.services.when import this_weekend

        context = super().get_context(request, *args, **kwargs)
        start, end = this_weekend()
        # On the weekend itself, what is already over is no longer "this weekend".
        context["weekend"] = upcoming(
            self.locale, now=max(start, timezone.now()), until=end, limit=20
        )
        context["categories"] = list(Category.objects.filter(locale=self.locale))
        return context

    class Meta:
        verbose_name = _("home page")


class ContentPurpose(models.TextChoices):
    ABOUT = "about", _("About")
    PRIVACY = "privacy", _("Privacy")
    HOW_IT_WORKS = "how-it-works", _("How it works")
    OTHER = "other", _("Other")


class ContentPage(Page):
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
