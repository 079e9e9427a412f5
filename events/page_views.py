"""What the activity pages show (registered in EventsConfig.ready(), see core/pages.py)."""

from django.template.response import TemplateResponse
from wagtail.images import get_image_model

from events.models import EventPage
from events.services.discovery import pagination_links, read_filters, search
from events.services.listing import upcoming
from events.services.previews import event_json_ld, image_specs, json_ld_script, open_graph
from events.services.region_choice import apply_region_cookie, remembered_region


def event_context(page, request, context, **kwargs):
    # The original page comes along (it holds the registration rules), and so do
    # the seats taken, so the RSVP section needs no query of its own.
    dates = list(page.shared_dates().upcoming().select_related("event").with_confirmed_seats())
    next_date = next((d for d in dates if not d.is_cancelled), None)
    image = None
    if page.image_id:
        image = (
            get_image_model()
            .objects.prefetch_renditions(*image_specs())
            .filter(pk=page.image_id)
            .first()
        )
    context["dates"] = dates
    context["next_date"] = next_date
    context["pickups"] = list(page.pickup_points.all())
    context["organization"] = page.organization
    context["image"] = image
    context["canonical_url"] = page.get_full_url(request)
    context["open_graph"] = open_graph(page, next_date, image, request)
    context["json_ld"] = json_ld_script(
        event_json_ld(page, dates, page.organization, image, request)
    )


def serve_index(page, request, *args, **kwargs):
    discovery = read_filters(request.GET, page.locale_id, remembered_region(request))
    response = TemplateResponse(
        request,
        page.get_template(request, *args, **kwargs),
        page.get_context(request, *args, discovery=discovery, **kwargs),
    )
    return apply_region_cookie(request, response, discovery.region_to_remember)


def index_context(page, request, context, discovery=None, **kwargs):
    if discovery is None:  # callers that skip serve()
        discovery = read_filters(request.GET, page.locale_id)
    results = search(discovery.filters, page.locale_id, request.GET.get("page"))
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
            **{k: v for k, v in discovery.filters.params().items() if k in ("near", "km")},
        },
    )


def organization_context(page, request, context, **kwargs):
    events = page.get_children().live().type(EventPage)
    context["upcoming"] = upcoming(page.locale_id, pages=events, limit=30)
