"""Calendar feeds: building 1,000 dates, conditional GETs, queries per request.

- Build time of a 1,000-date feed with calendars (queries, entries and
  serialization), and serialization alone, next to a straightforward icalendar
  build of the same rows (``add_missing_timezones()``): the ratio is the figure.
- Requests per second of a conditional GET answered 304, next to a trivial
  Django view served the same way (test Client, same middleware).
- Queries of a feed request, for feeds of very different sizes.
"""

import time

from django.core.cache import cache
from django.db import connection
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns  # noqa: E402 (after django.setup())


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


# The site's URLs plus the trivial view, used as ROOT_URLCONF while measuring.
urlpatterns = [path("bench-trivial/", trivial), *site_urlpatterns]


def timed(func, repeat=7):
    """Best of ``repeat`` runs: the least disturbed by whatever else the machine does."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return min(times), result


def rate(client, url, seconds=2.0, **headers):
    response = client.get(url, **headers)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        client.get(url, **headers)
        count += 1
    return response.status_code, count / (time.perf_counter() - started)


def straightforward(entries):
    """The same entries written with icalendar alone: zoneinfo datetimes, its own VTIMEZONEs."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//Ensemble//Bench//FR")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Ensemble – Activités")
    for entry in entries:
        zone = ZoneInfo(entry.tzid)
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", entry.last_modified)
        event.add("last-modified", entry.last_modified)
        event.add("created", entry.created)
        event.add("sequence", entry.sequence)
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("location", entry.location)
        if entry.geo:
            event.add("geo", entry.geo)
        event.add("url", entry.url)
        event.add("categories", list(entry.categories))
        event.add("dtstart", entry.start.astimezone(zone))
        event.add("dtend", entry.end.astimezone(zone))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def time_build():
    """Building a 1,000-date feed against serializing it with plain icalendar."""
    from wagtail.models import Locale

    from calendars import feeds
    from calendars.entries import calendar_entry
    from calendars.ics import build_calendar
    from events.models import EventDate
    from events.services.listing import localize_dates
    from organizations.models import OrganizationPage

    ids = list(
        EventDate.objects.filter(event__live=True)
        .order_by("start", "pk")
        .values_list("pk", flat=True)[:1000]
    )
    feed = feeds.Feed(
        kind="bench",
        key=("bench",),
        lang="fr",
        dates=EventDate.objects.filter(pk__in=ids),
        name="Ensemble – Activités",
    )
    ours, body = timed(lambda: feeds.build(feed))
    dates = list(feed.dates.select_related("event", "event__category").order_by("start", "pk"))
    listed = localize_dates(dates, Locale.objects.get(language_code="fr"))
    prefetch_related_objects([i.page for i in listed], "pickup_points")
    orgs = {o.path: o for o in OrganizationPage.objects.all()}
    entries = [
        calendar_entry(i.date, i.page, orgs.get(i.page.path[:-4]), "https://x/", "fr")
        for i in listed
    ]
    serialize, _ = timed(lambda: build_calendar(entries, name="x"))
    plain, plain_body = timed(lambda: straightforward(entries))
    print(
        f"feed of {len(ids)} dates: {len(body) / 1024:.0f} KiB ours, "
        f"{len(plain_body) / 1024:.0f} KiB straightforward"
    )
    print(f"{'build':<46}{'ms':>9}{'ratio':>8}")
    for label, seconds in (
        ("straightforward icalendar (serialize only)", plain),
        ("ours: serialize only", serialize),
        ("ours: queries + entries + serialize", ours),
    ):
        print(f"{label:<46}{seconds * 1000:>9.1f}{seconds / plain:>8.2f}")


def time_conditional_gets(client, url):
    """Requests per second of 304 and cached answers, against a trivial view."""
    cache.clear()
    first = client.get(url)
    etag = first["ETag"]
    size = first.content.count(b"BEGIN:VEVENT")
    regional = client.get(url + "?region=05")
    regional_size = regional.content.count(b"BEGIN:VEVENT")
    rows = [
        ("trivial Django view", *rate(client, "/bench-trivial/")),
        (
            f"feed, 304 (If-None-Match, {size} dates)",
            *rate(client, url, HTTP_IF_NONE_MATCH=etag),
        ),
        (
            f"feed, 304 (If-Modified-Since, {size} dates)",
            *rate(client, url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]),
        ),
        (
            f"region feed, 304 ({regional_size} dates)",
            *rate(client, url + "?region=05", HTTP_IF_NONE_MATCH=regional["ETag"]),
        ),
        (f"feed, 200 from the cache ({size} dates)", *rate(client, url)),
        (
            f"region feed, 200 from the cache ({regional_size})",
            *rate(client, url + "?region=05"),
        ),
    ]
    base = rows[0][2]
    print(f"\n{'request':<46}{'status':>7}{'req/s':>9}{'ratio':>8}")
    for label, status, per_second in rows:
        print(f"{label:<46}{status:>7}{per_second:>9.1f}{per_second / base:>8.2f}")
    return etag


def count_queries(client, url, etag):
    """Queries and time of each kind of feed request with an empty cache."""
    from organizations.models import OrganizationPage

    org = OrganizationPage.objects.filter(slug__startswith="org-echelle-").first()
    print(f"\n{'feed request (cache empty)':<46}{'dates':>7}{'queries':>9}{'ms':>8}")
    for label, target in (
        ("all dates", url),
        ("one region", url + "?region=05"),
        ("one category", url + "?category=sport&lang=es"),
        ("one organization", f"/feeds/organizations/{org.slug}.ics"),
    ):
        client.get(target)  # warm Wagtail's site root paths
        cache.clear()
        client.get("/bench-trivial/")
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(target)
        elapsed = time.perf_counter() - started
        count = response.content.count(b"BEGIN:VEVENT")
        print(f"{label:<46}{count:>7}{len(queries):>9}{elapsed * 1000:>8.0f}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_IF_NONE_MATCH=etag)
    print(f"{'304 answer':<46}{'':>7}{len(queries):>9}")


def run():
    time_build()
    with override_settings(ROOT_URLCONF=__name__):
        client = Client()
        url = "/feeds/events.ics"
        etag = time_conditional_gets(client, url)
        count_queries(client, url, etag)
