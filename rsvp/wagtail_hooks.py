from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from events.models import EventPage


@hooks.register("register_admin_urls")
def register_date_urls():
    from rsvp.admin_views import dates, rsvps

    prefix = "events/<int:page_id>/dates/<int:date_id>/registrations/"
    return [
        path("events/<int:page_id>/dates/", dates.date_list, name="events_dates"),
        path("events/<int:page_id>/dates/add/", dates.date_add, name="events_date_add"),
        path("events/<int:page_id>/dates/<int:date_id>/", dates.date_edit, name="events_date_edit"),
        path(
            "events/<int:page_id>/dates/<int:date_id>/status/",
            dates.date_status,
            name="events_date_status",
        ),
        path(prefix, rsvps.rsvp_list, name="events_rsvps"),
        path(f"{prefix}add/", rsvps.rsvp_add, name="events_rsvp_add"),
        path(f"{prefix}check-in/", rsvps.checkin, name="events_rsvp_checkin"),
        path(
            f"{prefix}export.<str:export_format>",
            rsvps.RsvpExportView.as_view(),
            name="events_rsvp_export",
        ),
        path(f"{prefix}<int:rsvp_id>/cancel/", rsvps.rsvp_cancel, name="events_rsvp_cancel"),
    ]


class DatesMenuItem(PageMenuItem):
    label = _("Dates")
    icon_name = "date"
    url_name = "events_dates"
    priority = 12

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


def _is_event(page):
    return page.specific_class is not None and issubclass(page.specific_class, EventPage)


@hooks.register("register_page_header_buttons")
def dates_header_button(page, user, view_name=None, next_url=None):
    if page.pk and _is_event(page):
        yield DatesMenuItem(page=page)


@hooks.register("register_page_listing_more_buttons")
def dates_listing_button(page, user, next_url=None):
    if _is_event(page):
        yield DatesMenuItem(page=page)
