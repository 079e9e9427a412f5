"""The flyers print on exactly one page, Letter and A4, in a real Chromium.

Skipped when Debian's Chromium is not installed (`make browser-deps` installs it).
A screenshot of each flyer goes to artifacts/screenshots/ for a look by eye.
"""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.conf import settings

from core.translations import translate
from events.models import PickupPoint
from tests.factories import EventFactory, OrganizationFactory, next_saturday
from tests.forwarding.conftest import SATURDAY

SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"

pytestmark = [
    pytest.mark.browser,
]

LONG = (
    "Votre lunch, une bouteille d'eau et de bonnes chaussures. Habillez-vous selon la météo : "
    "tuque, mitaines et manteau chaud s'il fait froid, crème solaire et casquette s'il fait "
    "beau. Apportez aussi vos médicaments, une pièce d'identité et un peu d'argent comptant. "
) * 3


@pytest.fixture
def crowded_event(site_tree):
    """The longest flyer people will write: a weekly series, five pickups, long texts."""
    org = OrganizationFactory(title="AIDE", slug="aide-print", phone="+18195550142")
    translate(org, "es", {})
    event = EventFactory(
        parent=org,
        title="Randonnée au mont Pinacle et pique-nique au sommet avec vue sur la région",
        slug="randonnee-print",
        summary="Une randonnée en montagne avec une vue sur toute la région de Coaticook, "
        "transport inclus, pour tous les niveaux.",
        first_date=next_saturday(),
        repeat_weekly_until=next_saturday(weeks=10),
        transport_provided=True,
        bring_bike=True,
        price="12.50",
        what_to_bring=LONG,
        address="Stationnement du sentier, chemin Baldwin, Coaticook, QC J1A 2S4",
    )
    for n, name in enumerate(
        [
            "Église de Sainte-Edwidge",
            "Hôtel de ville de Compton",
            "Bureau de l'AIDE",
            "Dépanneur du rang 9",
            "Ferme Beaulieu (entrée principale)",
        ]
    ):
        event.pickup_points.add(
            PickupPoint(
                name=name,
                address="route 251, Sainte-Edwidge-de-Clifton, QC J0B 2R0",
                time=dt.time(7, 10 * n),
                locale=event.locale,
            )
        )
    event.save_revision().publish()
    es = translate(event, "es", {event.slug: "caminata-print"})
    return event, es


@pytest.fixture
def busy_weekend(thursday, crowded_event):
    """Ten activities on the weekend of the 28th, so the weekend flyer is full."""
    org = crowded_event[0].get_parent().specific
    for n in range(10):
        event = EventFactory(
            parent=org,
            title=f"Atelier de cuisine collective et repas partagé numéro {n}",
            slug=f"atelier-{n}",
            first_date=SATURDAY + dt.timedelta(days=n % 2),
            start_time=dt.time(9 + n, 0),
            end_time=dt.time(10 + n, 30),
            transport_provided=n % 3 == 0,
            place_name="Centre communautaire de Coaticook (grande salle)",
        )
        if n % 2:
            translate(event, "es", {event.title: f"Taller de cocina colectiva número {n}"})


def MM(mm):
    """CSS pixels in a length of paper (96 per inch)."""
    return round(mm / 25.4 * 96)


def page_count(pdf):
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.django_db(transaction=True)
def test_flyers_print_on_one_page(crowded_event, busy_weekend, live_server, browser):
    event, _es = crowded_event
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1000, "height": 1300})
    flyers = {
        "flyer-es-fr": f"/fr/flyer/event/{event.pk}/",
        "flyer-fr": f"/es/flyer/event/{event.pk}/?langs=fr",
        "flyer-weekend": "/fr/flyer/weekend/05/?langs=es,fr",
    }
    for name, path in flyers.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200
        for paper in ("Letter", "A4"):
            pdf = page.pdf(format=paper)
            (SCREENSHOTS / f"{name}-{paper}.pdf").write_bytes(pdf)
            assert page_count(pdf) == 1, f"{name} on {paper}"
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        page.emulate_media(media="print")
        page.screenshot(path=str(SCREENSHOTS / f"{name}-print.png"), full_page=True)
        page.emulate_media(media=None)

    # Laid out at the width and height of the printable area of A4/Letter, nothing is
    # cut off: the flyers' print styles clip what would overflow, so check they need not.
    page.set_viewport_size({"width": MM(186), "height": MM(255)})
    page.emulate_media(media="print")
    for name, path in flyers.items():
        page.goto(live_server.url + path)
        for box in (".flyer__cols", ".flyer__list"):
            clipped = page.evaluate(
                "s => [...document.querySelectorAll(s)]"
                ".some(e => e.scrollHeight > e.clientHeight + 1)",
                box,
            )
            assert not clipped, f"{name}: {box} does not fit"
        assert page.locator(".flyer__foot .qr").is_visible()
    page.goto(live_server.url + flyers["flyer-es-fr"])
    assert page.locator(".flyer__phone strong").inner_text() == "(819) 555-0142"
    assert page.locator(".flyer__foot").bounding_box()["y"] < MM(255)
