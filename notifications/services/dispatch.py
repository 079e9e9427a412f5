"""Sending what the outbox holds (invariant 3, docs/architecture.md#invariant-3;
docs/notifications.md).

The dispatcher claims due rows in one short transaction — `SELECT … FOR UPDATE SKIP
LOCKED` on PostgreSQL, so dispatchers on several machines never claim the same row —
and gives each a lease. A task sends one claimed row and marks it sent only if the
claim is still its own. A row whose lease ran out (its worker died) is claimed again.
So that the lease covers the provider call and not the time the task waited in the
queue, a task first renews it — only if it has not run out: a task that starts too
late leaves the row to the next claim instead of racing it.

The guarantee is at-least-once with de-duplication by the row: a message is sent
twice only if a worker dies after the provider took it and before the row was marked
sent, and the lease then expires.

Messages carrying the private link get a fresh token at send time (only its hash is
stored, so an earlier one cannot be put in a message). The RSVP's `token_hash` takes
the new hash in the same short transaction that marks the row sent, never before the
provider took the message: a failed send leaves the person's earlier link working.
The one case where the link in hand does not work is the duplicate case above: its
hash was never stored, and the second copy, sent when the lease expires, carries a
working one. See docs/rsvp.md ("Tokens").
"""

import dataclasses
import datetime as dt
import logging
import os
import socket
import uuid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from core.tokens import new_token
from notifications import sms
from notifications.services import rate
from notifications.services.recipients import address, recipient_of
from notifications.services.render import render
from notifications.services.whatsapp import send_whatsapp
from rsvp.models import MessageChannel, MessageStatus, OutboxMessage, Rsvp
from rsvp.services.outbox import WITH_LINK, sms_allowed, whatsapp_allowed

log = logging.getLogger(__name__)


def worker_name():
    return f"{socket.gethostname()[:30]}:{os.getpid()}"


def due(now):
    return OutboxMessage.objects.filter(
        Q(status=MessageStatus.PENDING, due_at__lte=now)
        | Q(status=MessageStatus.CLAIMED, lease_until__lt=now)
    )


def claim(*, limit=100, worker=None, now=None):
    """Claim up to `limit` due rows; returns (claim id, [row ids])."""
    now = now or timezone.now()
    token = f"{worker or worker_name()}:{uuid.uuid4().hex[:12]}"[:64]
    lease = lease_end(now)
    with transaction.atomic():
        rows = due(now).order_by("due_at", "pk")
        if connection.vendor == "postgresql":
            rows = rows.select_for_update(skip_locked=True)
        # On SQLite the IMMEDIATE transaction holds the database's write lock.
        ids = list(rows.values_list("pk", flat=True)[:limit])
        if ids:
            OutboxMessage.objects.filter(pk__in=ids).update(
                status=MessageStatus.CLAIMED, claimed_by=token, lease_until=lease, updated_at=now
            )
    return token, ids


def give_back(token, ids, now):
    """End, now, the leases of the rows of `ids` still claimed by `token`: they never
    reached a task (the task queue was unreachable), so the next claim takes them
    instead of waiting out the lease. Should one of their tasks have reached the queue
    after all, it finds the lease over and leaves them to that claim (`renew`)."""
    rows = OutboxMessage.objects.filter(pk__in=ids, status=MessageStatus.CLAIMED, claimed_by=token)
    return rows.filter(lease_until__gt=now).update(lease_until=now)


def in_flight(now):
    """Rows claimed and still leased: enqueued or being sent."""
    return OutboxMessage.objects.filter(status=MessageStatus.CLAIMED, lease_until__gt=now).count()


def room(limit, now):
    """How many rows this round may claim. Claiming more than the workers send within
    one lease would let leases run out in the task queue and the rows be claimed again
    (sent twice if both tasks then run); past the cap, a backlog waits as pending rows.
    Two dispatchers counting at once may each claim one round's worth over it."""
    cap = settings.ENSEMBLE_OUTBOX_MAX_IN_FLIGHT
    if not cap:
        return limit
    return max(0, min(limit, cap - in_flight(now)))


def why_not(row, now):
    """The status to record instead of sending, or None to send."""
    who = recipient_of(row)
    reason = who.why_not(row, now)
    if reason:
        return reason
    if row.channel == MessageChannel.SMS and not sms_allowed(who.phone):
        return MessageStatus.SKIPPED
    if row.channel == MessageChannel.EMAIL and not who.email:
        return MessageStatus.SKIPPED
    if row.channel == MessageChannel.WHATSAPP and not whatsapp_allowed(who.phone):
        return MessageStatus.SKIPPED
    return None


def _mine(pk, token):
    return OutboxMessage.objects.filter(pk=pk, status=MessageStatus.CLAIMED, claimed_by=token)


def lease_end(now):
    return now + dt.timedelta(seconds=settings.ENSEMBLE_OUTBOX_LEASE_SECONDS)


def renew(rows, now):
    """Renew the leases of `rows` that have not run out; returns how many. Never
    shortens one (a dispatcher's clock may be ahead of this worker's)."""
    renewed = Greatest(F("lease_until"), Value(lease_end(now)))
    return rows.filter(lease_until__gt=now).update(lease_until=renewed)


def take(pk, token, now):
    """Renew the claim's lease for the send, if the claim is still ours and unexpired."""
    return bool(renew(_mine(pk, token), now))


SELECTED = ("rsvp__date__event", "organizer_message", "subscription", "reply_to")


@dataclasses.dataclass
class Outgoing:
    """A row whose claim was renewed, rendered and ready for the provider."""

    row: OutboxMessage
    rendered: object
    # The hash of the private link's token in the message, stored once it went.
    hashed: str | None = None


def claimed_rows(ids, token, now):
    """Renew the leases of the rows of `ids` still claimed by `token` and unexpired, in
    one UPDATE, and read those rows with what rendering reads, in one query. Their
    leases now run at least until now + the lease: prepare() renews a row again only
    when the batch has taken more than half of it."""
    mine = OutboxMessage.objects.filter(pk__in=ids, status=MessageStatus.CLAIMED, claimed_by=token)
    renew(mine, now)
    rows = mine.filter(lease_until__gte=lease_end(now)).select_related(*SELECTED)
    return list(rows.order_by("due_at", "pk"))


def send_one(pk, token, *, now=None):
    """Send one claimed row. Never raises for a provider error: it is recorded."""
    row = _mine(pk, token).select_related(*SELECTED).first()
    if row is None:
        return "not-claimed"
    return send_row(row, token, now=now)


def send_row(row, token, *, now=None, renewed_at=None):
    """Prepare, send and record a row already read; returns its status."""
    outgoing = prepare(row, token, now=now, renewed_at=renewed_at)
    if not isinstance(outgoing, Outgoing):
        return outgoing
    return record(outgoing, token, call(outgoing), now=now)


def prepare(row, token, *, now=None, renewed_at=None):
    """Renew the row's claim (unless `renewed_at`, when its batch renewed it, is less
    than half a lease ago) and render it. Returns the Outgoing message, or the status
    recorded instead of sending (not-claimed, skipped, missed, or a rendering failure)."""
    now = now or timezone.now()
    half_lease = dt.timedelta(seconds=settings.ENSEMBLE_OUTBOX_LEASE_SECONDS / 2)
    fresh = renewed_at is not None and now - renewed_at < half_lease
    if not fresh and not take(row.pk, token, now):
        return "not-claimed"
    reason = why_not(row, now)
    if reason:
        _mine(row.pk, token).update(status=reason, lease_until=None, updated_at=now)
        return reason
    link, hashed = new_token() if row.kind in WITH_LINK else (None, None)
    try:
        rendered = render(row, manage_token=link)
    except Exception as error:  # noqa: BLE001 — one broken row must not stop the batch
        log.warning("outbox message %s: %s while rendering", row.pk, type(error).__name__)
        return failed(row, token, type(error).__name__, False, now)
    return Outgoing(row, rendered, hashed)


def call(outgoing):
    """The provider call, the only part that may run in another thread (no database):
    the provider's id for the message, or the exception it raised."""
    try:
        return deliver(outgoing.row, outgoing.rendered)
    except Exception as error:  # noqa: BLE001 — recorded by record()
        return error


def record(outgoing, token, result, *, now=None):
    """Record what the provider call gave; returns the row's status."""
    row, now = outgoing.row, now or timezone.now()
    if isinstance(result, sms.SmsSendError):
        return failed(row, token, f"SmsSendError {result.code}".strip(), result.permanent, now)
    if isinstance(result, Exception):
        # The class name only: provider messages can contain the address.
        log.warning("outbox message %s: %s", row.pk, type(result).__name__)
        return failed(row, token, type(result).__name__, False, now)
    mark_sent(row, token, result, outgoing.hashed)
    return MessageStatus.SENT


def mark_sent(row, token, provider_id, hashed=None):
    """Mark the row sent (if the claim is still ours) and, for a message carrying the
    link, make its link the RSVP's only working one — in one transaction. Without a
    link it is one UPDATE, a reminder's only write after its provider call."""
    if not hashed:
        marked_sent(row, token, provider_id)
        return
    with transaction.atomic():
        if marked_sent(row, token, provider_id):
            # An RSVP erased meanwhile keeps no link.
            Rsvp.objects.filter(pk=row.rsvp_id, erased_at__isnull=True).update(token_hash=hashed)


def marked_sent(row, token, provider_id):
    return _mine(row.pk, token).update(
        status=MessageStatus.SENT,
        sent_at=timezone.now(),
        provider_message_id=provider_id[:100],
        attempts=F("attempts") + 1,
        last_error="",
        lease_until=None,
        updated_at=timezone.now(),
    )


def failed(row, token, error, permanent, now):
    attempts = row.attempts + 1
    delays = settings.ENSEMBLE_OUTBOX_RETRY_MINUTES
    if permanent or attempts > len(delays):
        changes = {"status": MessageStatus.FAILED}
    else:
        changes = {
            "status": MessageStatus.PENDING,
            "due_at": now + dt.timedelta(minutes=delays[attempts - 1]),
            "claimed_by": "",
        }
    _mine(row.pk, token).update(
        attempts=attempts, last_error=error[:255], lease_until=None, updated_at=now, **changes
    )
    return changes["status"]


def email_headers(row, rendered):
    headers = {"X-Ensemble-Message": f"outbox-{row.pk}"}
    if rendered.unsubscribe_url:
        # Mail apps show their own "unsubscribe" button and POST to the link (RFC 8058).
        headers["List-Unsubscribe"] = f"<{rendered.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return headers


def deliver(row, rendered):
    """Hand the message to the provider; returns the provider's id for it."""
    to = address(row)
    # Waits for this process's share of the provider's rate (docs/notifications.md).
    rate.wait(row.channel)
    if row.channel == MessageChannel.SMS:
        sent = sms.get_backend().send(
            sms.SmsMessage(to=to, body=rendered.text, reference=f"outbox-{row.pk}")
        )
        return sent.provider_id or ""
    if row.channel == MessageChannel.WHATSAPP:
        return send_whatsapp(row, to, rendered)
    email = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=email_headers(row, rendered),
    )
    email.attach_alternative(rendered.html, "text/html")
    if rendered.ics:
        email.attach(rendered.ics_name, rendered.ics, "text/calendar")
    email.send()
    # Anymail backends report the ESP's id; Django's own backends have none.
    status = getattr(email, "anymail_status", None)
    return (getattr(status, "message_id", None) or "") if status else ""
