"""ACTIVITÉS / ACTIVIDADES / ACTIVITIES followed by a town or a postal code: the week's
activities within 30 km, two segments at most, the link carrying the same place."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from notifications import sms
from notifications.services.sms_keywords import parse
from notifications.sms.segments import GSM7, analyse
from tests.nearby import SAINT_REMI, at, nearby_events
from tests.notifications.twilio_posts import answers_to, text_in
from tests.rsvp_helpers import phone as new_phone

pytestmark = pytest.mark.django_db
LONG = "Excursión guiada al Parque Nacional de la Jacques-Cartier con almuerzo campestre"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox = []


@pytest.fixture
def events(site_tree, known_week):
    """Tomorrow is a Friday whose words are GSM-7 in every language ("sáb" is not)."""
    soon = timezone.localdate() + dt.timedelta(days=1)
    return nearby_events(soon)


def answer_to(client, body):
    phone = new_phone()
    text_in(client, phone, body)
    [answer] = answers_to(phone)
    return answer


def link_in(text):
    [link] = re.findall(r"https?://\S+", text)
    return link


@pytest.mark.parametrize(
    "body, language, heading",
    [
        ("ACTIVITÉS Saint-Rémi", "fr", "Cette semaine à 30 km ou moins de Saint-Rémi :"),
        ("actividades st remi", "es", "Esta semana a menos de 30 km de Saint-Rémi:"),
        ("Activities SAINT-REMI!", "en", "This week within 30 km of Saint-Rémi:"),
    ],
)
def test_a_town_gives_the_weeks_activities_near_it(events, client, body, language, heading):
    answer = answer_to(client, body)
    assert answer.startswith(heading), answer
    assert analyse(answer).segments <= 2, answer
    for near in ("Marché de Saint-Rémi", "Souper à Coaticook", "Soirée à Montréal"):
        assert near[:10] in answer, answer
    assert "Shawinigan" not in answer and "Atelier" not in answer
    link = link_in(answer)
    assert f"/{language}/" in link and "near=Saint-Remi" in link and "when=week" in link


def test_the_link_opens_the_listing_near_the_same_place(events, client):
    link = link_in(answer_to(client, "ACTIVIDADES Saint-Rémi"))
    parts = urlsplit(link)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200
    assert response.context["filters"].near == "Saint-Rémi"
    assert response.context["filters"].when == "week"


def test_many_activities_near_still_fit_two_segments(events, client):
    soon = timezone.localdate() + dt.timedelta(days=1)
    for number in range(10):
        at(SAINT_REMI, title=f"{LONG} {number}", first_date=soon)
    answer = answer_to(client, "ACTIVIDADES Saint-Rémi")
    assert analyse(answer).segments <= 2, answer
    assert "…" in answer and "near=Saint-Remi" in answer


def test_a_postal_code_works_too(events, client):
    answer = answer_to(client, "ACTIVITIES h2x 1y4")  # the Plateau, in Montréal
    assert answer.startswith("This week within 30 km of H2X:"), answer
    assert "Soirée à Montréal" in answer and "near=H2X" in link_in(answer)
    # J0L's centre is 58 km from Saint-Rémi and 34 km from Montréal.
    answer = answer_to(client, "ACTIVITIES J0L")
    assert answer.startswith("No activity in the next 7 days within 30 km of J0L."), answer
    assert "near=J0L" in link_in(answer)


def test_an_unknown_place_is_said_and_every_region_listed(events, client):
    answer = answer_to(client, "ACTIVIDADES Compton")
    assert answer.startswith("No conocemos ese lugar. Esta semana:"), answer
    assert "Shawinigan" in answer or "…" in answer
    assert "near=" not in answer
    assert analyse(answer).segments <= 2


def test_of_two_places_of_one_name_the_answer_names_the_one_it_took(events, client):
    answer = answer_to(client, "ACTIVITES Saint-Alexandre")
    assert "Saint-Alexandre" in answer and "near=Saint-Alexandre%20%28Gatineau%29" in answer


def test_a_place_name_outside_gsm7_does_not_halve_the_segments(site_tree, client):
    answer = answer_to(client, "ACTIVITÉS Sept-Îles")
    assert "Sept-Iles" in answer
    assert analyse(answer).encoding == GSM7, answer


def test_a_region_still_wins_over_a_town_of_that_name():
    assert (parse("ACTIVITES Estrie").region, parse("ACTIVITES Estrie").near) == ("05", "")
    assert (parse("ACTIVITES 05").region, parse("ACTIVITES 05").near) == ("05", "")
    assert parse("ACTIVIDADES Saint-Rémi").near == "Saint-Rémi"
    assert parse("activities").near == ""
