from anymail.signals import tracking
from django.dispatch import receiver

from notifications.services.sms_replies import record_email_event


@receiver(tracking)
def record_email_tracking(sender, event, esp_name, **kwargs):
    # anymail has already checked the webhook's secret before sending this signal.
    record_email_event(event.message_id, event.event_type, event.reject_reason)
