from .outbox import (
    MessageChannel,
    MessageKind,
    MessageStatus,
    OutboxMessage,
    SmsOptOut,
    WhatsAppOptOut,
)
from .rsvps import ReminderChannel, Rsvp, RsvpSource, RsvpStatus

__all__ = [
    "MessageChannel",
    "MessageKind",
    "MessageStatus",
    "OutboxMessage",
    "ReminderChannel",
    "Rsvp",
    "RsvpSource",
    "RsvpStatus",
    "SmsOptOut",
    "WhatsAppOptOut",
]
