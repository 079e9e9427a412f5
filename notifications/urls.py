"""Notification pages inside the language prefix, and the providers' webhooks outside it."""

from django.urls import path

from notifications.views import reminders, sms_webhooks

urlpatterns = [
    path("rappels/arret/<str:token>/", reminders.stop_reminders, name="events_stop_reminders"),
]

# No language prefix: the provider calls a fixed address.
webhook_urlpatterns = [
    path("sms/twilio/status/", sms_webhooks.twilio_status, name="twilio_status"),
    path("sms/twilio/incoming/", sms_webhooks.twilio_incoming, name="twilio_incoming"),
]
