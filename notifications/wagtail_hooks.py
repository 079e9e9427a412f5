from django.urls import path
from wagtail import hooks


@hooks.register("register_admin_urls")
def register_message_urls():
    from notifications import admin_views

    prefix = "events/<int:page_id>/dates/<int:date_id>/registrations/messages/"
    return [
        path(prefix, admin_views.date_messages, name="events_date_messages"),
        path(f"{prefix}new/", admin_views.message_everyone, name="events_message_everyone"),
        path(
            f"{prefix}<int:message_id>/retry/",
            admin_views.retry_message,
            name="events_message_retry",
        ),
    ]
