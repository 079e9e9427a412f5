"""A report costs the same number of queries for 2 dates or 40; the admin home panel."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rsvp.models import Rsvp
from tests.factories import UserFactory, staff_of
from tests.reports.helpers import past_date, rsvp

pytestmark = pytest.mark.django_db

SEASON = {"start": "2025-04-01", "end": "2026-03-31"}
# Session, user, the user's organizations, the events' paths, 6 GROUP BY queries,
# category names, and what Wagtail's admin pages read (permissions, menu, locales).
REPORT_QUERIES = 24
EXPORT_QUERIES = 10


def dates_with_registrations(event, count):
    for week in range(count):
        date = past_date(
            event, dt.date(2025, 4, 5) + dt.timedelta(weeks=week % 50, days=week // 50)
        )
        rsvp(date, party=2, attended=True)
        rsvp(date, "+18195559999")


def test_report_and_export_queries_do_not_grow_with_dates(
    client, orgs, events, django_assert_max_num_queries
):
    aide, _sana = orgs
    client.force_login(staff_of(aide))
    page = reverse("reports_report", args=[aide.pk])
    export = reverse("reports_export", args=[aide.pk, "category", "xlsx"])
    client.get(page, SEASON)  # what the admin caches after its first page
    counts = []
    for more in (2, 60):
        dates_with_registrations(events[0], more)
        with CaptureQueriesContext(connection) as report_queries:
            with django_assert_max_num_queries(REPORT_QUERIES):
                assert client.get(page, SEASON).status_code == 200
        with CaptureQueriesContext(connection) as export_queries:
            with django_assert_max_num_queries(EXPORT_QUERIES):
                assert client.get(export, SEASON).status_code == 200
        counts.append((len(report_queries), len(export_queries)))
    assert Rsvp.objects.count() == 2 * 62
    assert counts[0] == counts[1]


def test_home_panel_shows_this_months_figures_of_the_users_organization(client, orgs, events):
    aide, sana = orgs
    hike, soccer = events
    today = timezone.localdate()
    for _i in range(6):
        rsvp(past_date(hike, today.replace(day=1)), attended=True)
    for _i in range(8):
        rsvp(past_date(soccer, today.replace(day=1)), attended=True)
    rsvp(past_date(hike, today.replace(day=1) - dt.timedelta(days=40)), party=4)
    client.force_login(staff_of(aide))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="reports-month' in html
    assert "<td>6</td>" in html and "<td>8</td>" not in html and "SANA" not in html
    client.force_login(UserFactory(is_superuser=True))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<td>14</td>" in html


def test_menu_shows_reports_to_staff_only(client, orgs):
    aide, _sana = orgs
    client.force_login(staff_of(aide))
    assert "figures-for-funders" in client.get(reverse("wagtailadmin_home")).content.decode()
    outsider = UserFactory()
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert "figures-for-funders" not in home.content.decode()
    assert "reports-month" not in home.content.decode()
