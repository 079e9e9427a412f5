from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from organizations.services import organizations_staffed_by


@hooks.register("register_admin_urls")
def register_feed_urls():
    from partner_feeds import views

    return [
        path("partner-calendars/", views.index, name="partner_feeds_index"),
        path("partner-calendars/add/", views.edit, name="partner_feeds_add"),
        path("partner-calendars/<int:feed_id>/", views.edit, name="partner_feeds_edit"),
        path("partner-calendars/<int:feed_id>/import/", views.run_now, name="partner_feeds_run"),
        path("partner-calendars/<int:feed_id>/delete/", views.delete, name="partner_feeds_delete"),
    ]


class FeedsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(organizations_staffed_by(request.user))


@hooks.register("register_admin_menu_item")
def feeds_menu_item():
    return FeedsMenuItem(
        _("Partner calendars"),
        reverse("partner_feeds_index"),
        name="partner-calendars",
        icon_name="date",
        order=350,
    )
