"""Upcoming dates with the event page in the visitor's language.

Dates hang off the event's original page; a visitor reading Spanish wants the
Spanish page. Two queries whatever the number of dates: the dates (with their
original page), then the pages in the wanted locale by translation_key.
"""

from dataclasses import dataclass
from itertools import groupby

from django.utils import timezone

from core.formatting import to_local
from events.models import EventDate, EventPage


@dataclass
class Listed:
    date: EventDate
    page: EventPage

    @property
    def local_start(self):
        return to_local(self.date.start, self.page.timezone)


def localize_dates(dates, locale):
    dates = list(dates)
    keys = {d.event.translation_key for d in dates}
    pages = {
        p.translation_key: p
        for p in EventPage.objects.live()
        .filter(locale=locale, translation_key__in=keys)
        .select_related("category", "locale")
    }
    listed = []
    for d in dates:
        page = pages.get(d.event.translation_key)
        if page is None and d.event.live:
            page = d.event  # not translated yet: show the original rather than nothing
        if page is not None:
            listed.append(Listed(date=d, page=page))
    return listed


def upcoming_dates(now=None):
    """What every public list of dates starts from: dates not over yet of published
    activities, cancelled ones included (so people see them cancelled), with their
    event and its category, in start order."""
    return (
        EventDate.objects.upcoming(now or timezone.now())
        .filter(event__live=True)
        .select_related("event", "event__category")
        .order_by("start", "pk")
    )


def upcoming(locale, *, now=None, until=None, pages=None, limit=None):
    """Upcoming dates in a language, for an organization's page and the home page."""
    qs = upcoming_dates(now)
    if until is not None:
        qs = qs.filter(start__lt=until)
    if pages is not None:
        keys = (
            pages.values("translation_key")
            if hasattr(pages, "values")
            else [p.translation_key for p in pages]
        )
        qs = qs.filter(event__translation_key__in=keys)
    if limit:
        qs = qs[:limit]
    return localize_dates(qs, locale)


def group_by_day(listed):
    return [
        (day, list(items))
        for day, items in groupby(listed, key=lambda item: item.local_start.date())
    ]
