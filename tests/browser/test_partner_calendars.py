"""Partner calendars in a real browser, as AIDE's staff use them: WCAG 2.2 A/AA (axe-core)
on the form with its errors and on the list with a refused calendar's reason."""

import pytest

from events.models import Category
from organizations.models import OrganizationPage
from partner_feeds.models import PartnerFeed
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_pages import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_adding_a_calendar_and_reading_why_it_was_refused(demo_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-CA")
    page = context.new_page()
    log_in(page, demo_site.url, "aide", "aide-demo-2026")

    page.goto(demo_site.url + "/admin/partner-calendars/add/")
    page.fill("#id_url", "ftp://calendrier.example.org/agenda.ics")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#id_url[aria-invalid=true], .error-message, .help-critical").count()
    assert page.locator("#id_trusted").count() == 0  # only site administrators set it
    assert_accessible(page, "partner calendar form with an error", context="main")

    # An address inside the network is refused when saved, with the reason.
    page.fill("#id_url", "https://10.0.0.5/agenda.ics")
    page.select_option("#id_category", label="Sorties")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/admin/partner-calendars/add/")
    assert "réseau privé ou interne (10.0.0.5)" in page.locator("main").inner_text()
    assert_accessible(page, "partner calendar form refusing a private address", context="main")

    # One saved before its name led inside the network (DNS changes): refused when
    # imported, and the list says why, worded for staff in their language.
    PartnerFeed.objects.create(
        organization=OrganizationPage.objects.get(slug="aide", locale__language_code="fr"),
        url="https://10.0.0.5/agenda.ics",
        category=Category.objects.get(slug="outing", locale__language_code="fr"),
    )
    page.goto(demo_site.url + "/admin/partner-calendars/")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(demo_site.url + "/admin/partner-calendars/")
    main = page.locator("main").inner_text()
    assert "réseau privé ou interne (10.0.0.5)" in main
    assert_accessible(page, "partner calendars with a refusal", context="main")
    screenshot(page, "admin-partner-calendars")
    context.close()
