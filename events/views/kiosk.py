"""A screen in a bunkhouse or a community centre: the region's next days, refreshed alone."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from events.services import regional

REFRESH_SECONDS = 300


def kiosk(request, region):
    if not regional.is_region(region):
        raise Http404
    return render(
        request,
        "events/kiosk.html",
        {
            "kiosk": regional.kiosk(region, get_language()),
            "region_name": regional.region_name(region),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )
