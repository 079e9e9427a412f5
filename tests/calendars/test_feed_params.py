"""Feed filters, and what bad input gets: a short plain-text 400 (or 404), never a 500."""

from __future__ import annotations

import icalendar
import pytest

from core.translations import translate
from events.models import Category
from tests.factories import EventFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

FEED = "/feeds/events.ics"


def uids(response):
    assert response.status_code == 200, response.content
    return {str(e["UID"]) for e in icalendar.Calendar.from_ical(response.content).events}


def uid(event):
    return event.shared_dates().get().uid


@pytest.fixture
def spread(site_tree):
    """Events in two regions, two categories, two organizations."""
    aide = OrganizationFactory(slug="aide", region="05")
    sana = OrganizationFactory(slug="sana", region="04")
    sport = Category.objects.get(locale__language_code="fr", slug="sport")
    return {
        "outing-estrie": EventFactory(parent=aide, repeat_weekly_until=None),
        "sport-estrie": EventFactory(parent=aide, repeat_weekly_until=None, category=sport),
        "outing-mauricie": EventFactory(parent=sana, repeat_weekly_until=None, region="04"),
    }


def test_filters_select_the_dates(spread, client):
    all_ = {uid(e) for e in spread.values()}
    assert uids(client.get(FEED)) == all_
    assert uids(client.get(FEED, {"region": "05"})) == {
        uid(spread["outing-estrie"]),
        uid(spread["sport-estrie"]),
    }
    assert uids(client.get(FEED, {"category": "sport"})) == {uid(spread["sport-estrie"])}
    assert uids(client.get(FEED, {"organization": "sana"})) == {uid(spread["outing-mauricie"])}
    assert uids(client.get(FEED, {"region": "04", "category": "sport"})) == set()
    assert uids(client.get("/feeds/organizations/aide.ics")) == {
        uid(spread["outing-estrie"]),
        uid(spread["sport-estrie"]),
    }
    # An empty value is no filter, as a blank field of a form.
    assert uids(client.get(FEED, {"region": "", "category": ""})) == all_


def test_organization_by_its_translated_slug(spread, client):
    aide = spread["outing-estrie"].get_parent().specific
    translate(aide, "es", {"aide": "aide-es"})
    es_slug = aide.get_translations().get(locale__language_code="es").slug
    assert es_slug == "aide-es"
    expected = {uid(spread["outing-estrie"]), uid(spread["sport-estrie"])}
    assert uids(client.get(FEED, {"organization": es_slug, "lang": "es"})) == expected
    assert uids(client.get(f"/feeds/organizations/{es_slug}.ics")) == expected


BAD = [
    ({"region": "99"}, "region", "05 (Estrie)"),
    ({"region": "5"}, "region", "17 (Centre-du-Québec)"),
    ({"region": "05 "}, "region", "01 (Bas-Saint-Laurent)"),
    ({"region": ["05", "06"]}, "region", "01 (Bas-Saint-Laurent)"),
    ({"category": "hockey"}, "category", "outing"),
    ({"category": "a" * 300}, "category", "sport"),
    ({"category": "sp ort"}, "category", "sport"),
    ({"organization": "nobody"}, "organization", "aide"),
    ({"organization": "../../etc"}, "organization", "sana"),
    ({"lang": "de"}, "lang", "fr, es, en"),
    ({"lang": "ES"}, "lang", "fr, es, en"),
    ({"lang": "x" * 10_000}, "lang", "fr, es, en"),
    ({"lang": ["es", "es"]}, "lang", "fr, es, en"),
    ({"regoin": "05"}, "regoin", "region, category, organization, lang"),
]


@pytest.mark.parametrize(("params", "name", "accepted"), BAD)
def test_bad_parameters_get_a_plain_400(spread, client, params, name, accepted):
    response = client.get(FEED, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    first, second = text.splitlines()
    assert name in first
    assert accepted in second
    assert len(text) < 2000


@pytest.mark.parametrize(
    "query",
    [
        "lang=%ff%fe",  # not UTF-8
        "region=%",  # broken escape
        "&&&=&=x",
        "lang=es&"
        + "&".join(f"f{i}=1" for i in range(1500)),  # beyond DATA_UPLOAD_MAX_NUMBER_FIELDS
        "region=05;lang=es",
    ],
)
def test_malformed_query_strings_get_a_400(spread, client, query):
    response = client.get(f"{FEED}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_messages_speak_the_feeds_language_when_it_is_valid(spread, client):
    response = client.get(FEED, {"lang": "es", "region": "99"})
    assert response.content.decode().startswith("Valor desconocido para «region».")
    response = client.get(FEED, {"region": "99"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.content.decode().startswith("Valeur inconnue pour « region ».")


def test_long_organization_list_is_described_not_listed(site_tree, client, monkeypatch):
    from calendars import filters

    monkeypatch.setattr(filters, "_MAX_LISTED", 1)
    OrganizationFactory(slug="aide")
    OrganizationFactory(slug="sana")
    text = client.get(FEED, {"organization": "x", "lang": "en"}).content.decode()
    assert "the slug of a published organization, such as aide" in text


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/organizations/nobody.ics",
        "/feeds/dates/999999.ics",
        "/feeds/dates/999999999999999999.ics",  # larger than any real id, still an integer
        "/feeds/events/999999.ics",
        "/feeds/events/2147483648.ics",  # beyond a PostgreSQL integer
    ],
)
def test_unknown_feeds_are_404(site_tree, client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_unpublished_activity_has_no_feeds(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    date = event.shared_dates().get()
    event.unpublish()
    assert client.get(f"/feeds/events/{event.pk}.ics").status_code == 404
    assert client.get(f"/feeds/dates/{date.pk}.ics").status_code == 404


def test_single_feeds_take_only_lang(site_tree, client):
    event = EventFactory(repeat_weekly_until=None)
    date = event.shared_dates().get()
    for path in (f"/feeds/dates/{date.pk}.ics", f"/feeds/events/{event.pk}.ics"):
        assert client.get(path, {"lang": "en"}).status_code == 200
        response = client.get(path, {"region": "05"})
        assert response.status_code == 400
        assert "region" in response.content.decode().splitlines()[0]
        assert client.get(path, {"lang": "xx"}).status_code == 400


def test_other_methods_are_refused(site_tree, client):
    assert client.post(FEED).status_code == 405
