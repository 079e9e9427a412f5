from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from home.navigation import clear_navigation_cache


@receiver(page_published)
@receiver(page_unpublished)
def forget_navigation(sender, **kwargs):
    clear_navigation_cache()
