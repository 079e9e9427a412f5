from .outbox import (
    MessageChannel,
    MessageKind,
    MessageStatus,
    OutboxMessage,
    SmsOptOut,
    WhatsAppOptOut,
)
from .rsvps import PUBLIC_SOURCES, ReminderChannel, Rsvp, RsvpSource, RsvpStatus

__all__ = [
    "MessageChannel",
    "MessageKind",
    "MessageStatus",
    "OutboxMessage",
    "PUBLIC_SOURCES",
    "ReminderChannel",
    "Rsvp",
    "RsvpSource",
    "RsvpStatus",
    "SmsOptOut",
    "WhatsAppOptOut",
]
