"""The admin home's panel: this month's figures of the user's organization(s)."""

from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from reports import periods
from reports.services import scope
from reports.services.tables import totals


class MonthPanel(Component):
    name = "reports_month"
    template_name = "reports/month_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def lines(self):
        """(name, scope id, total row): all organizations for site administrators,
        else one line per organization of the user (one query each)."""
        month = periods.month()
        if scope.may_see_all(self.user):
            targets = [(_("All organizations"), scope.ALL, None)]
        else:
            targets = [
                (page.title, page.pk, scope.event_filter([page]))
                for page in scope.organizations_for(self.user)
            ]
        return [(name, target, totals(month, condition)) for name, target, condition in targets]

    def get_context_data(self, parent_context):
        return {"lines": self.lines(), "month": periods.month()}
