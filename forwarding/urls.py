"""Flyers and the kiosk screen (inside the language prefix)."""

from django.urls import path

from forwarding.views import flyers, kiosk

urlpatterns = [
    path("flyer/event/<int:page_id>/", flyers.event_flyer, name="event-flyer"),
    path("flyer/weekend/<str:region>/", flyers.weekend_flyer, name="weekend-flyer"),
    path("kiosk/<str:region>/", kiosk.kiosk, name="kiosk"),
]
