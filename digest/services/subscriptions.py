"""Subscribing to the weekly digest, confirming, unsubscribing (docs/digest.md).

Nothing here tells a caller whether a contact was already known: `request()`
returns nothing, and every request — new contact, pending, active or unsubscribed —
goes through the same confirmation. A request only changes the subscription once its
contact confirms it (the e-mail link's POST, or the SMS code); until then what was in
force stays.

The SMS code is not stored: it is an HMAC of (subscription, request number) under the
site's secret key, so the outbox row can render it at send time without a copy of the
code in the database. A stored hash of a 6-digit code would be no safer: a million
guesses find it. The tries are counted instead.
"""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from digest.models import DigestSubscription, SubscriptionStatus, join_regions
from rsvp.models import MessageChannel, MessageKind, MessageStatus, OutboxMessage
from rsvp.services.outbox import sms_allowed

CONFIRM_SALT = "events.digest-confirm"
UNSUBSCRIBE_SALT = "events.digest-unsubscribe"
CODE_SALT = "events.digest-code"
CODE_DIGITS = 6


def request_lifetime(channel):
    if channel == MessageChannel.SMS:
        return dt.timedelta(minutes=settings.ENSEMBLE_DIGEST_CODE_MINUTES)
    return dt.timedelta(hours=settings.ENSEMBLE_DIGEST_LINK_HOURS)


def confirmations_today(subscription, now):
    return subscription.messages.filter(
        kind=MessageKind.SUBSCRIPTION_CONFIRM, created_at__gte=now - dt.timedelta(days=1)
    ).count()


def _locked(channel, contact, language):
    subscription, _created = DigestSubscription.objects.get_or_create(
        channel=channel, contact=contact, defaults={"language": language}
    )
    return DigestSubscription.objects.select_for_update().get(pk=subscription.pk)


def request(channel, contact, regions, language, *, now=None):
    """Record a request and queue its confirmation message, when one may be sent.

    Says nothing back on purpose: the caller shows the same page either way. No
    message goes to a number that replied STOP, nor beyond the day's cap per contact
    (counted from the outbox, so it holds with any cache and any number of processes).
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscription = _locked(channel, contact, language)
        if channel == MessageChannel.SMS and not sms_allowed(contact):
            return
        if confirmations_today(subscription, now) >= settings.ENSEMBLE_DIGEST_CONFIRMATIONS_PER_DAY:
            return
        subscription.requests += 1
        subscription.requested_regions = join_regions(regions)
        subscription.requested_language = language
        subscription.requested_at = now
        subscription.request_expires_at = now + request_lifetime(channel)
        subscription.code_attempts = 0
        subscription.save()
        # Other messages wait for the morning; this one is awaited on the page now.
        OutboxMessage.objects.create(
            subscription=subscription,
            kind=MessageKind.SUBSCRIPTION_CONFIRM,
            channel=channel,
            date_version=subscription.requests,
            due_at=now,
        )


def is_awaiting(subscription, now):
    """A request is open until it expires, is confirmed, or the contact unsubscribes."""
    expires = subscription.request_expires_at
    return bool(expires and now < expires and subscription.requested_regions)


def _apply(subscription, now):
    subscription.status = SubscriptionStatus.ACTIVE
    subscription.regions = subscription.requested_regions
    subscription.language = subscription.requested_language or subscription.language
    subscription.requested_regions = ""
    subscription.requested_language = ""
    subscription.request_expires_at = None
    subscription.code_attempts = 0
    subscription.confirmed_at = now
    subscription.unsubscribed_at = None
    subscription.save()


# -- the e-mail link ------------------------------------------------------------------


def confirm_token(subscription):
    return signing.dumps([subscription.pk, subscription.requests], salt=CONFIRM_SALT)


def read_confirm_token(token):
    """(subscription id, request number), or None when the link was altered."""
    try:
        pk, number = signing.loads(token, salt=CONFIRM_SALT)
        return int(pk), int(number)
    except (signing.BadSignature, TypeError, ValueError):
        return None


OPEN, CONFIRMED, EXPIRED = "open", "confirmed", "expired"


def link_state(subscription, number, now):
    """What a confirmation link can still do: confirm, say it was done, or nothing."""
    if number != subscription.requests:
        return EXPIRED  # a newer request voided this link
    if is_awaiting(subscription, now):
        return OPEN
    if (
        subscription.status == SubscriptionStatus.ACTIVE
        and subscription.confirmed_at
        and subscription.requested_at
        and subscription.confirmed_at >= subscription.requested_at
    ):
        return CONFIRMED
    return EXPIRED


def confirm_link(pk, number, *, now=None):
    """The POST behind the e-mail link. Returns the link's state after it."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = DigestSubscription.objects.select_for_update().filter(pk=pk).first()
        if subscription is None:
            return EXPIRED
        state = link_state(subscription, number, now)
        if state == OPEN:
            _apply(subscription, now)
            return CONFIRMED
        return state


# -- the SMS code -------------------------------------------------------------------


def code_for(subscription):
    digest = salted_hmac(CODE_SALT, f"{subscription.pk}:{subscription.requests}").hexdigest()
    return f"{int(digest, 16) % 10**CODE_DIGITS:0{CODE_DIGITS}d}"


def confirm_code(phone, code, *, now=None):
    """True when `code` confirms the phone's pending request. Wrong, expired, unknown
    or over-tried all give False, so the page cannot tell them apart."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = (
            DigestSubscription.objects.select_for_update()
            .filter(channel=MessageChannel.SMS, contact=phone)
            .first()
        )
        if subscription is None or not is_awaiting(subscription, now):
            return False
        if subscription.code_attempts >= settings.ENSEMBLE_DIGEST_CODE_ATTEMPTS:
            return False
        if not constant_time_compare(code, code_for(subscription)):
            DigestSubscription.objects.filter(pk=subscription.pk).update(
                code_attempts=subscription.code_attempts + 1
            )
            return False
        _apply(subscription, now)
        return True


# -- unsubscribing ------------------------------------------------------------------


def unsubscribe_token(subscription):
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def _open_messages(subscriptions):
    return OutboxMessage.objects.filter(
        subscription__in=subscriptions, status=MessageStatus.PENDING
    )


def unsubscribe(subscriptions, *, now=None):
    """Stop the digest (and any confirmation still to go) for these subscriptions."""
    now = now or timezone.now()
    with transaction.atomic():
        _open_messages(subscriptions).update(status=MessageStatus.SKIPPED, updated_at=now)
        return subscriptions.exclude(status=SubscriptionStatus.UNSUBSCRIBED).update(
            status=SubscriptionStatus.UNSUBSCRIBED,
            unsubscribed_at=now,
            request_expires_at=None,
            requested_regions="",
            requested_language="",
        )


def unsubscribe_one(pk, *, now=None):
    return unsubscribe(DigestSubscription.objects.filter(pk=pk), now=now)


def stopped_by_sms(phone, *, now=None):
    """The number replied STOP: its SMS subscriptions end (SmsOptOut blocks the rest)."""
    return unsubscribe(
        DigestSubscription.objects.filter(channel=MessageChannel.SMS, contact=phone), now=now
    )


def forget_stale(*, now=None):
    """Delete requests never confirmed and subscriptions ended, after a while."""
    now = now or timezone.now()
    before = now - dt.timedelta(days=settings.ENSEMBLE_DIGEST_FORGET_DAYS)
    stale = DigestSubscription.objects.filter(
        Q(status=SubscriptionStatus.PENDING, requested_at__lt=before)
        | Q(status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at__lt=before)
    )
    count, _by_model = stale.delete()
    return count


# -- sending ------------------------------------------------------------------------


def confirmation_why_not(row, subscription, now):
    """A confirmation message goes only while its request is the latest and open."""
    if row.date_version != subscription.requests or not is_awaiting(subscription, now):
        return MessageStatus.SKIPPED
    return None
