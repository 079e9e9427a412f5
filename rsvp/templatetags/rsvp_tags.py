from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def rsvp_booking(page, dates, pickups=None):
    """Forms and seat counts for the RSVP section of an event page."""
    from rsvp.services import availability
    from rsvp.views import booking_forms

    return booking_forms(page, slot_list=availability.slots(dates), pickups=pickups)


@register.simple_tag
def retention_days():
    return settings.ENSEMBLE_RETENTION_DAYS
