"""The feed near a town or a postal code: /feeds/events.ics?near=…&km=…; anything it
cannot use is a plain-text 400 that says what it accepts."""

import icalendar
import pytest

from tests.factories import next_saturday
from tests.nearby import nearby_events

pytestmark = pytest.mark.django_db

FEED = "/feeds/events.ics"


@pytest.fixture
def events(site_tree):
    return nearby_events(next_saturday())


def summaries(response):
    assert response.status_code == 200, response.content
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(str(e["SUMMARY"]) for e in calendar.events), str(calendar["X-WR-CALNAME"])


def test_the_feed_keeps_what_is_within_the_radius(events, client):
    titles, name = summaries(client.get(FEED, {"near": "St-Rémi"}))
    assert titles == ["Marché de Saint-Rémi", "Soirée à Montréal", "Souper à Coaticook"]
    assert "30 km" in name and "Saint-Rémi" in name
    titles, _name = summaries(client.get(FEED, {"near": "saint remi", "km": "20"}))
    assert titles == ["Marché de Saint-Rémi", "Souper à Coaticook"]
    titles, _name = summaries(client.get(FEED, {"near": "J0L", "km": "50"}))
    assert titles == ["Soirée à Montréal"]


def test_the_same_place_spelt_differently_is_the_same_feed(events, client):
    one = client.get(FEED, {"near": "St-Rémi"})
    other = client.get(FEED, {"near": "SAINT REMI"})
    assert one["ETag"] == other["ETag"]
    assert client.get(FEED, {"near": "St-Rémi", "km": "20"})["ETag"] != one["ETag"]


@pytest.mark.parametrize(
    "params, says",
    [
        ({"near": "Compton"}, "We do not know the town “Compton”"),
        ({"near": "K1A 0B1"}, "is not a Québec postal code"),
        ({"near": "Saint-Alexandre"}, "Saint-Alexandre (Gatineau), Saint-Alexandre (Sept-Îles)"),
        ({"near": "Saint-Rémi", "km": "0"}, "whole number of kilometres from 1 to 300"),
        ({"near": "Saint-Rémi", "km": "deux"}, "whole number of kilometres"),
        ({"near": "Saint-Rémi", "km": "9" * 5000}, "whole number of kilometres"),
        ({"km": "30"}, "“km” needs “near”"),
        ({"near": "Saint-Rémi", "region": "16"}, "not both"),
        # NUL is refused before any view (config/null_characters.py).
        ({"near": "\x01" * 3000}, "We do not know the town"),
        ({"near": "Saint-Rémi", "lang": "en"}, None),
    ],
)
def test_what_the_feed_cannot_use_is_a_400_with_a_message(events, client, params, says):
    response = client.get(FEED, {"lang": "en", **params})
    if says is None:
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert says in response.content.decode()


def test_the_message_is_in_the_feeds_language(events, client):
    response = client.get(FEED, {"near": "Compton", "lang": "es"})
    assert response.status_code == 400
    assert "No conocemos el pueblo «Compton»" in response.content.decode()
