"""Creating translations through wagtail-localize, with text supplied in code.

Used by the demo loader and the tests: the translated pages are real
wagtail-localize translations (editors see them in the translation editor and
synchronized fields keep following the source), not loose copies.
"""

import html

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@transaction.atomic
def translate(instance, language_code, strings, publish=True):
    """Translate a page or snippet into a language.

    `strings` maps source text to translated text; segments with no entry keep the
    source text (wagtail-localize's fallback), which is what an editor would see
    before translating them.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = _lookup(strings, segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    drafts = isinstance(instance, DraftStateMixin)
    # wagtail-localize publishes pages in an on_commit callback; publishing the new
    # revision here keeps the result the same inside an outer transaction.
    translated, _created = source.create_or_update_translation(
        locale, publish=not drafts, copy_parent_pages=False, fallback=True
    )
    if drafts and publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated


def _lookup(strings, data):
    """Find the translation of a segment, whether or not its HTML entities are escaped.

    Rich text segments hold HTML ("l&#x27;eau" or "l'eau" depending on how the
    source was written); the map is keyed by plain text.
    """
    if data in strings:
        return strings[data]
    plain = html.unescape(data)
    if plain in strings:
        return html.escape(strings[plain], quote=False)
    return None
