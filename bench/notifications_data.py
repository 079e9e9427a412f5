"""The notifications bench's data: RSVPs made through the seat service, whose
reminders the outbox queues as it would for anyone, then made due at a chosen time.

The bench's dates are new dates on existing French events (the scale data), two days
ahead in the afternoon, so both reminders are queued `pending`. They are deleted at the
end of the run (with their RSVPs and outbox rows).
"""

import datetime as dt
import math
import random
from zoneinfo import ZoneInfo

RSVPS_PER_DATE = 20
# Mostly Spanish-speaking farm workers, mostly by SMS.
LANGUAGES = {"es": 60, "fr": 25, "en": 15}
SMS_SHARE = 0.7
NAMES = {
    "es": ["Ana", "José", "María", "Luis", "Guadalupe", "Juan", "Rosa", "Jesús"],
    "fr": ["Émilie", "Jean", "Sophie", "Marc-André"],
    "en": ["Grace", "John", "Sarah", "Michael"],
}


class Prepared:
    def __init__(self, dates, rsvps):
        self.dates = dates
        self.rsvps = rsvps

    def reminders(self):
        from rsvp.models import OutboxMessage
        from rsvp.services.outbox import REMINDERS

        return OutboxMessage.objects.filter(rsvp__date__in=self.dates, kind__in=REMINDERS)


def bench_events(count):
    from events.models import EventPage

    pages = EventPage.objects.filter(locale__language_code="fr", live=True).order_by("pk")
    events = [page for page in pages[: count * 2] if page.is_original()][:count]
    if not events:
        raise RuntimeError("no live event page: load the scale data first (make scale-data)")
    return events


def new_dates(count):
    from django.conf import settings
    from django.utils import timezone

    from events.models import EventDate

    events = bench_events(count)
    day = timezone.localdate() + dt.timedelta(days=2)
    first = dt.datetime.combine(day, dt.time(13, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))
    dates = []
    for i in range(count):
        start = first + dt.timedelta(minutes=5 * (i % 48))
        dates.append(
            EventDate.objects.create(
                event=events[i % len(events)],
                start=start,
                end=start + dt.timedelta(hours=3),
                capacity=None,
            )
        )
    return dates


def seat_request(number, rng):
    from rsvp.services.seats import SeatRequest

    language = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]
    by_sms = rng.random() < SMS_SHARE
    phone = f"+1438{number:07d}"
    email = f"persona{number}@example.org"
    return SeatRequest(
        first_name=rng.choice(NAMES[language]),
        phone=phone if by_sms or rng.random() < 0.3 else "",
        email=email if not by_sms or rng.random() < 0.2 else "",
        party_size=rng.choice([1, 1, 1, 1, 2, 3]),
        reminder="sms" if by_sms else "email",
        language=language,
    )


def prepare(messages, seed=11):
    """RSVPs whose two reminders make `messages` pending rows (rounded up to even)."""
    from django.db import transaction
    from django.utils import timezone

    from rsvp.models import MessageStatus, OutboxMessage
    from rsvp.services import seats
    from rsvp.services.outbox import REMINDERS

    rng = random.Random(seed)
    rsvps = math.ceil(messages / 2)
    # At least two dates, so even a quick run has RSVPs on more than one.
    dates = new_dates(min(rsvps, max(2, math.ceil(rsvps / RSVPS_PER_DATE))))
    for number in range(rsvps):
        seats.take_seat(dates[number % len(dates)], seat_request(number, rng))
    prepared = Prepared(dates, rsvps)
    with transaction.atomic():
        # The confirmations went when the people registered, days before the burst.
        OutboxMessage.objects.filter(rsvp__date__in=dates).exclude(kind__in=REMINDERS).update(
            status=MessageStatus.SENT, sent_at=timezone.now()
        )
    statuses = set(prepared.reminders().values_list("status", flat=True))
    count = prepared.reminders().count()
    if statuses != {MessageStatus.PENDING} or count != 2 * rsvps:
        raise RuntimeError(f"expected {2 * rsvps} pending reminders, got {count}: {statuses}")
    return prepared


def make_due(prepared, first_due, spread, seed=11):
    """Due times spread evenly over `spread` seconds from `first_due`, SMS and e-mail mixed."""
    rows = list(prepared.reminders().only("pk"))
    random.Random(seed).shuffle(rows)
    step = spread / len(rows)
    for i, row in enumerate(rows):
        row.due_at = first_due + dt.timedelta(seconds=i * step)
    type(rows[0]).objects.bulk_update(rows, ["due_at"], batch_size=500)


def forget_open_rows():
    """A bench run that was killed leaves rows and tasks open: they must not be sent
    in this run's burst. (The bench database holds nothing else that is open.)"""
    from django.utils import timezone
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from rsvp.models import MessageStatus, OutboxMessage
    from rsvp.services.outbox import OPEN

    OutboxMessage.objects.filter(status__in=OPEN).update(
        status=MessageStatus.SKIPPED, updated_at=timezone.now()
    )
    DBTaskResult.objects.filter(
        status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING)
    ).delete()


def vacuum():
    """On PostgreSQL, clear the dead rows earlier runs left in the tables the bench
    fills and refresh their statistics — what autovacuum does on a production server.
    Returns whether autovacuum is on (it may be off on a test machine)."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    from events.models import EventDate
    from rsvp.models import OutboxMessage, Rsvp

    if connection.vendor != "postgresql":
        return True
    tables = ", ".join(m._meta.db_table for m in (EventDate, Rsvp, OutboxMessage, DBTaskResult))
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {tables}")
        cursor.execute("SHOW autovacuum")
        return cursor.fetchone()[0] == "on"


def clean_up(prepared):
    from events.models import EventDate

    EventDate.objects.filter(pk__in=[d.pk for d in prepared.dates]).delete()
