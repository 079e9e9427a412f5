from .organizer_messages import OrganizerMessage
from .replies import IncomingMessage, PendingChoice, ReplyAction

__all__ = ["IncomingMessage", "OrganizerMessage", "PendingChoice", "ReplyAction"]
