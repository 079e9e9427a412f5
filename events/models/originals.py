"""The original page of an event or an organization.

It is the first page of the translation group (lowest id: translations are always
created from it). An event's dates hang on it, and it holds the rules every language
follows (invariant 1, docs/architecture.md#invariant-1). Every caller asks here.
"""

from .dates import EventDate


def original_page(of, *, only=(), related=(), fresh=False):
    """The original page of `of`: a page in any language, or one of the event's dates.

    A date whose event was joined (select_related) costs no query, unless `fresh`
    asks for the row as it is now (seat decisions read the rules at that moment).
    `only` and `related` narrow or widen the query as QuerySet.only/select_related do.
    """
    if isinstance(of, EventDate):
        if not fresh and EventDate.event.is_cached(of):
            return of.event
        pages = EventDate.event.field.related_model.objects.filter(pk=of.event_id)
    else:
        pages = type(of).objects.filter(translation_key=of.translation_key).order_by("pk")
    if only:
        pages = pages.only(*only)
    if related:
        pages = pages.select_related(*related)
    return pages.first()
