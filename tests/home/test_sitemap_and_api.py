"""/sitemap.xml lists every page with its other languages; /api/v2/ is read-only."""

import xml.etree.ElementTree as ET

import pytest

from core.translations import translate
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def parse(response):
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_language_with_alternates(
    site_tree, client, django_assert_max_num_queries
):
    event = EventFactory()
    org = event.get_parent().specific
    translate(org, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    with django_assert_max_num_queries(8):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = parse(response)
    fr_url, es_url = event.get_full_url(), es.get_full_url()
    assert urls[fr_url] == urls[es_url] == {"fr": fr_url, "es": es_url, "x-default": fr_url}
    assert urls["http://testserver/en/"]["es"] == "http://testserver/es/"
    # Home, index and content pages in three languages, plus org and event in two.
    assert len(urls) == 3 * 4 + 2 * 2


def test_sitemap_leaves_out_drafts(site_tree, client):
    event = EventFactory()
    event.unpublish()
    assert event.get_full_url() not in parse(client.get("/sitemap.xml"))


def test_api_serves_event_facts_read_only(site_tree, client):
    event = EventFactory(transport_provided=True)
    response = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*"})
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["title"] == event.title
    assert item["category_slug"] == "outing"
    assert item["transport_provided"] is True
    assert item["upcoming_dates"][0]["uid"].startswith("date-")
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_api_shows_no_private_organization_fields(site_tree, client):
    event = EventFactory()
    org_id = event.get_parent().id
    data = client.get(f"/api/v2/pages/{org_id}/").json()
    assert "staff_group" not in data and "collection" not in data


@pytest.mark.parametrize(
    "query, message",
    [
        ("offset=9223372036854775808", "offset cannot be higher than 2147483647"),
        ("offset=2147483648&search=paseo", "offset cannot be higher than 2147483647"),
        ("offset=99999999999999999999999", "offset cannot be higher than 2147483647"),
        ("search=paseo&search_operator=xor", "search_operator must be “and” or “or”"),
    ],
)
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_api_parameters_out_of_range_get_a_400_with_a_message(
    site_tree, client, endpoint, query, message
):
    # Wagtail passed these on: the database's integers overflowed, the search backend
    # raised ValueError (both a 500).
    response = client.get(f"/api/v2/{endpoint}/?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_api_parameters_in_range_still_work(site_tree, client):
    EventFactory()
    for query in ("offset=2147483647", "search=paseo&search_operator=OR", "search_operator=x"):
        response = client.get(f"/api/v2/pages/?{query}")
        assert response.status_code == 200, query
        assert "items" in response.json()


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_api_find_by_an_id_that_is_no_number_gets_a_400(site_tree, client, endpoint):
    # The id lookup raised ValueError: a 500.
    response = client.get(f"/api/v2/{endpoint}/find/?id=abc", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {"message": "id must be an integer"}
    page = EventFactory()
    if endpoint == "pages":
        response = client.get(f"/api/v2/pages/find/?id={page.pk}")
        assert response.status_code == 302 and f"/api/v2/pages/{page.pk}/" in response.url
