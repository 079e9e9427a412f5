"""Notification pages inside the language prefix, and the providers' webhooks outside it."""

from django.urls import path

from notifications.views import reminders, sms_webhooks, voice_webhooks

urlpatterns = [
    path("rappels/arret/<str:token>/", reminders.stop_reminders, name="events_stop_reminders"),
]

# No language prefix: the provider calls a fixed address.
webhook_urlpatterns = [
    path("sms/twilio/status/", sms_webhooks.twilio_status, name="twilio_status"),
    path("sms/twilio/incoming/", sms_webhooks.twilio_incoming, name="twilio_incoming"),
    # The voice line (docs/voice.md): the number's "A call comes in" webhook, then
    # one address per menu.
    path("voice/twilio/incoming/", voice_webhooks.incoming_view, name="voice_incoming"),
    path("voice/twilio/language/", voice_webhooks.language_view, name="voice_language"),
    path("voice/twilio/region/", voice_webhooks.region_view, name="voice_region"),
    path("voice/twilio/activity/", voice_webhooks.activity_view, name="voice_activity"),
]
