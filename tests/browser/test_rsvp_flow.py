"""Registering on an event page in a real browser: the neutral "check your phone" page
(WCAG 2.2 A/AA by axe-core), then the private link from the SMS opens the manage page."""

import pytest

from events.models import EventPage
from notifications import sms
from rsvp.models import Rsvp
from rsvp.services import availability
from tests.browser.conftest import screenshot
from tests.browser.test_pages import assert_accessible
from tests.rsvp_helpers import links_in_messages_to, send_due

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TYPED = "819 555 0142"
PHONE = "+18195550142"


def open_event(lang):
    """A demo event whose page takes registrations (a date open, with seats). A date
    under way today is upcoming but no longer bookable: the form does not offer it."""
    for page in EventPage.objects.live().filter(locale__language_code=lang).order_by("path"):
        if any(slot.bookable for slot in availability.slots(page.shared_dates().upcoming())):
            return page
    pytest.fail("the demo has no event open for registration")


@pytest.mark.parametrize(
    "lang, heading", [("fr", "Regardez votre cellulaire"), ("es", "Revise su teléfono")]
)
def test_register_lands_on_the_neutral_page_then_the_link_works(
    demo_site, phone, settings, lang, heading
):
    settings.ENSEMBLE_RSVP_MIN_FILL_SECONDS = 0  # a robot-fast browser is fine here
    sms.outbox = []
    event = open_event(lang)
    phone.goto(demo_site.url + event.url)
    form = phone.locator("form.rsvp-form").first
    form.locator("input[name='person-date']").first.check()
    form.locator("#id_person-first_name").fill("Ana")
    form.locator("#id_person-phone").fill(TYPED)
    form.locator("#id_person-reminder_0").check()  # by SMS
    form.locator("#id_person-consent").check()
    form.locator("button[type='submit']").click()
    phone.wait_for_load_state()

    assert phone.locator("h1").inner_text() == heading
    assert "••• ••• 0142" in phone.locator("main").inner_text()
    assert "/inscription/gerer/" not in phone.content(), "the link never shows on screen"
    assert_accessible(phone, f"{lang} rsvp sent")
    screenshot(phone, f"{lang}-rsvp-sent")

    rsvp = Rsvp.objects.get(phone=PHONE)
    assert rsvp.language == lang
    send_due()
    path, _token = links_in_messages_to(PHONE)[-1]
    response = phone.goto(demo_site.url + path)
    assert response.status == 200
    assert "Ana" in phone.content()

    # The page's own buttons post back to it: the browser must be allowed to send its
    # Origin (with "no-referrer", Chromium sent "Origin: null" and CSRF refused).
    phone.locator("button[name='action'][value='cancel']").click()
    phone.wait_for_load_state()
    rsvp.refresh_from_db()
    assert rsvp.status == "cancelled"
