"""The visitor's region, remembered in a cookie (no account needed).

Picking a region on the home page or the listing remembers it; picking "All regions"
forgets it. A remembered region is only a default: a region in the address wins, so
shared links show what the sender saw.
"""

from dataclasses import dataclass

from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from organizations.models import Region

REGION_COOKIE = "region"
REGION_COOKIE_MAX_AGE = 365 * 24 * 3600


@dataclass
class RegionChoice:
    region: str = ""
    # What to store in the cookie: a code, "" to forget it, None to leave it as is.
    to_remember: str | None = None
    remembered: bool = False
    problem: str = ""


def remembered_region(request):
    value = request.COOKIES.get(REGION_COOKIE, "")
    return value if value in Region.values else ""


def region_from_query(query, request):
    remembered = remembered_region(request)
    if "region" not in query:
        return RegionChoice(region=remembered, remembered=bool(remembered))
    values = set(query.getlist("region"))
    value = values.pop() if len(values) == 1 else None
    if value is None or value not in ("", *Region.values):
        problem = _("The region was ignored: this choice does not exist.")
        return RegionChoice(region=remembered, remembered=bool(remembered), problem=problem)
    return RegionChoice(region=value, to_remember=value)


def apply_region_cookie(request, response, to_remember):
    """Store or forget the region; pages that read the cookie vary on it."""
    patch_vary_headers(response, ["Cookie"])
    if to_remember:
        response.set_cookie(
            REGION_COOKIE,
            to_remember,
            max_age=REGION_COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    elif to_remember == "" and REGION_COOKIE in request.COOKIES:
        response.delete_cookie(REGION_COOKIE, samesite="Lax")
    return response
