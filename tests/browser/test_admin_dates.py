"""Staff change only the seats of a date in a real browser: the date field shows the
stored day (an <input type=date> given "26/12/2026" shows empty, and saving then
asks for the date again)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.formatting import to_local
from events.models import EventDate, EventPage
from organizations.models import OrganizationPage
from tests.browser.conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def aide_event():
    """A demo activity of AIDE with seats and a date to come (the one its staff edit)."""
    organization = OrganizationPage.objects.get(slug="aide", locale__language_code="fr")
    pages = EventPage.objects.child_of(organization).exclude(capacity=None).order_by("pk")
    return pages.first().original()


def test_staff_change_the_seats_of_a_date_without_retyping_it(demo_site, browser):
    event = aide_event()
    date = EventDate.objects.for_event(event).filter(start__gt=timezone.now()).first()
    seats = (date.capacity or 10) + 7
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-CA")
    page = context.new_page()
    log_in(page, demo_site.url, "aide", "aide-demo-2026")
    page.goto(demo_site.url + reverse("events_date_edit", args=[event.pk, date.pk]))

    day = to_local(date.start, event.timezone).date()
    assert page.input_value("input[name=day]") == day.isoformat()
    # What the browser makes of it: a day, not an empty date box.
    assert page.eval_on_selector("input[name=day]", "e => e.valueAsDate !== null")
    page.fill("input[name=capacity]", str(seats))
    page.click("form:has(input[name=capacity]) button[type=submit]")
    page.wait_for_url("**" + reverse("events_dates", args=[event.pk]))
    saved = EventDate.objects.get(pk=date.pk)
    assert (saved.capacity, saved.start, saved.end) == (seats, date.start, date.end)
    context.close()
