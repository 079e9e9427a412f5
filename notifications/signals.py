from anymail.signals import tracking
from django.dispatch import receiver

from notifications.services import voice_calls
from notifications.services.sms_conversation import forget_old
from notifications.services.sms_replies import record_email_event
from rsvp.services.retention import retention_due


@receiver(tracking)
def record_email_tracking(sender, event, esp_name, **kwargs):
    # anymail has already checked the webhook's secret before sending this signal.
    record_email_event(event.message_id, event.event_type, event.reject_reason)


@receiver(retention_due)
def forget_old_messages(sender, now, **kwargs):
    forget_old(now)
    voice_calls.forget_old(now)
