"""The weekly digest: queued once a week per subscription, written from public data.

From Thursday 15:00 (ENSEMBLE_DIGEST_WEEKDAY / _HOUR, Québec time) to the end of the
week, every run of `dispatch_outbox` queues a `digest` row for each active
subscription that has none for this ISO week. The row's version is ISO year * 100 +
week and the outbox's unique constraint covers (subscription, kind, channel,
version): a second run, or a second dispatcher at the same moment, adds nothing.

The text is written at send time (notifications/services/subscription_messages.py) from
what anyone can see on the site: the weekend's published, public, scheduled dates in
the subscription's regions. A subscription with nothing that weekend gets no empty
digest: its row is recorded `skipped`.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.models import Locale

from core.formatting import format_day
from core.when import local_now, this_weekend, week_version
from digest.models import DigestSubscription, SubscriptionStatus
from events.models import EventPage
from events.services.listing import localize_dates, upcoming_dates
from forwarding.services.regional import days_in, listing_url, region_name
from rsvp.models import MessageKind, MessageStatus, OutboxMessage
from rsvp.services.outbox import out_of_quiet_hours

# An e-mail lists this many dates at most; the link to the listing shows the rest.
EMAIL_MAX_ITEMS = 30


def is_digest_time(now=None):
    """From the digest's weekday and hour to the end of the ISO week."""
    local = local_now(now)
    day = settings.ENSEMBLE_DIGEST_WEEKDAY
    return local.weekday() > day or (
        local.weekday() == day and local.hour >= settings.ENSEMBLE_DIGEST_HOUR
    )


def queue_week(*, now=None):
    """Queue this week's digest for each active subscription still without one.

    Returns how many rows were written (0 before the digest's time, and once every
    active subscription has its row). A subscription confirmed later in the week gets
    its digest on the next run.
    """
    now = now or timezone.now()
    if not is_digest_time(now):
        return 0
    version = week_version(now)
    already = OutboxMessage.objects.filter(
        subscription=OuterRef("pk"), kind=MessageKind.DIGEST, date_version=version
    )
    missing = (
        DigestSubscription.objects.filter(status=SubscriptionStatus.ACTIVE)
        .exclude(Exists(already))
        .values_list("pk", "channel")
    )
    due = out_of_quiet_hours(now, settings.TIME_ZONE)
    _start, end = this_weekend(week=version)
    status = MessageStatus.MISSED if due >= end else MessageStatus.PENDING
    rows = [
        OutboxMessage(
            subscription_id=pk,
            kind=MessageKind.DIGEST,
            channel=channel,
            date_version=version,
            due_at=due,
            status=status,
        )
        for pk, channel in missing
    ]
    # The unique constraint, not this process, guarantees one row a week: a row
    # another dispatcher wrote meanwhile is left as it is.
    OutboxMessage.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


def weekend_dates(regions, version, *, now=None):
    """The weekend's scheduled dates of published, public activities in these regions."""
    start, until = this_weekend(week=version)
    public = EventPage.objects.live().public().values("pk")
    return (
        upcoming_dates(now)
        .scheduled()
        .filter(event__region__in=regions, event_id__in=public, start__gte=start, start__lt=until)
    )


def digest_why_not(row, subscription, now):
    """The status to record instead of sending this digest, or None to send it."""
    if subscription.status != SubscriptionStatus.ACTIVE or subscription.channel != row.channel:
        return MessageStatus.SKIPPED
    _start, end = this_weekend(week=row.date_version)
    if now >= end:
        return MessageStatus.MISSED
    if not weekend_dates(subscription.region_codes, row.date_version, now=now).exists():
        return MessageStatus.SKIPPED  # nothing this weekend: no empty digest
    return None


@dataclass
class Digest:
    language: str
    regions: list  # names
    period: str
    days: list  # forwarding.services.regional.Day
    count: int
    more: int
    listing_url: str
    region_urls: list = field(default_factory=list)  # (name, listing url) per region


def digest_for(subscription, version, *, now=None):
    """What the digest says, in the subscription's language."""
    language = subscription.language
    codes = subscription.region_codes
    dates = list(weekend_dates(codes, version, now=now))
    shown = dates[:EMAIL_MAX_ITEMS]
    locale = Locale.objects.get(language_code=language)
    start, until = this_weekend(week=version)
    names = [str(region_name(code)) for code in codes]
    return Digest(
        language=language,
        regions=names,
        period=(
            f"{format_day(start, None, language)} – "
            f"{format_day(until - dt.timedelta(days=1), None, language)}"
        ),
        days=days_in(localize_dates(shown, locale), language),
        count=len(dates),
        more=len(dates) - len(shown),
        listing_url=weekend_listing_url(language, codes),
        region_urls=[
            (name, listing_url(language, code, "weekend"))
            for name, code in zip(names, codes, strict=True)
        ],
    )


def weekend_listing_url(language, codes):
    """The listing of the weekend: filtered to the region when there is one, else all
    regions (the listing filters one region at a time)."""
    return listing_url(language, codes[0] if len(codes) == 1 else "", "weekend")
