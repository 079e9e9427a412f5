"""The activities index: one per language, under the home page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class ActivitiesIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        from events.services.listing import group_by_day, upcoming

        context = super().get_context(request, *args, **kwargs)
        context["days"] = group_by_day(upcoming(self.locale, limit=60))
        return context

    class Meta:
        verbose_name = _("activities index")
