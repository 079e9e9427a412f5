"""Public RSVP URLs, inside the language prefix (/fr/inscription/…)."""

from django.urls import path

from events.views import rsvp

urlpatterns = [
    path("inscription/<int:page_id>/", rsvp.register, name="events_rsvp"),
    path("inscription/gerer/<str:token>/", rsvp.manage, name="events_rsvp_manage"),
]
