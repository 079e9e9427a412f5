"""The Content-Security-Policy in real Chromium: the public pages and the Wagtail admin
load without one violation (no blocked script, style, image or frame)."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import ActivitiesIndexPage, EventPage
from tests.browser.conftest import log_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(browser):
    """A page whose CSP violations (events and console reports) are collected."""
    context = browser.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.console_reports = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.console_reports.append(message.text)
        ),
    )
    yield page
    context.close()


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    assert "Content-Security-Policy" in response.headers or "content-security-policy" in (
        response.headers
    )
    page.wait_for_load_state("load")
    return page.evaluate("window.__violations") + page.console_reports


def public_pages():
    event = EventPage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    listing = ActivitiesIndexPage.objects.get(locale__language_code="fr").url
    with translation.override("fr"):
        rsvp = reverse("events_rsvp", args=[event.pk])
        flyer = reverse("event-flyer", args=[event.pk])
    return {
        "home": "/fr/",
        "listing": f"{listing}?when=month&region=05",
        "event": event.url,
        "rsvp form": rsvp,
        "digest subscribe": "/fr/infolettre/?region=05",
        "flyer": flyer,
    }


def test_public_pages_pass_the_strict_policy(demo_site, watched):
    problems = {}
    for name, path in public_pages().items():
        found = visit(watched, demo_site.url + path)
        if found:
            problems[name] = found
    assert problems == {}


def test_the_admin_passes_its_policy(demo_site, watched):
    UserFactory(username="editor", is_superuser=True, is_staff=True, password="pw-éditeur-42")
    log_in(watched, demo_site.url, "editor", "pw-éditeur-42")
    event = EventPage.objects.live().filter(locale__language_code="fr").first()
    problems = {}
    for path in ("/admin/", f"/admin/pages/{event.pk}/edit/", "/admin/pages/"):
        found = visit(watched, demo_site.url + path)
        if found:
            problems[path] = found
    assert problems == {}
