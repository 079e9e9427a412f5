"""The weekly digest's pages on the demo site, in Chromium: WCAG 2.2 AA (axe-core) on
the empty form, the form with errors, the neutral answer and the code page; and the
whole request with JavaScript off (axe itself needs JavaScript, so it runs in its own
browser context)."""

import re

import pytest
from django.core import mail

from digest.models import DigestSubscription
from notifications import dispatcher
from rsvp.models import OutboxMessage
from tests.browser.conftest import PHONE, screenshot
from tests.browser.test_pages import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def no_js_phone(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["es", "fr"])
def test_subscribe_pages_meet_wcag_aa(demo_site, phone, settings, lang):
    settings.ENSEMBLE_RSVP_MIN_FILL_SECONDS = 0
    page = phone
    response = page.goto(f"{demo_site.url}/{lang}/infolettre/?region=05")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    assert page.is_checked("input[name=regions][value='05']")
    assert page.is_checked(f"input[name=language][value='{lang}']")
    assert_accessible(page, f"{lang} subscribe")
    screenshot(page, f"{lang}-digest-subscribe")

    # Neither a phone nor an e-mail, and no region: errors next to their fields.
    page.uncheck("input[name=regions][value='05']")
    page.locator("form.digest-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_phone_error").count() == 1
    assert page.locator("#id_regions_error").count() == 1
    assert "id_phone_error" in page.get_attribute("#id_phone", "aria-describedby")
    assert_accessible(page, f"{lang} subscribe with errors")
    screenshot(page, f"{lang}-digest-subscribe-errors")

    page.fill("#id_phone", "819 555 0142")
    page.check("input[name=regions][value='16']")
    page.locator("form.digest-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.input_value("#id_phone") == "+18195550142"  # the code form, filled in
    assert_accessible(page, f"{lang} check your phone")
    screenshot(page, f"{lang}-digest-sent")
    subscription = DigestSubscription.objects.get()
    assert subscription.requested_regions == "16"
    assert OutboxMessage.objects.filter(subscription=subscription).count() == 1

    page.fill("#id_code", "12")
    page.locator("form[action$='/infolettre/code/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#id_code_error").count() == 1
    assert_accessible(page, f"{lang} code with an error")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_subscribe_without_javascript(demo_site, no_js_phone, settings):
    settings.ENSEMBLE_RSVP_MIN_FILL_SECONDS = 0
    page = no_js_phone
    page.goto(f"{demo_site.url}/fr/infolettre/?region=05")
    page.fill("#id_email", "ana@example.org")
    page.locator("form.digest-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "ana@example.org" in page.locator("main").inner_text()
    subscription = DigestSubscription.objects.get()
    assert (subscription.channel, subscription.requested_regions) == ("email", "05")

    # The link in the e-mail: a page with a button, which confirms.
    dispatcher.dispatch()
    link = re.search(r"http://testserver(/fr/infolettre/confirmer/\S+/)", mail.outbox[-1].body)
    page.goto(demo_site.url + link.group(1))
    subscription.refresh_from_db()
    assert subscription.status == "pending"
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    subscription.refresh_from_db()
    assert subscription.status == "active" and subscription.regions == "05"


def test_the_listing_links_to_the_subscribe_page(demo_site, no_js_phone):
    from events.models import ActivitiesIndexPage

    listing = ActivitiesIndexPage.objects.get(locale__language_code="es").url
    no_js_phone.goto(f"{demo_site.url}{listing}?region=05")
    no_js_phone.locator("#digest-heading + p + p a").click()
    no_js_phone.wait_for_load_state()
    assert "/es/infolettre/?region=05" in no_js_phone.url
    assert no_js_phone.is_checked("input[name=regions][value='05']")
