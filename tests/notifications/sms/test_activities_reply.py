"""ACTIVITÉS / ACTIVIDADES / ACTIVITIES: this week's activities in two segments at most,
in the sender's language, with one link to the listing filtered to the region."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from notifications import sms
from notifications.services.sms_keywords import parse, region_in
from notifications.sms.segments import analyse
from tests.notifications.helpers import a_date, rsvp_on
from tests.notifications.twilio_posts import answers_to, text_in
from tests.rsvp_helpers import phone as new_phone

pytestmark = pytest.mark.django_db
LONG = "Excursión guiada al Parque Nacional de la Jacques-Cartier con almuerzo campestre"


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox = []


def in_days(days):
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def week(site_tree):
    """Eight activities in Estrie this week, one in Montréal, one in Estrie next month."""
    for number in range(8):
        a_date(title=f"{LONG} {number}", first_date=in_days(1 + number % 5), region="05")
    a_date(title="Soirée montréalaise", first_date=in_days(2), region="06")
    a_date(title="Plus tard", first_date=in_days(30), region="05")


def links_in(text):
    return re.findall(r"https?://\S+", text)


@pytest.mark.parametrize(
    "body, language, heading",
    [
        ("ACTIVITÉS Estrie", "fr", "Cette semaine en Estrie"),
        ("actividades 05", "es", "Esta semana en Estrie"),
        ("Activities estr", "en", "This week in Estrie"),
    ],
)
def test_the_answer_fits_two_segments_in_the_keywords_language(
    week, client, body, language, heading
):
    phone = new_phone()
    text_in(client, phone, body)
    [answer] = answers_to(phone)
    assert analyse(answer).segments <= 2, answer
    assert answer.startswith(heading), answer
    [link] = links_in(answer)
    assert f"/{language}/" in link and "region=05" in link and "when=week" in link
    assert "Excursión" in answer
    assert "montréalaise" not in answer and "Plus tard" not in answer


def test_without_a_region_every_region_and_the_numbers_language(week, client):
    rsvp = rsvp_on(a_date(first_date=in_days(20)), language="en")
    sms.outbox = []
    text_in(client, rsvp.phone, "activites")  # French keyword: French answer
    text_in(client, rsvp.phone, "ACTIVITY")
    french, english = answers_to(rsvp.phone)
    assert french.startswith("Cette semaine") and english.startswith("This week")
    assert "montréalaise" in french or "…" in french
    for answer in (french, english):
        assert analyse(answer).segments <= 2
        assert len(links_in(answer)) == 1


def test_a_quiet_week_still_gives_the_link(site_tree, client):
    phone = new_phone()
    text_in(client, phone, "ACTIVIDADES")
    [answer] = answers_to(phone)
    assert len(links_in(answer)) == 1 and "/es/" in answer


@pytest.mark.parametrize(
    "words, code",
    [
        (["05"], "05"),
        (["5"], "05"),
        (["montreal"], "06"),
        (["capitale", "nationale"], "03"),
        (["saguenay"], "02"),
        (["nowhere"], ""),
        (["es"], ""),
    ],
)
def test_regions_by_number_or_name(words, code):
    assert region_in(words) == code


@pytest.mark.parametrize(
    "body, action, language, number",
    [
        ("Sí", "confirm", "es", None),
        ("annuler 2", "cancel", "fr", 2),
        (" 3 ", "choose", "", 3),
        ("NO", "cancel", "", None),
        ("non merci", "", "", None),
        ("Activités", "activities", "fr", None),
    ],
)
def test_parse(body, action, language, number):
    parsed = parse(body)
    assert (parsed.action, parsed.language, parsed.number) == (action, language, number)
