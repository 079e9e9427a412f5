"""One import of one partner feed: all of it in one transaction, or nothing.

Pages are made and changed through Wagtail revisions, dates through the shared
schedule services (rsvp.services.schedule), so every language reads the same
dates (invariant 1) and registered people hear of moves and cancellations.
"""

import dataclasses
import datetime as dt
import hashlib
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from events.models import EventDate, EventPage
from events.services.coordinates import fill_missing
from partner_feeds.models import ImportedDate, ImportedEvent, PartnerFeed, RunStatus
from partner_feeds.services import fetch, reading
from partner_feeds.services.refusals import Refused
from rsvp.services import schedule

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Report:
    created: int = 0
    updated: int = 0
    dates_added: int = 0
    dates_changed: int = 0
    dates_cancelled: int = 0
    notes: list = dataclasses.field(default_factory=list)

    def counts(self):
        return {k: v for k, v in dataclasses.asdict(self).items() if k != "notes"}


def run(feed, now=None):
    """Fetch, read and import one feed; record what happened on the feed."""
    now = now or timezone.now()
    try:
        body = fetch.fetch(feed.url)
        content = reading.read(body, feed.organization.title, now)
        report = import_content(feed, content, now)
    except Refused as refusal:
        return _record(feed, now, RunStatus.REFUSED, refusal.as_record(), Report())
    except Exception:
        # A bug must not stop the other feeds' imports; the transaction rolled back.
        log.exception("partner feed %s failed", feed.pk)
        return _record(feed, now, RunStatus.REFUSED, {"code": "failed"}, Report())
    return _record(feed, now, RunStatus.OK, {}, report)


def _record(feed, now, status, refusal, report):
    PartnerFeed.objects.filter(pk=feed.pk).update(
        last_run_at=now,
        last_status=status,
        last_refusal=refusal,
        last_counts=report.counts(),
        last_notes=report.notes,
    )
    feed.refresh_from_db()
    return feed


@transaction.atomic
def import_content(feed, content, now):
    # Two runs of one feed (cron and "Import now") take turns: the second then finds
    # what the first made, instead of making it twice.
    PartnerFeed.objects.select_for_update().filter(pk=feed.pk).first()
    report = Report(notes=list(content.notes))
    for item in content.events.values():
        import_event(feed, item, report, now)
    horizon = now + dt.timedelta(days=_horizon_days())
    gone = ImportedEvent.objects.filter(feed=feed, page__isnull=False).exclude(
        uid__in=list(content.events)
    )
    for record in gone.select_related("page"):
        _cancel_missing(record, record.dates.select_related("date"), report, now, horizon)
    return report


def _horizon_days():
    return settings.ENSEMBLE_FEED_HORIZON_DAYS


def import_event(feed, item, report, now):
    record = ImportedEvent.objects.filter(feed=feed, uid=item.uid).first()
    if record is not None and item.sequence < record.sequence:
        return  # an older copy of the event than the one already imported
    if record is None:
        if not any(not occ.cancelled for occ in item.occurrences):
            return
        page = create_page(feed, item)
        record = ImportedEvent.objects.create(
            feed=feed, uid=item.uid, page=page, sequence=item.sequence, hashes=item.hashes()
        )
        _link_rule_date(record, page, item)
        report.created += 1
    elif record.page_id is None:
        report.notes.append({"code": "page_deleted", "title": item.fields["title"]})
        return
    else:
        update_page(feed, record, item, report)
    record.sequence = item.sequence
    record.save(update_fields=["sequence"])
    sync_dates(record, item, report, now)


def _slug(feed, item):
    base = slugify(item.fields["title"])[:60] or "activite"
    suffix = hashlib.sha256(f"{feed.pk}:{item.uid}".encode()).hexdigest()[:8]
    return f"{base}-{suffix}"


def create_page(feed, item):
    """A new event page under the organization: a draft, or published for a trusted
    partner. Its rule is the first date; the other dates are added one by one."""
    organization = feed.organization
    first = next(occ for occ in item.occurrences if not occ.cancelled)
    start = timezone.localtime(first.start, _zone(item.timezone))
    end = timezone.localtime(first.end, _zone(item.timezone))
    end_time = end.time() if end.date() == start.date() and end > start else dt.time(23, 59)
    page = EventPage(
        **item.fields,
        slug=_slug(feed, item),
        category=feed.category,
        first_date=start.date(),
        start_time=start.time(),
        end_time=end_time,
        timezone=item.timezone,
        municipality=organization.municipality,
        region=organization.region,
        spoken_languages=organization.staff_languages,
        live=False,
    )
    fill_missing(page)  # the organization's town, unless the feed gave a place
    organization.add_child(instance=page)
    revision = page.save_revision()
    if feed.trusted:
        revision.publish()
    # A draft's rule row is made here; a publish already made it (idempotent).
    schedule.sync_dates(page)
    return page


def _zone(name):
    return ZoneInfo(name)


def _link_rule_date(record, page, item):
    """The rule's own row is the first date of the feed: link it, so the feed's
    times and later changes reach it like any other date."""
    first = next(occ for occ in item.occurrences if not occ.cancelled)
    row = EventDate.objects.get(event=page, occurrence_date=page.first_date)
    ImportedDate.objects.create(event=record, key=first.key, date=row, state=state(row))


def update_page(feed, record, item, report):
    page = record.page.get_latest_revision_as_object()
    current = {name: getattr(page, name) for name in reading.PAGE_FIELDS}
    hashes = {name: reading.field_digest(name, value) for name, value in current.items()}
    if any(hashes[name] != record.hashes.get(name) for name in hashes):
        report.notes.append({"code": "page_edited", "title": page.title})
        return
    if hashes == item.hashes():
        return
    for name, value in item.fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    if feed.trusted:
        revision.publish()
    record.hashes = item.hashes()
    record.save(update_fields=["hashes"])
    report.updated += 1


def state(row):
    text = f"{row.start.astimezone(dt.UTC).isoformat()}|{row.end.astimezone(dt.UTC).isoformat()}"
    return reading.digest(f"{text}|{row.status}")


def sync_dates(record, item, report, now):
    links = {link.key: link for link in record.dates.select_related("date")}
    page = record.page.specific
    for occ in item.occurrences:
        link = links.pop(occ.key, None)
        if link is None:
            if not occ.cancelled:
                row = schedule.add_date(page, occ.start, occ.end)
                ImportedDate.objects.create(event=record, key=occ.key, date=row, state=state(row))
                report.dates_added += 1
        else:
            _follow(link, occ, page, report)
    horizon = now + dt.timedelta(days=_horizon_days())
    _cancel_missing(record, links.values(), report, now, horizon)


def _edited(link, row, page, report):
    if state(row) == link.state:
        return False
    when = row.start.isoformat()  # put into words when shown, in the reader's language
    report.notes.append({"code": "date_edited", "title": page.title, "when": when})
    return True


def _follow(link, occ, page, report):
    row = link.date
    if _edited(link, row, page, report):
        return
    if occ.cancelled:
        if not row.is_cancelled:
            row = schedule.cancel_date(row)
            report.dates_cancelled += 1
    else:
        changed = False
        if row.is_cancelled:
            row, changed = schedule.reinstate_date(row), True
        if (row.start, row.end) != (occ.start, occ.end):
            row, changed = schedule.move_date(row, occ.start, occ.end), True
        report.dates_changed += changed
    link.state = state(row)
    link.save(update_fields=["state"])


def _cancel_missing(record, links, report, now, horizon):
    """Dates the feed no longer lists (deleted, or excluded with EXDATE) are cancelled
    if they are still to come and inside the window the feed was read for."""
    for link in links:
        row = link.date
        if row.end < now or row.start > horizon or row.is_cancelled:
            continue
        if _edited(link, row, record.page, report):
            continue
        row = schedule.cancel_date(row)
        link.state = state(row)
        link.save(update_fields=["state"])
        report.dates_cancelled += 1
