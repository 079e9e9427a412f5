"""The flyer of the weekend: a region's activities of Saturday and Sunday on one page."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.translations import translate
from rsvp.services.schedule import cancel_date
from tests.forwarding.conftest import SATURDAY, make_event
from tests.forwarding.test_event_flyer import embedded_qr, same_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekend(thursday, organization):
    hike = make_event(organization, slug="randonnee", transport_provided=True)
    translate(hike, "es", {hike.title: "Caminata al mont Pinacle", hike.slug: "caminata"})
    soccer = make_event(
        organization,
        title="Soccer amical",
        slug="soccer",
        first_date=SATURDAY + dt.timedelta(days=1),
        start_time=dt.time(13, 0),
        end_time=dt.time(16, 0),
    )
    translate(soccer, "es", {"Soccer amical": "Fútbol amistoso", "soccer": "futbol"})
    return hike, soccer


def test_lists_the_weekend_of_the_region_in_spanish_and_french(weekend, organization, client):
    other_region = make_event(organization, title="Pêche à Gaspé", slug="peche", region="11")
    next_week = make_event(
        organization, title="Plus tard", slug="plus-tard", first_date=SATURDAY + dt.timedelta(7)
    )
    response = client.get("/fr/flyer/weekend/05/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'<div class="flyer__col" lang="(\w\w)"', html) == ["es", "fr"]
    assert "Este fin de semana en Estrie" in html and "Cette fin de semaine en Estrie" in html
    assert "sábado 28 de noviembre" in html and "samedi 28 novembre" in html
    assert "domingo 29 de noviembre" in html and "dimanche 29 novembre" in html
    assert "Caminata al mont Pinacle" in html and "Randonnée au mont Pinacle" in html
    assert "Fútbol amistoso" in html and "Soccer amical" in html
    # Each activity once, with its title in both languages; hours the first language's way.
    assert html.count("Soccer amical") == 1
    assert (
        '<span class="flyer__name" lang="es">Fútbol amistoso</span> '
        '<span class="flyer__name" lang="fr">Soccer amical</span>'
    ) in html
    assert "13:00 – 16:00" in html and "13 h 00" not in html
    assert (
        '<h3 class="flyer__day"><span lang="es">domingo 29 de noviembre</span>'
        '<span lang="fr">dimanche 29 novembre</span></h3>'
    ) in html
    assert other_region.title not in html
    assert next_week.title not in html


def test_cancelled_dates_are_not_printed(weekend, client):
    hike, _soccer = weekend
    cancel_date(hike.shared_dates().get())
    html = client.get("/fr/flyer/weekend/05/?langs=fr").content.decode()
    assert "Randonnée au mont Pinacle" not in html
    assert "Soccer amical" in html


def test_qr_code_opens_the_listing_of_the_region_for_the_weekend(weekend, client):
    html = client.get("/es/flyer/weekend/05/?langs=fr,es").content.decode()
    url = "http://testserver/fr/activites/?region=05&when=weekend"
    assert url.replace("&", "&amp;") in html
    assert same_code(embedded_qr(html), url)


def test_one_language_and_bad_languages(weekend, client):
    html = client.get("/fr/flyer/weekend/05/?langs=en").content.decode()
    assert "This weekend in Estrie" in html
    assert "Cette fin de semaine" not in html
    html = client.get("/fr/flyer/weekend/05/?langs=en,en").content.decode()
    assert "Ces langues ne peuvent pas être utilisées pour une affiche." in html
    assert "Cette fin de semaine en Estrie" in html


def test_empty_weekend_says_so(thursday, site_tree, client):
    html = client.get("/fr/flyer/weekend/03/?langs=fr").content.decode()
    assert "Aucune activité cette fin de semaine dans cette région pour l'instant." in html


@pytest.mark.parametrize("region", ["99", "xx", "5", "005"])
def test_unknown_region_is_a_translated_404(site_tree, client, region):
    response = client.get(f"/es/flyer/weekend/{region}/")
    assert response.status_code == 404
    assert "no existe" in response.content.decode()


def test_queries_do_not_grow_with_the_number_of_activities(
    weekend, organization, client, django_assert_max_num_queries
):
    with CaptureQueriesContext(connection) as two:
        client.get("/fr/flyer/weekend/05/")
    for n in range(6):
        event = make_event(organization, title=f"Atelier {n}", slug=f"atelier-{n}")
        translate(event, "es", {})
    with django_assert_max_num_queries(len(two.captured_queries)):
        html = client.get("/fr/flyer/weekend/05/").content.decode()
    assert "Atelier 5" in html
    # Dates, locales, pages in each language, the listing page for the QR code.
    with django_assert_max_num_queries(5):
        client.get("/fr/flyer/weekend/05/")


def test_an_untranslated_activity_shows_its_title_once(weekend, organization, client):
    make_event(organization, title="Cabane à sucre", slug="cabane")
    html = client.get("/fr/flyer/weekend/05/").content.decode()
    assert html.count('<span class="flyer__name" lang="es">Cabane à sucre</span>') == 1
    assert 'lang="fr">Cabane à sucre' not in html
