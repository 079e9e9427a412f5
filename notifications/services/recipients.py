"""Who an outbox row goes to: an RSVP or a digest subscription.

The dispatcher asks the same three things of both — may this row still go, to which
phone or address, and (render.py) in which words — so the differences live here and
in the two renderers, not in if/else branches across the dispatcher.
"""

from digest.services.digest import digest_why_not
from digest.services.subscriptions import confirmation_why_not
from rsvp.models import MessageChannel, MessageKind, MessageStatus, RsvpStatus
from rsvp.services.outbox import REMINDERS, channel_for, reminder_due


class RsvpRecipient:
    def __init__(self, rsvp):
        self.rsvp = rsvp
        self.phone = rsvp.phone
        self.email = rsvp.email

    def why_not(self, row, now):
        rsvp = self.rsvp
        date = rsvp.date
        if rsvp.status == RsvpStatus.CANCELLED or rsvp.is_erased:
            return MessageStatus.SKIPPED
        if date.status != "scheduled" and row.kind != MessageKind.DATE_CANCELLED:
            return MessageStatus.SKIPPED
        if row.kind in REMINDERS:
            if rsvp.status != RsvpStatus.CONFIRMED or channel_for(rsvp, row.kind) != row.channel:
                return MessageStatus.SKIPPED
            if reminder_due(row.kind, date) is None:
                # Switched off on the event after this row was claimed.
                return MessageStatus.SKIPPED
            if now >= date.start:
                return MessageStatus.MISSED
        return None


class SubscriberRecipient:
    def __init__(self, subscription):
        self.subscription = subscription
        self.phone = subscription.phone
        self.email = subscription.email

    def why_not(self, row, now):
        if row.kind == MessageKind.DIGEST:
            return digest_why_not(row, self.subscription, now)
        if row.kind == MessageKind.SUBSCRIPTION_CONFIRM:
            return confirmation_why_not(row, self.subscription, now)
        return MessageStatus.SKIPPED


class ReplyRecipient:
    """The number that wrote to us: the answer goes back on the channel it came by."""

    def __init__(self, incoming):
        self.phone = incoming.phone
        self.email = ""

    def why_not(self, row, now):
        return None


def recipient_of(row):
    if row.reply_to_id is not None:
        return ReplyRecipient(row.reply_to)
    if row.subscription_id is not None:
        return SubscriberRecipient(row.subscription)
    return RsvpRecipient(row.rsvp)


def address(row):
    who = recipient_of(row)
    return who.email if row.channel == MessageChannel.EMAIL else who.phone
