"""Absolute links to pages, for things that leave the site (QR codes, shared messages)."""

from django.conf import settings


def absolute_url(page):
    """The page's address on the public site (settings.BASE_URL), with its language prefix."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    _site_id, _root_url, path = parts
    return settings.BASE_URL.rstrip("/") + path


def absolute(path):
    return settings.BASE_URL.rstrip("/") + path
