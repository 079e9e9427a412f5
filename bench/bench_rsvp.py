"""RSVP throughput under contention, oversold count, and the SQL queries of one RSVP.

PostgreSQL only (row locks are what is measured): run with
`BENCH_DATABASE_URL=postgres://… python -m bench rsvp`. 50 client threads, each with
its own database connection, register at once on dates that fill up. Prints figures;
asserts nothing (an oversold count above 0 is a bug).
"""

import datetime as dt
import threading
import time

CLIENTS = 50
PER_CLIENT = 20


def bench_event():
    from events.models import EventPage

    for page in EventPage.objects.filter(locale__language_code="fr").order_by("pk")[:50]:
        if page.live and page.is_original():
            return page
    raise RuntimeError("no event page: load the scale data first")


def new_date(page, capacity, offset_days):
    from django.utils import timezone

    from events.models import EventDate

    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=30 + offset_days)
    return EventDate.objects.create(
        event=page, start=start, end=start + dt.timedelta(hours=3), capacity=capacity
    )


def run_clients(work):
    """Run work(client_number) in CLIENTS threads released together; return (seconds, errors)."""
    from django.db import connection

    barrier = threading.Barrier(CLIENTS + 1)
    errors = []

    def client(number):
        try:
            barrier.wait()
            work(number)
        except Exception as error:  # noqa: BLE001 — reported, not raised
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, errors


def oversold(dates):
    from rsvp.services.seats import used_seats

    return sum(max(0, used_seats(d) - d.capacity) for d in dates)


def report(label, count, seconds, errors, dates):
    from rsvp.models import Rsvp, RsvpStatus

    rows = Rsvp.objects.filter(date__in=dates)
    confirmed = rows.filter(status=RsvpStatus.CONFIRMED).count()
    waitlisted = rows.filter(status=RsvpStatus.WAITLISTED).count()
    print(
        f"{label:<34}{count:>7}{count / seconds:>10.1f}{confirmed:>11}{waitlisted:>11}"
        f"{oversold(dates):>10}{len(errors):>8}"
    )
    for error in sorted(set(errors))[:3]:
        print(f"   error: {error}")


def service_run(page, spread):
    """Each client asks PER_CLIENT times; one hot date, or one date per client."""
    from rsvp.services import seats

    capacity = CLIENTS * PER_CLIENT // 4
    dates = [new_date(page, capacity, n) for n in range(CLIENTS if spread else 1)]

    def work(number):
        date = dates[number % len(dates)]
        for i in range(PER_CLIENT):
            phone = f"+1819555{number * PER_CLIENT + i:04d}"
            request = seats.SeatRequest(first_name="Ana", phone=phone)
            try:
                seats.take_seat(date, request)
            except seats.SeatError as error:
                if error.code != "busy":
                    raise
                raise RuntimeError("busy (lock timeout)") from error

    seconds, errors = run_clients(work)
    label = f"service, {'one date per client' if spread else 'one hot date'}"
    report(label, CLIENTS * PER_CLIENT, seconds, errors, dates)
    return dates


def http_run(page):
    """Through the public form view (rate limits raised, fill time off)."""
    from django.conf import settings
    from django.test import Client
    from django.test.utils import override_settings

    from rsvp.forms import make_stamp

    date = new_date(page, CLIENTS * PER_CLIENT // 4, 0)
    url = f"/fr/inscription/{page.pk}/"
    rates = {"ip": "100000/h", "date": "100000/h", "contact": "100000/h"}

    def work(number):
        client = Client(REMOTE_ADDR=f"10.1.{number}.1")
        for i in range(PER_CLIENT):
            response = client.post(
                url,
                {
                    "kind": "person",
                    "person-date": date.pk,
                    "person-first_name": "Ana",
                    "person-phone": f"+1819555{number * PER_CLIENT + i:04d}",
                    "person-party_size": 1,
                    "person-reminder": "sms",
                    "person-consent": "on",
                    "person-stamp": make_stamp(),
                },
            )
            if response.status_code != 302:
                raise RuntimeError(f"HTTP {response.status_code}")

    with override_settings(ENSEMBLE_RSVP_RATES=rates, ENSEMBLE_RSVP_MIN_FILL_SECONDS=0):
        assert settings.ENSEMBLE_RSVP_MIN_FILL_SECONDS == 0
        seconds, errors = run_clients(work)
    report("HTTP form view, one hot date", CLIENTS * PER_CLIENT, seconds, errors, [date])
    return [date]


def queries_of_one_rsvp(page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rsvp.services import seats

    date = new_date(page, 10, 99)
    with CaptureQueriesContext(connection) as captured:
        seats.take_seat(date, seats.SeatRequest(first_name="Ana", phone="+18195559999"))
    print(f"\nSQL queries of one RSVP (service): {len(captured)}")
    for query in captured.captured_queries:
        print(f"   {query['sql'][:110]}")

    from django.test import Client
    from django.test.utils import override_settings

    from rsvp.forms import make_stamp

    data = {
        "kind": "person",
        "person-date": date.pk,
        "person-first_name": "Ana",
        "person-phone": "+18195559998",
        "person-party_size": 1,
        "person-reminder": "sms",
        "person-consent": "on",
        "person-stamp": make_stamp(),
    }
    with override_settings(ENSEMBLE_RSVP_MIN_FILL_SECONDS=0):
        with CaptureQueriesContext(connection) as captured:
            response = Client().post(f"/fr/inscription/{page.pk}/", data)
    print(f"SQL queries of one RSVP (HTTP POST, {response.status_code}): {len(captured)}")
    return [date]


def run():
    from django.db import connection

    if connection.vendor != "postgresql":
        print(
            "skipped: the RSVP benchmark measures PostgreSQL row locks; run it with "
            "BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> python -m bench rsvp"
        )
        return
    page = bench_event()
    print(f"{CLIENTS} concurrent clients, {PER_CLIENT} RSVPs each; capacity = a quarter of them")
    print(
        f"{'run':<34}{'RSVPs':>7}{'RSVPs/s':>10}{'confirmed':>11}{'waitlisted':>11}"
        f"{'oversold':>10}{'errors':>8}"
    )
    # Each run removes its dates, so the next one sees the event as it was.
    for step in (
        lambda: service_run(page, spread=False),
        lambda: service_run(page, spread=True),
        lambda: http_run(page),
        lambda: queries_of_one_rsvp(page),
    ):
        for date in step():
            date.delete()
