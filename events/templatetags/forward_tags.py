from django import template

from events.services.share_links import share_links as build_share_links

register = template.Library()


@register.simple_tag
def share_links(page, next_date=None):
    return build_share_links(page, next_date)
