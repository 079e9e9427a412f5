"""The original page of an event or an organization.

It is the first page of the translation group (lowest id: translations are always
created from it). An event's dates hang on it, and it holds the rules every language
follows (invariant 1, docs/architecture.md#invariant-1). Every caller asks here.
"""

from wagtail.models import Page


def original_page(of, *, only=(), related=(), fresh=False):
    """The original page of `of`: a page in any language, or one of the event's dates.

    A date whose event was joined (select_related) costs no query, unless `fresh`
    asks for the row as it is now (seat decisions read the rules at that moment).
    `only` and `related` narrow or widen the query as QuerySet.only/select_related do.
    """
    if not isinstance(of, Page):  # a date: its `event` is the original page
        date_event = type(of).event
        if not fresh and date_event.is_cached(of):
            return of.event
        pages = date_event.field.related_model.objects.filter(pk=of.event_id)
    else:
        pages = type(of).objects.filter(translation_key=of.translation_key).order_by("pk")
    if only:
        pages = pages.only(*only)
    if related:
        pages = pages.select_related(*related)
    return pages.first()
