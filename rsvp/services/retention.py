"""Erasing personal data of RSVPs (invariant 4, docs/architecture.md#invariant-4).

Erasing blanks the name, contacts, group label and private link, and keeps what the
organization reports to its funders without naming anyone: seats, attendance,
language, region, pickup point, and the person key — a keyed hash of the contact that
lets reports count a person once after the contact is gone (core/person_keys.py,
docs/reports.md).
"""

import datetime as dt

from django.conf import settings
from django.dispatch import Signal
from django.utils import timezone

from rsvp.models import Rsvp
from rsvp.services import seats

# Sent with `now` by each daily erase (receivers: notifications/signals.py).
retention_due = Signal()

BLANK = {
    "first_name": "",
    "phone": "",
    "email": "",
    "contact_key": "",
    "group_label": "",
    "token_hash": None,
}


def erase(rsvp, *, now=None):
    """The person's own "erase my data": leave the date if it is still ahead, then blank."""
    now = now or timezone.now()
    if rsvp.is_active and rsvp.date.end > now:
        seats.cancel(rsvp, now=now)
    Rsvp.objects.filter(pk=rsvp.pk).update(**BLANK, erased_at=now, modified_at=now)


def expired(now=None):
    now = now or timezone.now()
    limit = now - dt.timedelta(days=settings.ENSEMBLE_RETENTION_DAYS)
    return Rsvp.objects.filter(erased_at__isnull=True, date__end__lt=limit)


def erase_expired(now=None):
    """Erase every RSVP whose date ended more than the retention period ago; apps that
    keep other personal data (the text messages people sent) erase theirs on the
    `retention_due` signal, in the same run."""
    now = now or timezone.now()
    retention_due.send(sender=erase_expired, now=now)
    return expired(now).update(**BLANK, erased_at=now, modified_at=now)
