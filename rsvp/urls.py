"""Registration pages (inside the language prefix); their addresses and names are public."""

from django.urls import path

from rsvp import views

urlpatterns = [
    path("inscription/<int:page_id>/", views.register, name="events_rsvp"),
    path("inscription/gerer/<str:token>/", views.manage, name="events_rsvp_manage"),
]
