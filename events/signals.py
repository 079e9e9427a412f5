from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from events.models import Category
from events.services.discovery import clear_filter_choices


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def forget_filter_choices(sender, **kwargs):
    clear_filter_choices()
