"""Links to the calendar feeds: "add to calendar" for a date or a series, and subscriptions."""

from django import template

from calendars import links
from calendars.feeds import absolute_page_url

register = template.Library()


@register.simple_tag
def date_ics_url(date, page):
    """One date as an .ics download, in the page's language."""
    return links.date_ics_url(date, page.locale.language_code)


@register.simple_tag
def event_ics_url(page):
    return links.event_ics_url(page)


@register.simple_tag
def google_calendar_url(date, page):
    return links.google_event_url(date, page, absolute_page_url(page))


@register.simple_tag
def events_feed_url(filters=None, **more):
    """The all-activities feed for a dict of filters and/or keyword filters.

    ``{% events_feed_url filters lang=LANGUAGE_CODE as url %}``
    """
    return links.events_feed_url(filters, **more)


@register.filter
def organization_feed_url(organization):
    """The organization's feed, in the language of its page."""
    return links.organization_feed_url(organization)


@register.filter
def webcal_url(url):
    return links.webcal_url(url)


@register.filter
def google_subscribe_url(url):
    return links.google_subscribe_url(url)
