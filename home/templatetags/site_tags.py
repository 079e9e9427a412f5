import functools

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


ICON_SIZES = {"xl": 48, "lg": 32}


@functools.cache
def sprite_url():
    from django.templatetags.static import static

    return static("icons/sprite.svg")


@register.simple_tag
def icon(name, size=""):
    """The same markup as includes/icon.html, without a template include per icon.

    Lists render dozens of icons; an include each was a large share of their time.
    """
    from django.utils.html import format_html

    pixels = ICON_SIZES.get(size, 24)
    css = f"icon icon--{size}" if size else "icon"
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false" width="{}" height="{}">'
        '<use href="{}#icon-{}"></use></svg>',
        css,
        pixels,
        pixels,
        sprite_url(),
        name,
    )


@register.simple_tag
def select_options(bound_field):
    """<option>s for a bound choice field, marked up in Python.

    Django renders each option through its own template; the filter form has more than
    a hundred of them (regions, categories, organizations), which made the form the
    slowest part of the listing.
    """
    from django.utils.html import format_html_join
    from django.utils.safestring import mark_safe

    value = bound_field.value()
    selected = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value or "")}
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (key, mark_safe(" selected") if str(key) in selected else "", label)
            for key, label in bound_field.field.choices
        ),
    )
