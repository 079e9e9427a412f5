"""The listing near a town or a postal code: within the radius, nearest first in a day,
each date with its distance; the region gives way; what cannot be used is explained."""

import pytest

from core.translations import translate
from events.services.region_choice import REGION_COOKIE
from tests.factories import next_saturday
from tests.nearby import nearby_events

pytestmark = pytest.mark.django_db

LISTING = "/fr/activites/"


@pytest.fixture
def events(site_tree):
    return nearby_events(next_saturday())


def shown(response):
    """(title, distance in km or None) of each date, in the order shown."""
    return [
        (item.page.title, getattr(item.date, "distance", None) and item.date.distance.rounded)
        for _day, items in response.context["days"]
        for item in items
    ]


def test_near_a_town_lists_what_is_within_30_km_nearest_first(events, client):
    response = client.get(LISTING, {"near": "St-Rémi"})
    assert response.status_code == 200
    assert shown(response) == [
        ("Marché de Saint-Rémi", 1),
        ("Souper à Coaticook", 19),  # by its pickup point in Napierville
        ("Soirée à Montréal", 27),
    ]
    html = response.content.decode()
    assert "19 km (point de ramassage)" in html and "27 km" in html
    assert "30 km de Saint-Rémi" in html
    assert "GeoNames" in html  # the data's attribution
    assert response.context["filters"].near == "Saint-Rémi"


def test_the_radius_narrows_and_widens(events, client):
    near = [t for t, _km in shown(client.get(LISTING, {"near": "Saint-Rémi", "km": "20"}))]
    assert near == ["Marché de Saint-Rémi", "Souper à Coaticook"]
    wide = [t for t, _km in shown(client.get(LISTING, {"near": "Saint-Rémi", "km": "200"}))]
    assert wide == [
        "Marché de Saint-Rémi",
        "Souper à Coaticook",
        "Soirée à Montréal",
        "Soccer à Shawinigan",
    ]


def test_a_postal_code_measures_from_its_area_and_says_it_is_approximate(events, client):
    response = client.get(LISTING, {"near": "j0l 1b0", "km": "50"})
    assert [t for t, _km in shown(response)] == ["Soirée à Montréal"]  # 34 km from J0L's centre
    assert "approximati" in response.content.decode()


def test_an_unknown_town_is_explained_and_everything_still_listed(events, client):
    response = client.get(LISTING, {"near": "Compton"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nous ne connaissons pas la municipalité « Compton »" in html
    assert len(shown(response)) == 5
    outside = client.get(LISTING, {"near": "K1A 0B1"})
    assert "pas un code postal du Québec : ils commencent par G, H ou J" in outside.content.decode()
    assert len(shown(outside)) == 5


def test_several_places_of_one_name_are_offered_as_links(events, client):
    response = client.get(LISTING, {"near": "Saint-Alexandre", "km": "50"})
    html = response.content.decode()
    assert "Saint-Alexandre (Gatineau)" in html and "Saint-Alexandre (Sept-Îles)" in html
    label, link = response.context["discovery"].near_choices[0]
    assert "near=Saint-Alexandre+%28Gatineau%29" in link and "km=50" in link
    chosen = client.get(LISTING + link)
    assert chosen.context["filters"].near == "Saint-Alexandre (Gatineau)"
    assert chosen.context["filters"].km == 50


def test_a_bad_radius_is_dropped_and_the_default_used(events, client):
    response = client.get(LISTING, {"near": "Saint-Rémi", "km": "7000"})
    assert "Dans un rayon de" in response.content.decode()
    assert response.context["filters"].km == 30
    assert len(shown(response)) == 3


def test_a_town_replaces_the_region_and_leaves_the_remembered_one_alone(events, client):
    client.cookies[REGION_COOKIE] = "04"
    response = client.get(LISTING, {"near": "Saint-Rémi", "region": "04"})
    assert [t for t, _km in shown(response)][0] == "Marché de Saint-Rémi"
    assert not response.context["discovery"].region_remembered
    assert REGION_COOKIE not in response.cookies
    # Without a town, the remembered region applies again.
    again = client.get(LISTING)
    assert [t for t, _km in shown(again)] == ["Soccer à Shawinigan"]


def test_links_keep_the_place_and_the_feed_follows_it(events, client):
    response = client.get(LISTING, {"near": "saint remi", "km": "50"})
    filters = response.context["filters"]
    assert filters.querystring(page=2) == "?near=Saint-R%C3%A9mi&km=50&page=2"
    assert "near=Saint-R%C3%A9mi&amp;km=50" in response.content.decode()  # the feed link


def test_the_spanish_listing_shows_distances_in_spanish(events, client):
    for page in events.values():
        translate(page.get_parent(), "es", {})
        translate(page, "es", {})
    response = client.get("/es/actividades/", {"near": "Saint-Rémi"})
    html = response.content.decode()
    assert "19 km (punto de recogida)" in html
    assert [t for t, _km in shown(response)][0] == "Marché de Saint-Rémi"


def test_without_javascript_the_form_has_labelled_fields(events, client):
    html = client.get(LISTING).content.decode()
    assert '<label for="id_near">' in html and 'name="near"' in html
    assert '<label for="id_km">' in html and '<option value="30" selected>30 km</option>' in html
