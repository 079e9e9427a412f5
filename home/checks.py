"""`manage.py check --deploy`: page links and message links must name the same host."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register
from django.db import DatabaseError


@register(deploy=True)
def site_matches_base_url(app_configs=None, **kwargs):
    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: nothing to compare
        return []
    if site is None or site.root_url.rstrip("/") == settings.BASE_URL.rstrip("/"):
        return []
    base = urlsplit(settings.BASE_URL)
    return [
        Warning(
            f"The default Wagtail Site is {site.root_url} but BASE_URL is {settings.BASE_URL}.",
            hint=(
                "Canonical links, og:url and the sitemap use the Site; feeds, QR codes and "
                f"messages use BASE_URL. Set the Site's hostname to {base.hostname} in "
                "Settings > Sites, or run `manage.py load_demo` on a demo database."
            ),
            id="ensemble.W001",
        )
    ]
