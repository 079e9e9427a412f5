"""Debian's Chromium driven by Playwright, shared by every browser test.

One browser for the whole session: Playwright's sync API runs an event loop in the
test thread, and a second one started beside it would fail. Browser downloads do not
work here, so the tests use the system's Chromium (`make browser-deps` installs it)
and skip with a clear message without it.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium not installed: apt-get install chromium (or make browser-deps)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # The ORM calls the tests make between page visits are plain synchronous code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
