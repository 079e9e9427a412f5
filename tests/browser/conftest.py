"""Playwright driving Debian's Chromium against a live server with the demo data.

Browser downloads do not work here, so the tests use the system's Chromium
(`make browser-deps` installs it) and skip with a clear message without it.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the
# tests make between page visits are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def fresh_install():
    """What migrations create and a transactional test's flush removes: start from there.

    Locales, the root page and the root collection come from migrations; an earlier
    test's pages are removed so the demo builds its tree as on a new machine.
    """
    from wagtail.models import Collection, Locale, Page

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    Page.objects.filter(depth__gt=1).delete()
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def demo_site(live_server):
    """The demo organizations and activities, served by the live server."""
    from django.core.cache import cache
    from django.core.management import call_command

    fresh_install()
    cache.clear()
    call_command("load_demo", verbosity=0)
    cache.clear()  # site root paths and navigation cached while the tree was being built
    return live_server


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1)
    yield context.new_page()
    context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def log_in(page, site_url, username, password):
    """Sign in to the Wagtail admin as a person would, and wait for the dashboard."""
    page.goto(site_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
