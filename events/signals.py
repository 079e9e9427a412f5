from django.db.models.signals import post_save
from django.dispatch import receiver

from events.models import OrganizationPage
from events.services.organizations import ensure_staff_access


@receiver(post_save, sender=OrganizationPage)
def give_staff_access(sender, instance, raw=False, **kwargs):
    if not raw:
        ensure_staff_access(instance)
