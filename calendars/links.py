"""Addresses of the feeds, and the links that hand them to calendar apps.

Feed addresses are absolute (settings.BASE_URL): they are copied into other
people's calendars. French, the default, is left out of the query string so
each feed has one address.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.urls import reverse

from calendars.entries import location
from calendars.filters import DEFAULT_LANGUAGE, FEED_PARAMETERS

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
GOOGLE_SUBSCRIBE = "https://calendar.google.com/calendar/r"
# Google shows an error for event links much longer than this.
_GOOGLE_DETAILS_MAX = 1000


def absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def _with_query(url: str, params: dict[str, str]) -> str:
    return f"{url}?{urlencode(params)}" if params else url


def _lang_param(lang: str | None) -> dict[str, str]:
    return {"lang": lang} if lang and lang != DEFAULT_LANGUAGE else {}


def events_feed_url(filters: Mapping | None = None, **more) -> str:
    """/feeds/events.ics for filters such as ``{"region": "05", "lang": "es"}``.

    Empty values are left out; a category or organization may be given as its
    object or its slug. Other keys raise ValueError: the feed cannot filter
    on them, and a broader feed than the one offered would mislead.
    """
    wanted = {**(filters or {}), **more}
    unknown = set(wanted) - set(FEED_PARAMETERS)
    if unknown:
        raise ValueError(f"not a feed filter: {', '.join(sorted(unknown))}")
    params = {}
    for name in FEED_PARAMETERS:
        value = wanted.get(name)
        value = getattr(value, "slug", value)
        if value and not (name == "lang" and value == DEFAULT_LANGUAGE):
            params[name] = str(value)
    return _with_query(absolute(reverse("calendar:events")), params)


def organization_feed_url(organization, lang: str | None = None) -> str:
    lang = lang or organization.locale.language_code
    url = absolute(reverse("calendar:organization", args=[organization.slug]))
    return _with_query(url, _lang_param(lang))


def event_ics_url(page) -> str:
    """Every date of the activity, in the page's language."""
    return reverse("calendar:event", args=[page.pk])


def date_ics_url(date, lang: str | None = None) -> str:
    return _with_query(reverse("calendar:date", args=[date.pk]), _lang_param(lang))


def webcal_url(url: str) -> str:
    """The same address with the webcal scheme, which phones open as a subscription."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", *parts[1:]))


def google_subscribe_url(feed_url: str) -> str:
    return _with_query(GOOGLE_SUBSCRIBE, {"cid": webcal_url(feed_url)})


def google_event_url(date, page, page_url: str) -> str:
    """Google Calendar's "create event" form, filled in for one date."""
    fmt = "%Y%m%dT%H%M%SZ"
    details = f"{page.summary}\n\n{page_url}"
    if len(details) > _GOOGLE_DETAILS_MAX:
        details = page_url
    params = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": f"{date.start.astimezone(UTC):{fmt}}/{date.end.astimezone(UTC):{fmt}}",
        "details": details,
        "location": location(page),
        "ctz": page.timezone,
    }
    return _with_query(GOOGLE_TEMPLATE, params)
