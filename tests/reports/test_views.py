"""The report page and its exports, as staff of each organization and as administrator."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UserFactory, staff_of
from tests.reports.helpers import past_date, rsvp

pytestmark = pytest.mark.django_db

SEASON = {"start": "2025-04-01", "end": "2026-03-31"}


def refused(response, figure):
    """Wagtail's admin answers PermissionDenied with a redirect to its home."""
    return response.status_code in (302, 403) and figure not in response.content.decode()


@pytest.fixture
def registered(events):
    """AIDE: 37 people on a hike in June 2025; SANA: 23 at soccer in July 2025."""
    hike, soccer = events
    for i in range(37):
        rsvp(past_date(hike, dt.date(2025, 6, 7)), attended=i % 2 == 0)
    for _i in range(23):
        rsvp(past_date(soccer, dt.date(2025, 7, 5)), attended=True)
    rsvp(past_date(soccer, dt.date(2025, 8, 2)), party=3)
    return events


def test_staff_see_their_figures_and_never_anothers(client, orgs, registered):
    aide, sana = orgs
    for own, other, shown, hidden in ((aide, sana, "37", "23"), (sana, aide, "23", "37")):
        client.force_login(staff_of(own))
        page = client.get(reverse("reports_report", args=[own.pk]), SEASON)
        assert page.status_code == 200
        html = page.content.decode()
        assert f"<td>{shown}</td>" in html and f"<td>{hidden}</td>" not in html
        assert other.title not in html
        assert refused(client.get(reverse("reports_report", args=[other.pk]), SEASON), hidden)
        assert refused(client.get(reverse("reports_report", args=["all"]), SEASON), hidden)
        export = reverse("reports_export", args=[other.pk, "month", "csv"])
        assert refused(client.get(export, SEASON), hidden)
        assert client.get(reverse("reports_index")).url == reverse("reports_report", args=[own.pk])


def test_administrator_sees_every_organization_and_all_together(client, orgs, registered):
    aide, sana = orgs
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(reverse("reports_index")).url == reverse("reports_report", args=["all"])
    html = client.get(reverse("reports_report", args=["all"]), SEASON).content.decode()
    assert (
        "<td>37</td>" in html and "<td>23</td>" in html and "<td>63</td>" in html
    )  # with 3 in August
    assert client.get(reverse("reports_report", args=[sana.pk]), SEASON).status_code == 200


def test_someone_without_an_organization_is_refused(client, orgs):
    client.force_login(UserFactory())
    assert client.get(reverse("reports_index")).status_code in (302, 403)
    assert refused(client.get(reverse("reports_report", args=[orgs[0].pk])), "<td>")


def test_small_counts_show_as_less_than_five_on_the_page_and_in_exports(client, orgs, registered):
    _aide, sana = orgs
    client.force_login(staff_of(sana))
    html = client.get(reverse("reports_report", args=[sana.pk]), SEASON).content.decode()
    assert "&lt; 5" in html  # August: 3 people
    assert "<td>3</td>" not in html and ">3<" not in html
    csv_response = client.get(reverse("reports_export", args=[sana.pk, "month", "csv"]), SEASON)
    assert csv_response["Content-Disposition"] == (
        'attachment; filename="sana-month-2025-04-01_2026-03-31.csv"'
    )
    lines = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert lines[0][1:5] == [
        "Personnes rejointes",
        "Personnes accompagnées",
        "Inscriptions",
        "Personnes inscrites",
    ]
    august = next(line for line in lines if line[0].startswith("août"))
    assert august[1:5] == ["< 5", "0", "< 5", "< 5"]  # 3 people, 1 registration
    assert "3" not in august and "1" not in august
    xlsx = client.get(reverse("reports_export", args=[sana.pk, "month", "xlsx"]), SEASON)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    august = next(row for row in rows if str(row[0]).startswith("août"))
    assert august[1:5] == ["< 5", 0, "< 5", "< 5"] and 3 not in august
    july = next(row for row in rows if str(row[0]).startswith("juillet"))
    assert july[2] == 23  # numbers stay numbers


def test_svg_charts_are_accessible_and_drawn_on_the_server(client, orgs, registered):
    aide, _sana = orgs
    client.force_login(staff_of(aide))
    html = client.get(reverse("reports_report", args=[aide.pk]), SEASON).content.decode()
    assert html.count('role="img"') >= 2
    assert 'aria-labelledby="chart-month-title chart-month-desc"' in html
    assert '<title id="chart-category-title">' in html
    assert '<script src="http' not in html


@pytest.mark.parametrize(
    "dates",
    [
        {"start": "2025-13-01", "end": "2026-01-01"},
        {"start": "2026-01-01", "end": "2025-01-01"},
        {"start": "2000-01-01", "end": "2026-01-01"},
        {"start": "nonsense", "end": ""},
        {"start": "9999-12-31", "end": "9999-12-31"},
        {"start": "0001-01-01", "end": "0001-01-02"},
        {"start": "2026-01-01"},
    ],
)
def test_bad_dates_are_a_form_error_never_a_500(client, orgs, dates):
    aide, _sana = orgs
    client.force_login(staff_of(aide))
    page = client.get(reverse("reports_report", args=[aide.pk]), dates)
    assert page.status_code == 200
    assert 'class="error-message"' in page.content.decode()
    export = client.get(reverse("reports_export", args=[aide.pk, "month", "csv"]), dates)
    assert export.status_code == 302


NOT_FOUND = (302, 404)  # an admin 404 is sent on to the language-prefixed address


def test_unknown_table_format_or_organization_is_refused(client, orgs):
    aide, _sana = orgs
    client.force_login(staff_of(aide))
    export = "reports_export"
    assert client.get(reverse(export, args=[aide.pk, "secret", "csv"])).status_code in NOT_FOUND
    assert client.get(reverse(export, args=[aide.pk, "month", "pdf"])).status_code in NOT_FOUND
    assert refused(client.get(reverse("reports_report", args=["abc"])), "<td>")
    assert refused(client.get(reverse("reports_index"), {"organization": "a/b"}), "<td>")
    assert refused(client.get(reverse("reports_report", args=[999999])), "<td>")
    # Digits to str.isdigit(), not to int().
    assert refused(client.get(reverse("reports_report", args=["²"])), "<td>")
    assert refused(client.get(reverse("reports_index"), {"organization": "①"}), "<td>")


def test_the_form_goes_on_to_the_chosen_organization_with_its_dates(client, orgs):
    aide, sana = orgs
    client.force_login(UserFactory(is_superuser=True))
    chosen = client.get(reverse("reports_index"), {"organization": sana.pk, **SEASON})
    assert chosen.url == reverse("reports_report", args=[sana.pk]) + (
        "?start=2025-04-01&end=2026-03-31"
    )
    page = client.get(reverse("reports_report", args=[sana.pk]), SEASON).content.decode()
    assert f'<option value="{sana.pk}" selected>SANA</option>' in page
    assert f'<option value="{aide.pk}">AIDE</option>' in page
    client.force_login(staff_of(aide))
    sent_on = client.get(reverse("reports_index"), {"organization": sana.pk, **SEASON})
    assert refused(client.get(sent_on.url), "SANA")


def test_the_period_form_gives_the_browser_iso_dates(client, orgs):
    """<input type=date> shows only YYYY-MM-DD: the season's "01/04/2026" showed empty."""
    from reports.periods import season

    client.force_login(staff_of(orgs[0]))
    html = client.get(reverse("reports_report", args=[orgs[0].pk])).content.decode()
    period = season()
    assert f'type="date" name="start" value="{period.start.isoformat()}"' in html
    assert f'type="date" name="end" value="{period.end.isoformat()}"' in html
