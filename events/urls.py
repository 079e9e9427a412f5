"""Public pages of the events app that are not Wagtail pages (inside the language prefix)."""

from django.urls import path

from events.views import flyers, kiosk

urlpatterns = [
    path("flyer/event/<int:page_id>/", flyers.event_flyer, name="event-flyer"),
    path("flyer/weekend/<str:region>/", flyers.weekend_flyer, name="weekend-flyer"),
    path("kiosk/<str:region>/", kiosk.kiosk, name="kiosk"),
]
