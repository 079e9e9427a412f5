from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    # The label the app had before it was split: its tables (events_*), content
    # types, migration history and the API's ?type=events.EventPage stay as they were.
    label = "events"
    verbose_name = _("Activities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.pages import add_context, serve_with
        from events import signals  # noqa: F401
        from events.admin_forms import EventPageForm
        from events.models import ActivitiesIndexPage, EventPage
        from events.page_views import (
            event_context,
            index_context,
            organization_context,
            serve_index,
        )
        from organizations.models import OrganizationPage

        EventPage.base_form_class = EventPageForm
        add_context(EventPage, event_context)
        serve_with(ActivitiesIndexPage, serve_index)
        add_context(ActivitiesIndexPage, index_context)
        add_context(OrganizationPage, organization_context)
