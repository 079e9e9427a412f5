from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Category, EventPage


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "pictogram", "locale"]


register_snippet(CategoryViewSet)


@hooks.register("register_admin_urls")
def register_date_urls():
    from events.admin_views import dates

    return [
        path("events/<int:page_id>/dates/", dates.date_list, name="events_dates"),
        path("events/<int:page_id>/dates/add/", dates.date_add, name="events_date_add"),
        path("events/<int:page_id>/dates/<int:date_id>/", dates.date_edit, name="events_date_edit"),
        path(
            "events/<int:page_id>/dates/<int:date_id>/status/",
            dates.date_status,
            name="events_date_status",
        ),
        *rsvp_urls(),
    ]


def rsvp_urls():
    from events.admin_views import messages as admin_messages
    from events.admin_views import rsvps

    prefix = "events/<int:page_id>/dates/<int:date_id>/registrations/"
    return [
        path(prefix, rsvps.rsvp_list, name="events_rsvps"),
        path(f"{prefix}add/", rsvps.rsvp_add, name="events_rsvp_add"),
        path(f"{prefix}check-in/", rsvps.checkin, name="events_rsvp_checkin"),
        path(
            f"{prefix}export.<str:export_format>",
            rsvps.RsvpExportView.as_view(),
            name="events_rsvp_export",
        ),
        path(f"{prefix}<int:rsvp_id>/cancel/", rsvps.rsvp_cancel, name="events_rsvp_cancel"),
        path(f"{prefix}messages/", admin_messages.date_messages, name="events_date_messages"),
        path(
            f"{prefix}messages/new/",
            admin_messages.message_everyone,
            name="events_message_everyone",
        ),
        path(
            f"{prefix}messages/<int:message_id>/retry/",
            admin_messages.retry_message,
            name="events_message_retry",
        ),
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


class DigestSummaryItem(SummaryItem):
    """Site administrators see how many people get the weekly digest: a number, never
    a contact (docs/digest.md)."""

    order = 500
    template_name = "events/admin/digest_summary.html"

    def get_context_data(self, parent_context):
        from events.models import DigestSubscription, SubscriptionStatus

        active = DigestSubscription.objects.filter(status=SubscriptionStatus.ACTIVE).count()
        return {"active": active}

    def is_shown(self):
        return self.request.user.is_superuser


@hooks.register("construct_homepage_summary_items")
def digest_summary(request, items):
    items.append(DigestSummaryItem(request))
