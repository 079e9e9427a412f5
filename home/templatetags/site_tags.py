from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in the other languages.

    Wagtail pages link to their translations (or to that language's home page when a
    translation does not exist yet); other views swap the language prefix of the path.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    urls = {}
    if page is not None and getattr(page, "translation_key", None):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            urls[translation.locale.language_code] = translation.url
    links = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None:
            if page is None and request is not None:
                url = translate_url(request.get_full_path(), code)
            else:
                url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag
def icon_href(name):
    from django.templatetags.static import static

    return f"{static('icons/sprite.svg')}#icon-{name}"
