"""Site-wide links (home, activities, about, privacy) per language, cached."""

from django.core.cache import cache
from wagtail.models import Locale

CACHE_KEY = "site-nav:{}"
CACHE_SECONDS = 300


def _build(locale):
    from events.models import ActivitiesIndexPage
    from home.models import ContentPage, ContentPurpose, HomePage

    home = HomePage.objects.live().filter(locale=locale).first()
    index = ActivitiesIndexPage.objects.live().filter(locale=locale).first()
    pages = {
        page.purpose: page.url
        for page in ContentPage.objects.live()
        .filter(locale=locale, purpose__in=[ContentPurpose.ABOUT, ContentPurpose.PRIVACY])
        .only("id", "url_path", "purpose", "locale_id")
    }
    return {
        "home_url": home.url if home else f"/{locale.language_code}/",
        "activities_url": index.url if index else "",
        "about_url": pages.get(ContentPurpose.ABOUT, ""),
        "privacy_url": pages.get(ContentPurpose.PRIVACY, ""),
    }


def site_navigation(language_code):
    key = CACHE_KEY.format(language_code)
    nav = cache.get(key)
    if nav is None:
        locale = Locale.objects.filter(language_code=language_code).first()
        nav = _build(locale) if locale else {"home_url": "/", "activities_url": ""}
        cache.set(key, nav, CACHE_SECONDS)
    return nav


def clear_navigation_cache():
    from django.conf import settings

    cache.delete_many([CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])
