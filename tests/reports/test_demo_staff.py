"""As the staff of each demo organization: their own figures, never another's.

One test on purpose: loading the demo is the slow part.
"""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from demo import content
from organizations.models import OrganizationPage
from reports.periods import Period
from reports.services import scope
from reports.services.tables import build

pytestmark = pytest.mark.django_db


def reached_by_month(organization, period):
    table = build(period, scope.event_filter([organization]), names=["month"])["month"]
    return [str(row["reached"]) for row in [*table.rows, table.total]]


def cells(html):
    """The figures of the "by month" table, as the page shows them."""
    table = html.split('id="table-month-heading"', 1)[1].split("</table>", 1)[0]
    rows = table.split("<tbody>", 1)[1].replace("</tfoot>", "").split("<tr>")[1:]
    return [row.split("<td>", 1)[1].split("</td>", 1)[0] for row in rows]


def test_each_demo_organizations_staff_see_only_their_figures(client):
    call_command("load_demo", verbosity=0)
    today = timezone.localdate()
    # The demo's past dates, whatever the day the test runs.
    period = Period(today - dt.timedelta(weeks=30), today)
    dates = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    orgs = {
        spec["slug"]: OrganizationPage.objects.get(slug=spec["slug"], locale__language_code="fr")
        for spec in content.ORGANIZATIONS
    }
    expected = {slug: reached_by_month(org, period) for slug, org in orgs.items()}
    assert len({tuple(figures) for figures in expected.values()}) == len(orgs)

    for spec in content.ORGANIZATIONS:
        own = orgs[spec["slug"]]
        client.logout()
        assert client.login(username=spec["staff"]["username"], password=spec["staff"]["password"])
        assert client.get(reverse("reports_index")).url == reverse("reports_report", args=[own.pk])
        page = client.get(reverse("reports_report", args=[own.pk]), dates)
        assert cells(page.content.decode()) == expected[spec["slug"]]
        for other in orgs.values():
            if other == own:
                continue
            refused = client.get(reverse("reports_report", args=[other.pk]), dates)
            assert refused.status_code in (302, 403)
            export = reverse("reports_export", args=[other.pk, "month", "csv"])
            assert client.get(export, dates).status_code in (302, 403)
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert all(other.title not in home for other in orgs.values() if other != own)
