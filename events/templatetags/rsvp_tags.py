from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def rsvp_booking(page, dates):
    """Forms and seat counts for the RSVP section of an event page."""
    from events.services import availability
    from events.views.rsvp import booking_forms

    return booking_forms(page, slot_list=availability.slots(dates))


@register.simple_tag
def optional_url(name, *args):
    """The URL, or "" while the view it names does not exist yet."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag
def retention_days():
    return settings.ENSEMBLE_RETENTION_DAYS
