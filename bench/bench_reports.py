"""Funders' reports: queries and time of a season with 5,000 dates and 50,000 RSVPs.

Adds to the scale data's first organization, once, 5,000 dates of the previous season
(spread over its events) and 50,000 registrations (bulk_create) from a pool of 12,000
contacts, so people come back. Then measures the reports service alone, the report
page and an XLSX export through the test Client (as a site administrator), for that
organization and for all organizations. Prints figures; asserts nothing.
"""

import datetime as dt
import random
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

DATES = 5000
RSVPS = 50000
PEOPLE = 12000


def bench_period():
    from django.utils import timezone

    from reports.periods import season

    return season(season(timezone.localdate()).start - dt.timedelta(days=1))


def ensure_data(org, period):
    from django.utils import timezone

    from core.person_keys import person_key
    from events.models import EventDate, EventPage
    from rsvp.models import Rsvp, RsvpStatus

    events = list(EventPage.objects.child_of(org).filter(locale=org.locale))
    first, after = period.bounds()
    dates = EventDate.objects.filter(event__in=events, start__gte=first, start__lt=after)
    if dates.count() >= DATES:
        return
    rng = random.Random(14)
    zone = timezone.get_current_timezone()
    days = (period.end - period.start).days + 1
    new_dates = []
    for number in range(DATES):
        day = period.start + dt.timedelta(days=number * days // DATES)
        start = dt.datetime.combine(day, dt.time(8 + number % 10), tzinfo=zone)
        new_dates.append(
            EventDate(
                event=events[number % len(events)], start=start, end=start + dt.timedelta(hours=2)
            )
        )
    created = EventDate.objects.bulk_create(new_dates, batch_size=1000)
    if connection.vendor == "sqlite":  # bulk_create does not return the ids there
        created = list(dates.order_by("pk"))
    phones = [f"+1438{n:07d}" for n in range(PEOPLE)]
    keys = {phone: person_key(phone) for phone in phones}
    rows = []
    for number in range(RSVPS):
        date = created[number % len(created)]
        # Ten different people per date; across dates, the same people come back.
        phone = phones[(number % len(created) * 31 + number // len(created) * 1201) % PEOPLE]
        status = rng.choices(["confirmed", "cancelled", "waitlisted"], [88, 8, 4])[0]
        rows.append(
            Rsvp(
                date=date,
                phone=phone,
                contact_key=phone,
                person_key=keys[phone],
                party_size=1 if rng.random() < 0.8 else rng.randint(2, 4),
                status=status,
                attended=status == RsvpStatus.CONFIRMED and rng.random() < 0.75,
                needs_transport=rng.random() < 0.5,
                language=rng.choice("eeef"),
                region=date.event.region,
            )
        )
    Rsvp.objects.bulk_create(rows, batch_size=2000)


def measured(func, repeat=5):
    """(best seconds, queries of the last run, result)."""
    best, queries, result = None, 0, None
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            result = func()
            elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
        queries = len(context)
    return best, queries, result


def administrator():
    from django.contrib.auth import get_user_model

    User = get_user_model()
    user = User.objects.filter(username="bench-reports").first()
    return user or User.objects.create_superuser("bench-reports", "", None)


def run():
    from django.urls import reverse

    from organizations.models import OrganizationPage
    from reports.services import scope
    from reports.services.tables import build
    from rsvp.models import Rsvp

    org = OrganizationPage.objects.get(slug="org-echelle-0", locale__language_code="fr")
    period = bench_period()
    started = time.perf_counter()
    ensure_data(org, period)
    print(f"data ready in {time.perf_counter() - started:.1f} s ({connection.vendor})")
    first, after = period.bounds()
    in_period = Rsvp.objects.filter(date__start__gte=first, date__start__lt=after)
    mine = in_period.filter(scope.event_filter([org]))
    dates = mine.values("date").distinct().count()
    print(f"season {period.start} – {period.end}: {mine.count()} RSVPs on {dates} dates")

    seconds, queries, _ = measured(lambda: build(period, scope.event_filter([org])))
    print(f"service, one organization: {queries} queries, {seconds * 1000:.0f} ms")
    seconds, queries, _ = measured(lambda: build(period, None))
    print(f"service, all organizations: {queries} queries, {seconds * 1000:.0f} ms")

    client = Client()
    client.force_login(administrator())
    params = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    for label, scope_id in (("one organization", org.pk), ("all organizations", "all")):
        url = reverse("reports_report", args=[scope_id])
        seconds, queries, response = measured(lambda url=url: client.get(url, params))
        assert response.status_code == 200, response.status_code
        print(f"report page, {label}: {queries} queries, {seconds * 1000:.0f} ms")
    url = reverse("reports_export", args=[org.pk, "category", "xlsx"])
    seconds, queries, response = measured(lambda: client.get(url, params))
    print(f"XLSX export (by category): {queries} queries, {seconds * 1000:.0f} ms")
