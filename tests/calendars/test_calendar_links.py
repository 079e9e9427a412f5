"""Links to the feeds on public pages, and the helpers that build them."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from calendars import links
from events.models import ActivitiesIndexPage, Category
from rsvp.services.schedule import add_date, cancel_date
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def hrefs(page_html):
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', page_html)]


def test_event_page_offers_the_next_date_the_series_and_google(translated_event, client):
    versions = translated_event(repeat_weekly_until=None)
    fr = versions["fr"]
    first = fr.shared_dates().get()
    second = add_date(fr, first.start + dt.timedelta(days=7), first.end + dt.timedelta(days=7))
    cancel_date(first)  # the next date is then the second one

    es = versions["es"]
    page = client.get(es.url).content.decode()
    found = hrefs(page)
    assert f"/feeds/dates/{second.pk}.ics?lang=es" in found
    assert f"/feeds/events/{es.pk}.ics" in found
    google = next(h for h in found if h.startswith("https://calendar.google.com/calendar/render"))
    query = parse_qs(urlsplit(google).query)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == [es.title]
    utc = "%Y%m%dT%H%M%SZ"
    assert query["dates"] == [
        f"{second.start.astimezone(dt.UTC):{utc}}/{second.end.astimezone(dt.UTC):{utc}}"
    ]
    assert query["ctz"] == ["America/Toronto"]
    assert query["location"] == ["Parc de la Gorge, 135 rue Michaud, Coaticook"]
    assert f"http://testserver{es.url}" in query["details"][0]
    assert "Agregar a mi calendario" in page

    # The links work.
    for href in (f"/feeds/dates/{second.pk}.ics?lang=es", f"/feeds/events/{es.pk}.ics"):
        assert client.get(href).status_code == 200


def test_single_date_event_has_no_series_link(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    found = hrefs(client.get(event.url).content.decode())
    date = event.shared_dates().get()
    assert f"/feeds/dates/{date.pk}.ics" in found
    assert f"/feeds/events/{event.pk}.ics" not in found


def test_no_calendar_links_without_an_upcoming_date(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    cancel_date(event.shared_dates().get())
    page = client.get(event.url).content.decode()
    assert "/feeds/" not in page


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("fr", "Les calendriers abonnés se mettent à jour seulement aux quelques heures."),
        ("es", "Los calendarios suscritos se actualizan solo cada pocas horas."),
        ("en", "Subscribed calendars refresh only every few hours."),
    ],
)
def test_organization_page_offers_its_feed(translated_event, client, lang, note):
    org = translated_event()[lang].get_parent().specific
    page = client.get(org.url).content.decode()
    feed = f"http://testserver/feeds/organizations/{org.slug}.ics"
    if lang != "fr":
        feed += f"?lang={lang}"
    found = hrefs(page)
    assert links.webcal_url(feed) in found
    google = next(h for h in found if h.startswith("https://calendar.google.com/calendar/r?"))
    assert parse_qs(urlsplit(google).query)["cid"] == [links.webcal_url(feed)]
    assert note in page
    assert client.get(feed.removeprefix("http://testserver")).status_code == 200


def test_activities_index_offers_the_feed_in_its_language(site_tree, client):
    index = ActivitiesIndexPage.objects.get(locale__language_code="es")
    found = hrefs(client.get(index.url).content.decode())
    assert "webcal://testserver/feeds/events.ics?lang=es" in found


def test_events_feed_url_from_filters(site_tree):
    base = "http://testserver/feeds/events.ics"
    assert links.events_feed_url() == base
    assert links.events_feed_url({"lang": "fr", "region": "", "category": None}) == base
    sport = Category.objects.get(locale__language_code="es", slug="sport")
    assert (
        links.events_feed_url({"category": sport, "lang": "es"}, region="05")
        == f"{base}?region=05&category=sport&lang=es"
    )
    with pytest.raises(ValueError, match="when"):
        links.events_feed_url({"when": "weekend"})


def test_events_feed_url_tag(site_tree):
    from django.template import Context, Template

    template = Template(
        "{% load calendar_tags %}{% events_feed_url filters lang='en' as url %}"
        "{{ url|webcal_url }} {{ url|google_subscribe_url }}"
    )
    text = template.render(Context({"filters": {"region": "06"}}))
    feed = "webcal://testserver/feeds/events.ics?region=06&amp;lang=en"
    assert text.startswith(feed + " ")
    assert text.endswith(
        "https://calendar.google.com/calendar/r?cid="
        "webcal%3A%2F%2Ftestserver%2Ffeeds%2Fevents.ics%3Fregion%3D06%26lang%3Den"
    )
