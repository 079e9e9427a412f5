from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import EventPage
from rsvp.services.schedule import publish_schedule


@receiver(page_published)
def follow_publish(sender, instance, **kwargs):
    """Sent once per publish (never for a draft): what was published becomes the
    event's dates."""
    if isinstance(instance, EventPage):
        publish_schedule(instance)
