"""/sitemap.xml: every live public page in every language, with hreflang alternates.

Wagtail's own sitemap walks the default site's root only, which here is the French home
page; the Spanish and English trees hang from its translations. Alternates come from
the pages' shared translation_key, read from the same query (no query per page).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    _pages = None
    _urls_by_pk = None

    def items(self):
        if self._pages is None:
            roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
            under_a_root = Q(pk__in=[])
            for path in roots.values_list("path", flat=True):
                under_a_root |= Q(path__startswith=path)
            self._pages = list(
                Page.objects.live()
                .public()
                .filter(under_a_root)
                .select_related("locale")
                .order_by("path")
            )
        return self._pages

    def _url(self, page):
        if self._urls_by_pk is None:
            self._urls_by_pk = {}
        if page.pk not in self._urls_by_pk:
            self._urls_by_pk[page.pk] = page.get_full_url(self.request)
        return self._urls_by_pk[page.pk]

    def _urls(self, page, protocol, domain):
        groups = defaultdict(list)
        for item in self.items():
            groups[item.translation_key].append(item)
        urls = []
        for item in self.paginator.page(page).object_list:
            versions = sorted(groups[item.translation_key], key=lambda p: p.locale.language_code)
            alternates = [
                {"lang_code": p.locale.language_code, "location": self._url(p)} for p in versions
            ]
            default = next(
                (p for p in versions if p.locale.language_code == settings.LANGUAGE_CODE), None
            )
            if default is not None:
                alternates.append({"lang_code": "x-default", "location": self._url(default)})
            urls.append(
                {
                    "item": item,
                    "location": self._url(item),
                    "lastmod": self.lastmod(item),
                    "alternates": alternates,
                }
            )
        return urls
