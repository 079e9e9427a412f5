"""The counts behind every report table, in a fixed number of GROUP BY queries.

Each breakdown is one query, whatever the number of dates or registrations: the
registrations of the period are grouped by (breakdown value, person) — which gives
each person's largest party in that group — then by breakdown value. A person is the
RSVP's person key (a keyed hash of the contact, kept after the erase); a registration
without one (a walk-in who left no contact) is a person of its own.
"""

from django.db import connection
from django.db.models import Case, CharField, Count, F, Max, Q, Sum, Value, When
from django.db.models.functions import Cast, Concat, ExtractMonth, ExtractYear
from django.utils import timezone

from rsvp.models import Rsvp, RsvpSource, RsvpStatus

# What a table shows, in order: the funders' two figures first. All are numbers of
# people except registrations.
METRICS = (
    "reached",
    "supported",
    "registrations",
    "people",
    "came",
    "walk_ins",
    "waitlisted",
    "cancelled",
)


def breakdowns():
    """Each breakdown: the expressions it groups by, named dim_*."""
    zone = timezone.get_current_timezone()
    return {
        "total": {},
        "month": {
            "dim_year": ExtractYear("date__start", tzinfo=zone),
            "dim_month": ExtractMonth("date__start", tzinfo=zone),
        },
        "category": {"dim_category": F("date__event__category__translation_key")},
        "region": {"dim_region": F("region")},
        "language": {"dim_language": F("language")},
        "transport": {"dim_transport": F("needs_transport")},
    }


def registrations(period, condition=None):
    """RSVPs on dates starting in the period, limited to `condition` (scope.event_filter)."""
    first, after = period.bounds()
    rsvps = Rsvp.objects.filter(date__start__gte=first, date__start__lt=after)
    return rsvps.filter(condition) if condition is not None else rsvps


def _per_person(rsvps, dims):
    party = "party_size"
    return (
        rsvps.annotate(**dims, person=_person())
        .values(*dims, "person")
        .annotate(
            registrations=Count("pk", filter=~Q(source=RsvpSource.WALK_IN)),
            people=Sum(party, filter=Q(status=RsvpStatus.CONFIRMED)),
            came=Sum(party, filter=Q(attended=True)),
            walk_ins=Sum(party, filter=Q(source=RsvpSource.WALK_IN)),
            waitlisted=Sum(party, filter=Q(status=RsvpStatus.WAITLISTED)),
            cancelled=Sum(party, filter=Q(status=RsvpStatus.CANCELLED)),
            reached=Max(party),
            supported=Max(party, filter=Q(attended=True)),
        )
        .order_by()
    )


def _person():
    """The person key, or for a registration without one, its own id."""
    own = Concat(Value("rsvp-"), Cast("pk", CharField()), output_field=CharField())
    return Case(When(person_key="", then=own), default=F("person_key"), output_field=CharField())


def grouped(rsvps, dims):
    """[{dim_…: value, metric: number}], one row per value of the breakdown."""
    inner_sql, params = _per_person(rsvps, dims).query.sql_with_params()
    quote = connection.ops.quote_name
    keys = [quote(name) for name in dims]
    sums = [f"COALESCE(SUM({quote(name)}), 0)" for name in METRICS]
    group = f" GROUP BY {', '.join(keys)}" if keys else ""
    sql = f"SELECT {', '.join(keys + sums)} FROM ({inner_sql}) per_person{group}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = list(dims) + list(METRICS)
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def figures(period, condition=None, names=None):
    """{breakdown: rows} for the period; `names` limits the breakdowns (one query each)."""
    rsvps = registrations(period, condition)
    wanted = breakdowns()
    return {
        name: grouped(rsvps, dims)
        for name, dims in wanted.items()
        if names is None or name in names
    }
