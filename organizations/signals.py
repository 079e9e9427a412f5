from django.dispatch import receiver
from wagtail.signals import page_published

from organizations.models import OrganizationPage
from organizations.services import ensure_staff_access


@receiver(page_published)
def follow_publish(sender, instance, **kwargs):
    """Each publish of an organization (never a draft) keeps its staff rights right."""
    if isinstance(instance, OrganizationPage):
        ensure_staff_access(instance)
