"""Calendar feeds from the database: which dates, their fingerprint, their bytes.

A request first computes the feed's fingerprint with one aggregate query. It
gives the ETag and Last-Modified, answers conditional GETs and keys the cache
of built feeds, so an unchanged feed is neither rebuilt nor sent again.
Building takes a fixed number of queries whatever the number of dates: the
dates with their original pages, the pages in the feed's language, their
pickup points, their organizations.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from dataclasses import dataclass
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Count,
    DateTimeField,
    F,
    Func,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Subquery,
    Sum,
    prefetch_related_objects,
)
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Locale, Page

from calendars.entries import calendar_entry, description
from calendars.filters import FeedFilters, NotFound, in_language
from calendars.ics import EARLIEST, LATEST, build_calendar
from core.cache import outage as cache_outage
from core.formatting import to_local
from events.models import EventDate, EventPage
from events.services.listing import localize_dates
from events.services.nearby import within
from organizations.models import OrganizationPage, Region

log = logging.getLogger(__name__)

# Part of every fingerprint: raise it when the output changes for the same data
# (code or wording), so clients and the cache drop what they hold.
FEED_VERSION = "1"
# A subscribed calendar deletes what leaves the feed; keeping recent dates a
# while keeps them in people's calendars after the day.
PAST_DAYS = 30
CACHE_SECONDS = 24 * 3600
BUILD_LOCK_SECONDS = 60
BUILD_WAIT_SECONDS = 20
SUBSCRIBE_NOTE = gettext_noop(
    "Subscribed calendars refresh only every few hours. Last-minute changes come by SMS or e-mail."
)


@dataclass(frozen=True)
class Feed:
    kind: str
    key: tuple
    lang: str
    dates: QuerySet  # not evaluated; filtered, in no particular order
    name: str
    description: str = ""
    filename: str | None = None  # set for downloads (Content-Disposition)
    window_moved_at: dt.datetime | None = None  # last time the date window moved


@dataclass(frozen=True)
class Fingerprint:
    etag: str
    last_modified: dt.datetime
    cache_key: str


# Which dates ------------------------------------------------------------------


def _window(now: dt.datetime | None) -> tuple[dt.datetime, dt.datetime]:
    """Start of the first day kept in windowed feeds, and start of today (local days)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    today = timezone.localtime(now or timezone.now(), zone).date()
    first = today - dt.timedelta(days=PAST_DAYS)
    return dt.datetime.combine(first, dt.time(), zone), dt.datetime.combine(today, dt.time(), zone)


def _expressible(dates: QuerySet) -> QuerySet:
    """Dates a calendar can carry (calendars.ics.EARLIEST, LATEST). Staff cannot give
    others (docs/dates.md, "Sane dates"); a row written some other way is left out of
    every feed rather than breaking it."""
    return dates.filter(start__gte=EARLIEST, end__lte=LATEST)


def _windowed(now):
    start, moved_at = _window(now)
    dates = EventDate.objects.filter(event__live=True, end__gte=start)
    return _expressible(dates), start, moved_at


def events_feed(filters: FeedFilters, now: dt.datetime | None = None) -> Feed:
    """Every published date from PAST_DAYS ago on, filtered; cancelled ones included."""
    dates, start, moved_at = _windowed(now)
    if filters.region:
        dates = dates.filter(event__region=filters.region)
    if filters.categories:
        keys = {c.translation_key for c in filters.categories}
        dates = dates.filter(event__category__translation_key__in=keys)
    if filters.organizations:
        # Dates hang off original event pages, which sit under the organization's
        # page in their own language: match any language version's subtree.
        under = Q()
        for org in filters.organizations:
            under |= Q(event__path__startswith=org.path)
        dates = dates.filter(under)
    if filters.near:
        dates = dates.filter(event__translation_key__in=list(within(filters.near)))
    with translation.override(filters.lang):
        labels = []
        if filters.region:
            labels.append(str(Region(filters.region).label))
        if filters.categories:
            labels.append(in_language(filters.categories, filters.lang).name)
        if filters.organizations:
            labels.append(in_language(filters.organizations, filters.lang).title)
        if filters.near:
            labels.append(
                _("within %(km)s km of %(place)s")
                % {"km": filters.near.km, "place": filters.near.place.name}
            )
        name = " – ".join(["Ensemble", _("Activities"), *labels])
        description = _(SUBSCRIBE_NOTE)
    return Feed(
        kind="events",
        key=(filters.key(), start.isoformat()),
        lang=filters.lang,
        dates=dates,
        name=name,
        description=description,
        window_moved_at=moved_at,
    )


def _versions(page: EventPage) -> list[EventPage]:
    return list(
        EventPage.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("pk")
    )


def event_feed(page_id: int, lang: str | None, now: dt.datetime | None = None) -> Feed:
    """Every date of one activity (its series) from PAST_DAYS ago on.

    ``lang`` defaults to the language of the page whose id is given.
    """
    page = EventPage.objects.live().filter(pk=page_id).select_related("locale").first()
    if page is None:
        raise NotFound
    lang = lang or page.locale.language_code
    shown = in_language(_versions(page), lang)
    dates, start, moved_at = _windowed(now)
    return Feed(
        kind="event",
        key=(page.translation_key.hex, start.isoformat()),
        lang=lang,
        dates=dates.filter(event__translation_key=page.translation_key),
        name=shown.title,
        filename=f"{shown.slug}.ics",
        window_moved_at=moved_at,
    )


def date_feed(date_id: int, lang: str) -> Feed:
    """One date, past or future, for an "add to calendar" download."""
    date = EventDate.objects.filter(pk=date_id, event__live=True).select_related("event").first()
    if date is None:
        raise NotFound
    shown = in_language(_versions(date.event), lang)
    dates = _expressible(EventDate.objects.filter(pk=date.pk, event__live=True))
    filename = f"{shown.slug}.ics"
    if EARLIEST <= date.start and date.end <= LATEST:
        day = to_local(date.start, date.event.timezone).date()
        filename = f"{shown.slug}-{day.isoformat()}.ics"
    return Feed(
        kind="date",
        key=(date.pk,),
        lang=lang,
        dates=dates,
        name=shown.title,
        filename=filename,
    )


# Fingerprint --------------------------------------------------------------------


def _scalar(queryset: QuerySet, function: str, column: str, output) -> Subquery:
    """``SELECT function(column) FROM …`` as a subquery (a Func is no aggregate: no GROUP BY)."""
    value = Func(F(column), function=function, output_field=output)
    return Subquery(queryset.order_by().annotate(v=value).values("v")[:1], output_field=output)


def fingerprint(feed: Feed) -> Fingerprint:
    """What the feed's bytes depend on, in one query.

    The dates: how many, which (sum of ids), latest change, sum of sequences
    (which catches changes written with update(), leaving modified_at alone).
    The pages: latest publication and number of live pages anywhere, because
    titles, texts, pickup points and organizations come from published pages
    (a publish or an unpublish anywhere changes every fingerprint; they are rare
    next to feed requests). Both page figures are uncorrelated subqueries, which
    SQLite and PostgreSQL compute once; MAX() only carries them through the
    aggregate, and they are NULL when there is no date, which is harmless since
    there is then no page text in the feed.
    """
    pages = Page.objects.all()
    row = feed.dates.order_by().aggregate(
        date_count=Count("pk"),
        date_ids=Sum("pk"),
        date_modified=Max("modified_at"),
        date_sequences=Sum("sequence"),
        page_published=Max(_scalar(pages, "MAX", "last_published_at", DateTimeField())),
        live_pages=Max(_scalar(pages.filter(live=True), "COUNT", "pk", IntegerField())),
    )
    parts = (
        FEED_VERSION,
        icalendar.__version__,
        settings.BASE_URL,
        feed.kind,
        feed.key,
        feed.lang,
        feed.name,
        feed.description,
        feed.filename,
        row["date_count"],
        row["date_ids"],
        _iso(row["date_modified"]),
        row["date_sequences"],
        _iso(row["page_published"]),
        row["live_pages"],
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    stamps = [row["date_modified"], row["page_published"], feed.window_moved_at]
    stamps = [s for s in stamps if s is not None]
    return Fingerprint(
        etag=f'"{digest[:32]}"',
        last_modified=max(stamps) if stamps else dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        cache_key=f"calendar-feed:{digest}",
    )


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value is not None else None


# Bytes --------------------------------------------------------------------------


def build(feed: Feed) -> bytes:
    dates = list(feed.dates.select_related("event", "event__category").order_by("start", "pk"))
    listed = localize_dates(dates, Locale.objects.get(language_code=feed.lang))
    pages = list({id(item.page): item.page for item in listed}.values())
    prefetch_related_objects(pages, "pickup_points")
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    organizations = {o.path: o for o in OrganizationPage.objects.filter(path__in=parent_paths)}
    # Wagtail caches the site root paths on whatever object it is given.
    url_cache = SimpleNamespace()
    # Per page and start time, not per date: a weekly activity has many dates and one
    # text; only a date moved to another hour has other pickup times.
    shared = {}
    with translation.override(feed.lang):
        entries = []
        for item in listed:
            page = item.page
            organization = organizations.get(page.path[: -Page.steplen])
            key = (page.pk, to_local(item.date.start, item.date.event.timezone).time())
            if key not in shared:
                url = absolute_page_url(page, url_cache)
                text = description(page, organization, url, feed.lang, date=item.date)
                shared[key] = (url, text)
            url, text = shared[key]
            entries.append(calendar_entry(item.date, page, organization, url, feed.lang, text))
        return build_calendar(
            entries, name=feed.name, description=feed.description, language=feed.lang
        )


def absolute_page_url(page: Page, url_cache=None) -> str:
    """The page's address on BASE_URL, whatever host the request came to."""
    parts = page.get_url_parts(request=url_cache)
    if parts is None or parts[2] is None:
        return ""
    return settings.BASE_URL.rstrip("/") + parts[2]


def feed_bytes(feed: Feed, print_: Fingerprint, *, poll: float = 0.1) -> bytes:
    """The built feed, from the cache when its fingerprint is already there.

    One request builds a missing feed; the others asking for the same fingerprint wait
    for its bytes (a big feed takes seconds, and every publish changes fingerprints:
    without this, each subscriber polling then would build it again). A builder that
    died leaves a lock that expires; waiters give up after BUILD_WAIT_SECONDS and build.
    While the cache is unreachable there is no lock and nothing to wait for: each
    request builds its own copy (docs/calendar.md, "Cache").
    """
    body = cache.get(print_.cache_key)
    if body is not None:
        return body
    lock = f"{print_.cache_key}:building"
    building = cache.add(lock, 1, BUILD_LOCK_SECONDS)
    if not building and cache_outage():
        return build(feed)
    if not building:
        deadline = time.monotonic() + BUILD_WAIT_SECONDS
        while time.monotonic() < deadline and not cache_outage():
            time.sleep(poll)
            body = cache.get(print_.cache_key)
            if body is not None:
                return body
    try:
        started = time.monotonic()
        body = build(feed)
        cache.set(print_.cache_key, body, CACHE_SECONDS)
        # One line per build: with a shared cache, one per fingerprint over all servers.
        log.info("calendar feed built: %s in %.2f s", print_.cache_key, time.monotonic() - started)
    finally:
        if building:
            cache.delete(lock)
    return body
