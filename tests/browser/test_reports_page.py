"""The funders' report in a real browser: WCAG 2.2 A/AA (axe-core) on its content."""

import pytest

from tests.browser.conftest import log_in, screenshot
from tests.browser.test_pages import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_report_page_meets_wcag_aa(demo_site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, demo_site.url, "aide", "aide-demo-2026")
    response = page.goto(demo_site.url + "/admin/reports/")
    assert response.status == 200
    assert page.locator("svg[role=img]").count() == 2
    assert page.locator("main table").count() == 5
    # Wagtail's own sidebar and header are Wagtail's to check: the report's content is ours.
    assert_accessible(page, "report", context="main")
    screenshot(page, "admin-report")
    context.close()
