from .categories import Category, Pictogram
from .dates import DateStatus, EventDate
from .events import EventPage
from .index import ActivitiesIndexPage
from .languages import LanguageCode
from .organizations import OrganizationPage
from .organizer_messages import OrganizerMessage
from .originals import original_page
from .outbox import MessageChannel, MessageKind, MessageStatus, OutboxMessage, SmsOptOut
from .pickups import PickupPoint
from .regions import Region
from .replies import IncomingMessage, PendingChoice, ReplyAction, WhatsAppOptOut
from .rsvps import ReminderChannel, Rsvp, RsvpSource, RsvpStatus
from .subscriptions import DigestSubscription, SubscriptionStatus

__all__ = [
    "ActivitiesIndexPage",
    "Category",
    "DateStatus",
    "DigestSubscription",
    "EventDate",
    "EventPage",
    "LanguageCode",
    "MessageChannel",
    "MessageKind",
    "MessageStatus",
    "OrganizationPage",
    "OrganizerMessage",
    "OutboxMessage",
    "PickupPoint",
    "Pictogram",
    "Region",
    "ReminderChannel",
    "Rsvp",
    "RsvpSource",
    "RsvpStatus",
    "IncomingMessage",
    "PendingChoice",
    "ReplyAction",
    "WhatsAppOptOut",
    "SmsOptOut",
    "SubscriptionStatus",
    "original_page",
]
