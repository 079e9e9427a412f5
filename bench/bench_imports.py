"""Partner calendars: reading and importing a large feed (docs/imports.md).

A feed of 120 weekly events (8 weeks each, 960 dates, under the 1,000-date cap):
time to read and expand it, to import it the first time (pages, revisions, dates),
and to import it again unchanged (the idempotent run every hour), with the queries
of each run. Everything is rolled back afterwards.
"""

import datetime as dt
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

EVENTS = 120
WEEKS = 8


class Rollback(Exception):
    pass


def feed_bytes(start):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//Bench//EN"]
    for n in range(EVENTS):
        day = start + dt.timedelta(days=n % 7)
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{n}@example.org",
            f"SUMMARY:Activité {n}",
            f"DESCRIPTION:Description de l'activité {n}.",
            "LOCATION:Salle communautaire\\, 1 rue Principale",
            f"DTSTART;TZID=America/Toronto:{day:%Y%m%d}T{10 + n % 8:02d}0000",
            f"DTEND;TZID=America/Toronto:{day:%Y%m%d}T{11 + n % 8:02d}0000",
            f"RRULE:FREQ=WEEKLY;COUNT={WEEKS}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def run():
    from events.models import Category
    from organizations.models import OrganizationPage
    from partner_feeds.models import PartnerFeed
    from partner_feeds.services import importer, reading

    now = timezone.now()
    body = feed_bytes(timezone.localdate() + dt.timedelta(days=1))
    started = time.perf_counter()
    org = OrganizationPage.objects.order_by("pk").first()
    content = reading.read(body, org.title, now)
    read_seconds = time.perf_counter() - started
    dates = sum(len(e.occurrences) for e in content.events.values())
    print(f"feed: {len(body) / 1000:.0f} kB, {len(content.events)} events, {dates} dates")
    print(f"read and expand: {read_seconds * 1000:.0f} ms")
    try:
        with transaction.atomic():
            feed = PartnerFeed.objects.create(
                organization=org,
                url="https://example.org/bench.ics",
                category=Category.objects.first(),
            )
            for label in ("first import", "unchanged import"):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    report = importer.import_content(feed, reading.read(body, org.title, now), now)
                    seconds = time.perf_counter() - started
                print(
                    f"{label}: {seconds:.2f} s, {len(queries)} queries, "
                    f"{report.created} pages, {report.dates_added} dates added"
                )
            raise Rollback
    except Rollback:
        pass
