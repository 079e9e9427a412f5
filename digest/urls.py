"""Subscribing to the weekly digest (inside the language prefix)."""

from django.urls import path

from digest import views

urlpatterns = [
    path("infolettre/", views.subscribe, name="events_digest_subscribe"),
    path("infolettre/code/", views.code, name="events_digest_code"),
    path("infolettre/confirmer/<str:token>/", views.confirm, name="events_digest_confirm"),
    path(
        "infolettre/desabonner/<str:token>/",
        views.unsubscribe,
        name="events_digest_unsubscribe",
    ),
]
