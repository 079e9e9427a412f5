"""The printable flyer of one activity: languages, dates in words, QR code, queries."""

import datetime as dt
import re

import pytest
import segno
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.translations import translate
from forwarding.services.flyers import MAX_DATES, parse_languages
from rsvp.services.schedule import move_date
from tests.forwarding.conftest import make_event, with_pickups

pytestmark = pytest.mark.django_db


def flyer_url(page, lang="fr", langs=None):
    url = f"/{lang}/flyer/event/{page.pk}/"
    return url if langs is None else f"{url}?langs={langs}"


def columns(html):
    """The language of each column, in order."""
    return re.findall(r'<section class="flyer__col" lang="(\w\w)"', html)


def test_default_flyer_is_spanish_and_french_side_by_side(hike, client):
    event, es = hike
    response = client.get(flyer_url(event))
    assert response.status_code == 200
    html = response.content.decode()
    assert columns(html) == ["es", "fr"]
    assert "flyer--cols-2" in html
    # Each column in its own language, whatever the site's language (French here).
    assert "Caminata al mont Pinacle" in html and "Randonnée au mont Pinacle" in html
    assert "Cuándo" in html and "Quand" in html
    assert "Gratis" in html and "Gratuit" in html
    assert "Su comida y zapatos cómodos." in html


def test_dates_are_written_in_words_in_each_language(hike, client):
    event, _es = hike
    html = client.get(flyer_url(event)).content.decode()
    # A weekly series at fixed hours: the days, then the hours once.
    assert "<li>sábado 28 de noviembre</li><li>sábado 5 de diciembre</li>" in html
    assert "<li>samedi 28 novembre</li><li>samedi 5 décembre</li>" in html
    assert '<p class="flyer__hours">10:30 – 15:00</p>' in html
    assert '<p class="flyer__hours">10 h 30 – 15 h 00</p>' in html
    # Six weekly dates: the first four are printed, the rest behind the QR code.
    assert MAX_DATES == 4
    assert "sábado 19 de diciembre" in html
    assert "sábado 26 de diciembre" not in html
    assert "Y 2 fechas más: escanee el código." in html
    assert "Et 2 autres dates : prenez le code en photo." in html


def test_a_single_date_reads_in_full(thursday, organization, client):
    event = make_event(organization, slug="rodeo")
    translate(event, "es", {})
    html = client.get(flyer_url(event, "en")).content.decode()
    assert "<li>sábado 28 de noviembre, 10:30 – 15:00</li>" in html
    assert "<li>samedi 28 novembre, 10 h 30 – 15 h 00</li>" in html
    assert "flyer__hours" not in html


def test_dates_moved_to_other_hours_are_written_in_full(hike, client):
    event, _es = hike
    second = event.shared_dates().order_by("start")[1]
    move_date(second, second.start + dt.timedelta(hours=1), second.end + dt.timedelta(hours=1))
    html = client.get(flyer_url(event)).content.decode()
    assert "<li>samedi 5 décembre, 11 h 30 – 16 h 00</li>" in html
    assert "<li>samedi 28 novembre, 10 h 30 – 15 h 00</li>" in html


def test_pickup_points_with_their_times_in_each_language(hike, client):
    event, _es = hike
    html = client.get(flyer_url(event)).content.decode()
    assert "<strong>07:50</strong> — Iglesia de Sainte-Edwidge" in html
    assert "<strong>7 h 50</strong> — Église Sainte-Edwidge" in html
    assert "<strong>8 h 35</strong> — Bureau de l&#x27;AIDE" in html


def test_organizer_phone_is_printed_large(hike, client):
    event, _es = hike
    html = client.get(flyer_url(event)).content.decode()
    assert "<strong>(819) 555-0142</strong>" in html
    assert "¿Preguntas? Llame a AIDE" in html


def test_english_only_flyer(hike, client):
    event, _es = hike
    translate(event, "en", {event.title: "Hike on Mont Pinacle", event.slug: "hike"})
    html = client.get(flyer_url(event, "es", langs="en")).content.decode()
    assert columns(html) == ["en"]
    assert "Hike on Mont Pinacle" in html
    assert "<li>Saturday, November 28</li>" in html
    assert '<p class="flyer__hours">10:30 AM – 3:00 PM</p>' in html
    assert "flyer--cols-1" in html


def test_paid_activity_shows_its_price_in_each_language(thursday, organization, client):
    event = make_event(organization, slug="rodeo", price="7.50")
    translate(event, "es", {})
    html = client.get(flyer_url(event)).content.decode()
    assert "7,50 $" in html and "$7.50" in html


@pytest.mark.parametrize(
    "langs", ["de", "fr,fr", "fr,es,en", "", ",", "es,xx", "../../etc", "fr;es", "FR,<b>"]
)
def test_bad_languages_fall_back_to_the_default_with_a_notice(hike, client, langs):
    event, _es = hike
    response = client.get(flyer_url(event, "es", langs=langs))
    assert response.status_code == 200
    html = response.content.decode()
    assert columns(html) == ["es", "fr"]
    assert "No se puede hacer un volante en estos idiomas." in html


def test_language_codes_are_read_loosely_but_strictly_checked():
    assert parse_languages(None) == (["es", "fr"], True)
    assert parse_languages("fr, ES") == (["fr", "es"], True)
    assert parse_languages("en") == (["en"], True)
    assert parse_languages("es,es") == (["es", "fr"], False)


def test_a_language_without_translation_is_left_out_with_a_notice(thursday, organization, client):
    event = make_event(organization, slug="seule")
    html = client.get(flyer_url(event, "fr", langs="es,fr")).content.decode()
    assert columns(html) == ["fr"]
    assert "Pas encore traduite, donc absente de l'affiche : Espagnol." in html


def dark_modules(svg):
    """The dark modules drawn by a segno SVG path ("M4 4.5h7m1 0h3..."), as (row, col)."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r' d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for op, args in re.findall(r"([Mmh])([-\d. ]+)", path):
        numbers = [float(n) for n in args.split()]
        if op == "M":
            x, y = numbers
        elif op == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            dark |= {(int(y), int(x) + i) for i in range(int(numbers[0]))}
            x += numbers[0]
    return size, dark


def matrix_of(url):
    """segno's own matrix for the URL, as (row, col) of dark modules."""
    qr = segno.make(url, micro=False)
    rows = list(qr.matrix)
    return len(rows), {(r, c) for r, row in enumerate(rows) for c, bit in enumerate(row) if bit}


def embedded_qr(html):
    return re.search(r'<svg role="img" viewBox="[^"]*" class="qr">.*?</svg>', html, re.S).group(0)


def same_code(svg, url):
    size, dark = dark_modules(svg)
    width, wanted = matrix_of(url)
    border = (size - width) // 2
    return {(r - border, c - border) for r, c in dark} == wanted


def test_qr_code_opens_the_page_in_the_first_language(hike, client):
    event, es = hike
    assert es.url == "/es/aide/caminata/"
    svg = embedded_qr(client.get(flyer_url(event)).content.decode())
    assert same_code(svg, "http://testserver/es/aide/caminata/")
    assert not same_code(svg, "http://testserver/fr/aide/randonnee/")

    svg = embedded_qr(client.get(flyer_url(event, langs="fr,es")).content.decode())
    assert same_code(svg, "http://testserver/fr/aide/randonnee/")


def test_screen_view_has_a_print_hint_and_a_language_form(hike, client):
    event, _es = hike
    html = client.get(flyer_url(event, "es")).content.decode()
    assert "Para imprimirlo, use el comando Imprimir" in html
    assert '<form method="get"' in html
    assert '<option value="es,fr" selected>Español + Français</option>' in html
    assert "<script" not in html


def test_unpublished_or_unknown_activity_is_a_404(hike, client):
    event, _es = hike
    event.unpublish()
    assert client.get(flyer_url(event)).status_code == 404
    assert client.get("/fr/flyer/event/999999/").status_code == 404


def test_flyer_queries_do_not_grow_with_dates_and_pickups(
    thursday, organization, client, django_assert_max_num_queries
):
    small = make_event(organization, slug="petite")
    translate(small, "es", {})
    with CaptureQueriesContext(connection) as few:
        client.get(flyer_url(small))
    big = make_event(
        organization, slug="grande", repeat_weekly_until=thursday.date().replace(month=12, day=31)
    )
    big = with_pickups(with_pickups(big))
    translate(big, "es", {})
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(flyer_url(big))
    assert response.content.decode().count("<strong>8 h 35</strong>") == 2
    # The page (and its view restrictions), its translations, dates, pickup points and
    # organization.
    with django_assert_max_num_queries(6):
        client.get(flyer_url(big))
