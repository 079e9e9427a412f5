"""What an event page tells link previews and search engines.

Open Graph for WhatsApp and other link previews (in the page's language, with the next
date), and schema.org Event JSON-LD, one object per upcoming date so each date carries
its own status.
"""

import json

from django.utils.safestring import mark_safe

from core.formatting import format_range, to_local
from core.languages import split_codes
from organizations.models import Region

OG_LOCALES = {"fr": "fr_CA", "es": "es_LA", "en": "en_CA"}
# Big enough for WhatsApp's large preview, small enough for its size limit (~300 kB).
OG_IMAGE_FILTER = "fill-1200x630|format-jpeg|jpegquality-70"
HERO_SIZES = ("fill-360x203", "fill-640x360")
JSON_LD_MAX_DATES = 20
SCHEMA = "https://schema.org/"


def image_specs():
    return [f"{size}|format-webp" for size in HERO_SIZES] + [OG_IMAGE_FILTER]


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def open_graph(page, next_date, image, request):
    """Open Graph properties as (property, content) pairs, in the page's language."""
    lang = page.locale.language_code
    place = ", ".join(p for p in (page.place_name, page.municipality) if p)
    parts = []
    if next_date is not None:
        parts.append(format_range(next_date.start, next_date.end, page.timezone, lang))
    parts.append(place)
    description = " · ".join(parts)
    if page.summary:
        description = f"{description} — {page.summary}"
    url = page.get_full_url(request)
    tags = [
        ("og:type", "website"),
        ("og:site_name", "Ensemble"),
        ("og:title", page.title),
        ("og:description", description),
        ("og:url", url),
        ("og:locale", OG_LOCALES.get(lang, lang)),
    ]
    if image is not None:
        rendition = image.get_rendition(OG_IMAGE_FILTER)
        tags += [
            ("og:image", _absolute(request, rendition.url)),
            ("og:image:width", str(rendition.width)),
            ("og:image:height", str(rendition.height)),
            ("og:image:alt", image.default_alt_text or page.title),
        ]
    return tags


def _iso(value, tzname):
    return to_local(value, tzname).isoformat()


def event_json_ld(page, dates, organization, image, request):
    """schema.org Event objects for the page's upcoming dates (cancelled ones included)."""
    url = page.get_full_url(request)
    address = {
        "@type": "PostalAddress",
        "addressLocality": page.municipality,
        "addressRegion": str(dict(Region.choices).get(page.region, "")),
        "addressCountry": "CA",
    }
    if page.address:
        address["streetAddress"] = page.address
    location = {"@type": "Place", "name": page.place_name, "address": address}
    if page.latitude is not None and page.longitude is not None:
        location["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    organizer = {"@type": "Organization", "name": organization.title}
    organizer["url"] = organization.get_full_url(request)
    if organization.phone:
        organizer["telephone"] = organization.phone
    base = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": location,
        "organizer": organizer,
        "inLanguage": split_codes(page.spoken_languages) or [page.locale.language_code],
        "isAccessibleForFree": page.is_free,
    }
    if image is not None:
        base["image"] = [_absolute(request, image.get_rendition(OG_IMAGE_FILTER).url)]
    if not page.is_free:
        base["offers"] = {
            "@type": "Offer",
            "price": f"{page.price:.2f}",
            "priceCurrency": "CAD",
            "url": url,
        }
    events = []
    for date in dates[:JSON_LD_MAX_DATES]:
        status = "EventCancelled" if date.is_cancelled else "EventScheduled"
        events.append(
            {
                **base,
                "startDate": _iso(date.start, page.timezone),
                "endDate": _iso(date.end, page.timezone),
                "eventStatus": SCHEMA + status,
            }
        )
    return events


def json_ld_script(data):
    """A <script type="application/ld+json"> block that cannot be closed early by content."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
