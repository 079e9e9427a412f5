"""The answer to ACTIVITÉS / ACTIVIDADES / ACTIVITIES: the next seven days' activities
in two SMS segments at most, and one link to the full list (docs/replies.md).

The list is cut to what fits: activities in start order, each "title day time", the
titles shortened before any activity is left out, then "…" for those that did not
fit. The link is never cut; it opens the activities listing in the sender's language,
filtered to the region (or the town and the radius) and the same seven days.

A town or a postal code ("ACTIVIDADES Saint-Rémi") gives the activities within
DEFAULT_KM of it, from their place or nearest pickup point; of two places of one
name, the best known is taken and named in the answer (a text message cannot offer
links to choose from). An unknown place is said so, and every region is listed.
"""

import unicodedata
from urllib.parse import quote

from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.formatting import format_short_datetime
from core.when import next_days
from events.services.listing import localize_dates, upcoming_dates
from events.services.nearby import origin_for, within
from forwarding.services.regional import listing_url, region_name
from notifications.sms.segments import GSM7, analyse

MAX_SEGMENTS = 2
DAYS = 7
# Dates read: more never fit in two segments.
MAX_DATES = 12
TITLE_LIMITS = (40, 24, 16, 10)


def fits(text):
    return analyse(text).segments <= MAX_SEGMENTS


def week_scheduled(now):
    """Scheduled dates of published activities in the next seven days (Québec time),
    in start order; the voice line reads the same week (docs/voice.md)."""
    _start, until = next_days(DAYS, now)
    return upcoming_dates(now).scheduled().filter(start__lt=until)


def week_dates(language, region, now, origin=None, *, limit=MAX_DATES):
    dates = week_scheduled(now)
    if region:
        dates = dates.filter(event__region=region)
    if origin is not None:
        dates = dates.filter(event__translation_key__in=list(within(origin)))
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    return localize_dates(dates[:limit], locale)


def shorten(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def item(entry, language, limit):
    when = format_short_datetime(entry.date.start, entry.page.timezone, language)
    return f"{shorten(entry.page.title, limit)} {when}"


def items(listed, language, limit):
    return [item(entry, language, limit) for entry in listed]


def gsm(text):
    """`text` with the letters GSM-7 lacks written without their accent ("Sept-Iles"):
    one "Î" would make the whole answer UCS-2, half as long a segment."""
    return "".join(
        c if analyse(c).encoding == GSM7 else unicodedata.normalize("NFKD", c)[0] for c in text
    )


def near_link(language, place):
    """The listing near a place: its name without accents ("Saint-Remi") reads back as
    the same place and keeps the link short and GSM-7."""
    link = listing_url(language, "", when="week").replace("?region=&", "?")
    name = unicodedata.normalize("NFKD", place.label).encode("ascii", "ignore").decode()
    return f"{link}&near={quote(name)}"


def activities_answer(language, region, now, near=""):
    """The answer's text, in `language` (the caller activates it)."""
    origin, found = origin_for(near) if near else (None, None)
    if origin is None and found is not None and found.choices:
        origin, _found = origin_for(found.choices[0].label)
    link = listing_url(language, region, when="week")
    if not region:
        link = link.replace("?region=&", "?")  # every region: a shorter link
    if origin is not None:
        link = near_link(language, origin.place)
        head = _("This week within %(km)s km of %(place)s:") % {
            "km": origin.km,
            "place": gsm(origin.place.name),
        }
    elif near:
        head = _("Place not found. This week:")
    elif region:
        head = _("This week in %(region)s:") % {"region": region_name(region)}
    else:
        head = _("This week:")
    listed = week_dates(language, region, now, origin)
    if not listed and origin is not None:
        return _("No activity in the next 7 days within %(km)s km of %(place)s. %(link)s") % {
            "km": origin.km,
            "place": gsm(origin.place.name),
            "link": link,
        }
    if not listed:
        return _("No activity in the next 7 days. All activities: %(link)s") % {"link": link}
    # (activities shown, text): longer titles only while they cost no activity.
    best = (0, f"{head} {link}")
    for limit in TITLE_LIMITS:
        shown = items(listed, language, limit)
        for count in range(len(shown), best[0], -1):
            more = "" if count == len(shown) else " …"
            text = f"{head} {'; '.join(shown[:count])}{more} {link}"
            if fits(text):
                best = (count, text)
                break
        if best[0] == len(listed):
            break
    return best[1]
