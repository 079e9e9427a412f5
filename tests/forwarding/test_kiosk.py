"""The kiosk screen: the region's next 7 days, large, refreshing itself without JavaScript."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.translations import translate
from rsvp.services.schedule import cancel_date
from tests.forwarding.conftest import SATURDAY, make_event

pytestmark = pytest.mark.django_db


def test_shows_the_next_seven_days_of_the_region(thursday, organization, client):
    hike = make_event(organization, slug="randonnee")
    translate(hike, "es", {hike.title: "Caminata al mont Pinacle", hike.slug: "caminata"})
    wednesday = make_event(
        organization, title="Cuisine", slug="cuisine", first_date=dt.date(2026, 12, 2)
    )
    too_late = make_event(
        organization, title="Trop tard", slug="trop-tard", first_date=dt.date(2026, 12, 3)
    )
    elsewhere = make_event(organization, title="Ailleurs", slug="ailleurs", region="06")

    response = client.get("/es/kiosk/05/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta http-equiv="refresh" content="300">' in html
    assert "Los próximos 7 días en Estrie" in html
    assert "sábado 28 de noviembre" in html
    assert "Caminata al mont Pinacle" in html
    assert "10:30 – 15:00" in html
    assert "miércoles 2 de diciembre" in html and wednesday.title in html
    assert too_late.title not in html
    assert elsewhere.title not in html
    # The moment of the last refresh, in words.
    assert "Actualizado el jueves 26 de noviembre, 15:00" in html
    assert "<script" not in html
    assert "<img" not in html


def test_cancelled_dates_show_as_cancelled(thursday, organization, client):
    hike = make_event(organization, slug="randonnee")
    cancel_date(hike.shared_dates().get())
    html = client.get("/fr/kiosk/05/").content.decode()
    assert hike.title in html
    assert "Annulée" in html


def test_empty_week(thursday, site_tree, client):
    html = client.get("/fr/kiosk/05/").content.decode()
    assert "Aucune activité dans les 7 prochains jours dans cette région pour l'instant." in html


@pytest.mark.parametrize("region", ["99", "00", "abc", "1"])
def test_unknown_region_is_a_translated_404(site_tree, client, region):
    response = client.get(f"/fr/kiosk/{region}/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_queries_do_not_grow_with_the_number_of_activities(
    thursday, organization, client, django_assert_max_num_queries
):
    make_event(organization, slug="une")
    with CaptureQueriesContext(connection) as one:
        client.get("/fr/kiosk/05/")
    for n in range(8):
        make_event(
            organization,
            title=f"Atelier {n}",
            slug=f"atelier-{n}",
            first_date=SATURDAY + dt.timedelta(days=n % 5),
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get("/fr/kiosk/05/").content.decode()
    assert "Atelier 7" in html
    # Dates, locale, pages in that language, the listing page.
    with django_assert_max_num_queries(4):
        client.get("/fr/kiosk/05/")


def test_the_listing_of_a_region_links_its_weekend_flyer_and_kiosk(site_tree, client):
    html = client.get("/es/actividades/?region=05").content.decode()
    assert 'href="/es/flyer/weekend/05/"' in html
    assert 'href="/es/kiosk/05/"' in html
    assert "Imprimir el volante del fin de semana" in html


def test_the_listing_without_a_region_offers_neither(site_tree, client):
    html = client.get("/es/actividades/?region=").content.decode()
    assert "/flyer/weekend/" not in html and "/kiosk/" not in html
