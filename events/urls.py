"""Public pages of the events app that are not Wagtail pages (inside the language prefix)."""

from django.urls import path

from events.views import flyers, kiosk, reminders, rsvp, subscriptions

urlpatterns = [
    path("inscription/<int:page_id>/", rsvp.register, name="events_rsvp"),
    path("inscription/gerer/<str:token>/", rsvp.manage, name="events_rsvp_manage"),
    path("rappels/arret/<str:token>/", reminders.stop_reminders, name="events_stop_reminders"),
    path("flyer/event/<int:page_id>/", flyers.event_flyer, name="event-flyer"),
    path("flyer/weekend/<str:region>/", flyers.weekend_flyer, name="weekend-flyer"),
    path("kiosk/<str:region>/", kiosk.kiosk, name="kiosk"),
    path("infolettre/", subscriptions.subscribe, name="events_digest_subscribe"),
    path("infolettre/code/", subscriptions.code, name="events_digest_code"),
    path("infolettre/confirmer/<str:token>/", subscriptions.confirm, name="events_digest_confirm"),
    path(
        "infolettre/desabonner/<str:token>/",
        subscriptions.unsubscribe,
        name="events_digest_unsubscribe",
    ),
]
