"""What the home page shows (registered in HomeConfig.ready(), see core/pages.py)."""

from django.template.response import TemplateResponse

from events.forms import RegionForm
from events.services.discovery import filter_choices, weekend_for
from events.services.region_choice import (
    RegionChoice,
    apply_region_cookie,
    region_from_query,
)
from organizations.models import Region


def serve_home(page, request, *args, **kwargs):
    choice = region_from_query(request.GET, request)
    response = TemplateResponse(
        request,
        page.get_template(request, *args, **kwargs),
        page.get_context(request, *args, region_choice=choice, **kwargs),
    )
    return apply_region_cookie(request, response, choice.to_remember)


def home_context(page, request, context, region_choice=None, **kwargs):
    choice = region_choice or RegionChoice()
    context["region_choice"] = choice
    context["region_name"] = dict(Region.choices).get(choice.region, "")
    context["region_form"] = RegionForm(initial={"region": choice.region})
    context["weekend_days"] = weekend_for(page.locale_id, region=choice.region)
    context["categories"] = filter_choices(page.locale_id)["categories"]
