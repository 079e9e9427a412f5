from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from home.sitemap import LocalizedSitemap
from notifications.urls import webhook_urlpatterns
from notifications.views import email_webhooks

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}),
    path("api/v2/", api_router.urls),
    # Calendar feeds carry their language in ?lang=, so their addresses never change.
    path("feeds/", include("calendars.urls")),
    # Provider webhooks: no language prefix, the provider calls a fixed address.
    *webhook_urlpatterns,
    # The configured ESP's tracking webhook only (/anymail/<esp>/tracking/), checked
    # with ANYMAIL["WEBHOOK_SECRET"]; it sends the tracking signal (notifications/signals.py).
    path("anymail/", include((email_webhooks.urlpatterns(), "anymail"))),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# "/" has no page of its own: LocaleMiddleware sends it to /fr/, /es/ or /en/
# according to the browser's languages.
urlpatterns += i18n_patterns(
    path("", include("rsvp.urls")),
    path("", include("notifications.urls")),
    path("", include("forwarding.urls")),
    path("", include("digest.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
