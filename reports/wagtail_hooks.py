from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reports.services import scope


@hooks.register("register_admin_urls")
def register_report_urls():
    from reports import views

    return [
        path("reports/", views.index, name="reports_index"),
        path("reports/<str:scope_id>/", views.report, name="reports_report"),
        path(
            "reports/<str:scope_id>/<str:table>.<str:export_format>",
            views.export,
            name="reports_export",
        ),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return scope.may_see_all(user) or bool(scope.organizations_for(user))


# In Wagtail's own "Reports" menu, first: a second top-level "Reports" would read the
# same as Wagtail's in every language.
@hooks.register("register_reports_menu_item")
def reports_menu_item():
    return ReportsMenuItem(
        _("Figures for funders"),
        reverse("reports_index"),
        name="figures-for-funders",
        icon_name="table",
        order=10,
    )


@hooks.register("construct_homepage_panels")
def month_panel(request, panels):
    from reports.panels import MonthPanel

    user = request.user
    if scope.may_see_all(user) or scope.organizations_for(user):
        panels.append(MonthPanel(user))
