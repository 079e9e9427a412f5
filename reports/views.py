"""Admin views of the reports: the page, its exports, and the way in.

Each view resolves the organization through reports.services.scope first: staff of
another organization are refused (403) before any figure is read.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from core.numbers import whole_number
from reports.forms import PeriodForm
from reports.services import exports, scope
from reports.services.charts import bar_chart
from reports.services.tables import METHOD, TABLES, build

CHARTED = ("month", "category")
FORMATS = ("csv", "xlsx")


def index(request):
    """The way in, and where the page's form goes: on to the chosen organization's
    report (which checks the user may read it), with the chosen dates."""
    chosen = request.GET.get("organization")
    if not chosen:
        if scope.may_see_all(request.user):
            chosen = scope.ALL
        else:
            organizations = scope.organizations_for(request.user)
            if not organizations:
                raise PermissionDenied
            chosen = organizations[0].pk
    if str(chosen) != scope.ALL and whole_number(chosen) is None:
        raise PermissionDenied  # nothing an address can be built from
    url = reverse("reports_report", kwargs={"scope_id": chosen})
    return redirect(url + PeriodForm(request.GET).query())


def _scope_name(organization):
    return organization.title if organization else _("All organizations")


def _condition(organization):
    return None if organization is None else scope.event_filter([organization])


def report(request, scope_id):
    organization = scope.organization_for(request.user, scope_id)
    form = PeriodForm(request.GET)
    tables = None
    if not form.is_bound or form.is_valid():
        tables = build(form.period(), _condition(organization))
    context = {
        "organization": organization,
        "scope": scope_id,
        "scope_name": _scope_name(organization),
        "choices": _choices(request.user),
        "form": form,
        "period": form.period(),
        "tables": list(tables.values()) if tables else [],
        "charts": {slug: bar_chart(tables[slug]) for slug in CHARTED} if tables else {},
        "method": METHOD,
        "query": form.query(),
    }
    return TemplateResponse(request, "reports/report.html", context)


def _choices(user):
    choices = [(page.pk, page.title) for page in scope.organizations_for(user)]
    if scope.may_see_all(user):
        choices.insert(0, (scope.ALL, _("All organizations")))
    return choices


def export(request, scope_id, table, export_format):
    organization = scope.organization_for(request.user, scope_id)
    if table not in TABLES or export_format not in FORMATS:
        raise Http404
    form = PeriodForm(request.GET)
    if form.is_bound and not form.is_valid():
        # Back to the page, which shows what is wrong with the dates.
        return redirect(reverse("reports_report", kwargs={"scope_id": scope_id}) + form.query())
    period = form.period()
    built = build(period, _condition(organization), names=[table])[table]
    name = exports.filename(_scope_name(organization), built, period, export_format)
    if export_format == "csv":
        return exports.csv_response(built, name)
    return exports.xlsx_response(built, name, METHOD)
