from anymail.signals import tracking
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from events.models import Category, EventPage, OrganizationPage
from events.services.discovery import clear_filter_choices
from events.services.organizations import ensure_staff_access
from events.services.schedule import publish_schedule
from events.services.sms_replies import record_email_event


@receiver(page_published)
def follow_publish(sender, instance, **kwargs):
    """Sent once per publish (never for a draft): what was published becomes the
    event's dates, or the organization's staff rights."""
    if isinstance(instance, EventPage):
        publish_schedule(instance)
    elif isinstance(instance, OrganizationPage):
        ensure_staff_access(instance)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def forget_filter_choices(sender, **kwargs):
    clear_filter_choices()


@receiver(tracking)
def record_email_tracking(sender, event, esp_name, **kwargs):
    # anymail has already checked the webhook's secret before sending this signal.
    record_email_event(event.message_id, event.event_type, event.reject_reason)
