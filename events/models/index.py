"""The activities index: one per language, under the home page."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.serving import LeanServingMixin


class ActivitiesIndexPage(LeanServingMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    def serve(self, request, *args, **kwargs):
        from events.services.discovery import read_filters
        from events.services.region_choice import apply_region_cookie, remembered_region

        discovery = read_filters(request.GET, self.locale_id, remembered_region(request))
        response = TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            self.get_context(request, *args, discovery=discovery, **kwargs),
        )
        return apply_region_cookie(request, response, discovery.region_to_remember)

    def get_context(self, request, *args, discovery=None, **kwargs):
        from events.services.discovery import pagination_links, read_filters, search

        context = super().get_context(request, *args, **kwargs)
        if discovery is None:  # previews and other callers that skip serve()
            discovery = read_filters(request.GET, self.locale_id)
        results = search(discovery.filters, self.locale_id, request.GET.get("page"))
        context.update(
            discovery=discovery,
            filters=discovery.filters,
            form=discovery.form,
            results=results,
            days=results.days,
            pagination=dict(pagination_links(results, discovery.filters)),
            forget_region_query=discovery.filters.querystring(region=""),
            # The calendar feed can follow these filters; the others (dates, ride,
            # cost, words) only make sense on the page.
            feed_filters={
                "region": discovery.filters.region,
                "category": discovery.filters.category,
                "organization": discovery.filters.organization,
            },
        )
        return context

    class Meta:
        verbose_name = _("activities index")
