"""Home, listing and event page in a real browser: WCAG 2.2 A/AA (axe-core), no-JS filters."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from events.models import ActivitiesIndexPage, EventPage
from tests.browser.conftest import PHONE, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def listing_url(lang):
    return ActivitiesIndexPage.objects.get(locale__language_code=lang).url


def event_with_pickups(lang):
    return (
        EventPage.objects.live()
        .filter(locale__language_code=lang, pickup_points__isnull=False)
        .distinct()
        .order_by("path")
        .first()
    )


def assert_accessible(page, label, context=None):
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
    results = Axe().run(page, context=context, options=options)
    assert results.response["passes"], "axe-core did not run"
    details = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in results.response["violations"]
    ]
    assert details == [], f"{label}:\n" + "\n".join(details)


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_pages_meet_wcag_aa_on_a_phone(demo_site, phone, lang):
    event = event_with_pickups(lang)
    pages = {
        "home": f"/{lang}/",
        "listing": f"{listing_url(lang)}?when=month&transport=1&region=05",
        "listing-empty": f"{listing_url(lang)}?q=zzzz&region=99",
        "listing-near": f"{listing_url(lang)}?near=Coaticook&km=50",
        "listing-near-choices": f"{listing_url(lang)}?near=Saint-Alexandre",
        "event": event.url,
    }
    for name, path in pages.items():
        response = phone.goto(demo_site.url + path)
        assert response.status == 200, path
        assert phone.locator("html").get_attribute("lang") == lang
        assert_accessible(phone, f"{lang} {name}")
        screenshot(phone, f"{lang}-{name}")
    # The page fits a phone: nothing scrolls sideways.
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_the_filter_form_works_without_javascript(demo_site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site.url + listing_url("es"))
    # The next 7 days always hold a demo outing in Estrie with a ride ("this month"
    # can be a few hours long: on 31 December at 23:30 it holds none).
    page.select_option("#id_when", "week")
    page.select_option("#id_region", "05")
    page.check("#id_transport")
    page.get_by_role("button", name="Ver actividades").click()
    page.wait_for_load_state()
    assert "when=week" in page.url and "region=05" in page.url and "transport=1" in page.url
    cards = page.locator(".card")
    assert cards.count() > 0
    for i in range(cards.count()):
        assert cards.nth(i).locator(".badge--transport").count() == 1
    # The choice is remembered: the home page now shows Estrie's weekend.
    page.goto(demo_site.url + "/es/")
    assert "Estrie" in page.locator("#weekend-heading").inner_text()
    screenshot(page, "es-listing-no-js")
    context.close()


def test_a_town_is_searched_without_javascript(demo_site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site.url + listing_url("es"))
    page.get_by_label("Cerca de (pueblo o código postal)").fill("st-jean")
    page.select_option("#id_km", "200")
    page.get_by_role("button", name="Ver actividades").click()
    page.wait_for_load_state()
    # Several places start so: they are offered as links, the radius kept.
    page.get_by_role("link", name="Saint-Jean-sur-Richelieu").click()
    page.wait_for_load_state()
    assert "near=Saint-Jean-sur-Richelieu" in page.url and "km=200" in page.url
    distances = page.locator(".card .distance")
    assert distances.count() > 0
    assert all(text.endswith(("km", ")")) for text in distances.all_inner_texts())
    screenshot(page, "es-listing-near-no-js")
    context.close()
