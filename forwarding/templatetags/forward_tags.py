from django import template

from forwarding.services.forward_messages import share_links as build_share_links

register = template.Library()


@register.simple_tag
def share_links(page, next_date=None):
    return build_share_links(page, next_date)
