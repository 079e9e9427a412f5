from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from events.views import sms_webhooks
from home.sitemap import LocalizedSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}),
    path("api/v2/", api_router.urls),
    # Calendar feeds carry their language in ?lang=, so their addresses never change.
    path("feeds/", include("events.calendar.urls")),
    # Provider webhooks: no language prefix, the provider calls a fixed address.
    path("sms/twilio/status/", sms_webhooks.twilio_status, name="twilio_status"),
    path("sms/twilio/incoming/", sms_webhooks.twilio_incoming, name="twilio_incoming"),
    # anymail's tracking webhooks (/anymail/<esp>/tracking/), checked with
    # ANYMAIL["WEBHOOK_SECRET"]; they send the tracking signal (events/signals.py).
    path("anymail/", include("anymail.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# "/" has no page of its own: LocaleMiddleware sends it to /fr/, /es/ or /en/
# according to the browser's languages.
urlpatterns += i18n_patterns(
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
