"""The event page: what link previews and search engines read, and its weight."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.translations import translate
from rsvp.services.schedule import cancel_date
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 50 * 1024


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def og(html, prop):
    match = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_json_ld_describes_each_date_with_its_status(site_tree, client):
    event = EventFactory(
        address="295 rue Child", latitude="45.133000", longitude="-71.800000", price="4.50"
    )
    event.repeat_weekly_until = event.first_date + dt.timedelta(weeks=2)
    event.save_revision().publish()
    first = event.shared_dates().first()
    cancel_date(first)
    html = client.get(event.url).content.decode()
    data = json_ld(html)
    assert len(data) == 3
    assert data[0]["eventStatus"] == "https://schema.org/EventCancelled"
    assert data[1]["eventStatus"] == "https://schema.org/EventScheduled"
    assert data[1]["startDate"].endswith(("-05:00", "-04:00"))
    assert data[0]["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    place = data[0]["location"]
    assert place["address"]["streetAddress"] == "295 rue Child"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 45.133, "longitude": -71.8}
    assert data[0]["organizer"]["telephone"] == "+18195550100"
    assert data[0]["inLanguage"] == ["fr", "es"]
    assert data[0]["isAccessibleForFree"] is False
    assert data[0]["offers"]["price"] == "4.50" and data[0]["offers"]["priceCurrency"] == "CAD"
    # The cancelled date stays visible on the page itself.
    assert "badge--cancelled" in html


def test_json_ld_cannot_be_broken_out_of(site_tree, client):
    event = EventFactory(title="Fête </script><script>alert(1)</script> & co")
    html = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)[0]["name"] == "Fête </script><script>alert(1)</script> & co"


def test_open_graph_speaks_the_pages_language(site_tree, client):
    event = EventFactory()
    translate(event.get_parent().specific, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.summary: "Un paseo para todos."})
    html = client.get(es.url).content.decode()
    assert og(html, "og:title") == "Paseo"
    assert og(html, "og:locale") == "es_LA"
    assert og(html, "og:url") == es.get_full_url()
    # The same address the QR codes and messages use (BASE_URL).
    assert og(html, "og:url") == settings.BASE_URL + es.url
    description = og(html, "og:description")
    assert (
        "sábado" in description and "10:30" in description and "Un paseo para todos." in description
    )
    assert og(html, "og:image") is None  # no image, no broken preview


def test_images_are_phone_sized_webp_renditions(site_tree, client):
    image = get_image_model().objects.create(
        title="Le parc", file=get_test_image_file(size=(1600, 900))
    )
    event = EventFactory(image=image)
    html = client.get(event.url).content.decode()
    tag = re.search(r'<img [^>]*class="event__image"[^>]*>', html).group(0)
    assert 'loading="lazy"' in tag and 'width="' in tag and 'height="' in tag
    assert ".webp" in tag and "360w" in tag and "640w" in tag
    og_image = og(html, "og:image")
    assert og_image.startswith("http://testserver/") and og_image.endswith(".jpg")
    assert og(html, "og:image:width") == "1200"
    assert json_ld(html)[0]["image"] == [og_image]


def test_event_page_stays_light_and_first_party(site_tree, client):
    event = EventFactory(
        body="<p>" + "Une description assez longue. " * 40 + "</p>",
        transport_notes="Le minibus part de l'église.",
        what_to_bring="Bottes, eau, collation.",
    )
    html = client.get(event.url).content.decode()
    css = Path(settings.BASE_DIR, "site", "static", "css", "site.css").read_bytes()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert all('type="application/ld+json"' in tag for tag in scripts), "no JavaScript"
    assert len(html.encode()) + len(css) <= PAGE_BUDGET
    assert "fonts.googleapis" not in html and "@font-face" not in css.decode()
    assert "@import" not in css.decode()
    # Nothing loaded from another host (links people follow, like maps, are fine).
    third_party = (
        r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(?:https?:)?//(?!testserver/)'
    )
    assert not re.search(
        third_party, html.replace('<link rel="canonical" href="http://testserver/', "")
    )


def test_the_event_page_has_what_a_worker_needs(site_tree, client):
    from events.models import PickupPoint

    event = EventFactory(transport_provided=True, bring_bike=True, what_to_bring="Des bottes")
    PickupPoint.objects.create(
        event=event, name="Église Sainte-Edwidge", time=dt.time(8, 15), locale=event.locale
    )
    html = client.get(event.url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    for text in (
        "10 h 30",
        "Parc de la Gorge",
        "https://www.google.com/maps/search/",
        "Église Sainte-Edwidge",
        "8 h 15",
        "Des bottes",
        'href="tel:+18195550100"',
    ):
        assert text in html, text
