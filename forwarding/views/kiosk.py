"""A screen in a bunkhouse or a community centre: the region's next days, refreshed alone."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from core.links import absolute
from forwarding.services import regional

# The refresh is the point of this page: an unattended screen nobody reads up close.
# Nothing on the public site links here, so no visitor gets a page that reloads
# under them (WCAG 2.2.1); axe's meta-refresh rule flags this page on purpose.
REFRESH_SECONDS = 300


def kiosk(request, region):
    if not regional.is_region(region):
        raise Http404
    return render(
        request,
        "forwarding/kiosk.html",
        {
            "kiosk": regional.kiosk(region, get_language()),
            "region_name": regional.region_name(region),
            "refresh_seconds": REFRESH_SECONDS,
            # Written out for people to type or photograph: nothing is clickable here.
            "digest_url": absolute(reverse("events_digest_subscribe") + f"?region={region}"),
        },
    )
