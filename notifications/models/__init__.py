from .organizer_messages import OrganizerMessage
from .replies import IncomingMessage, PendingChoice, ReplyAction
from .voice import VoiceCall

__all__ = ["IncomingMessage", "OrganizerMessage", "PendingChoice", "ReplyAction", "VoiceCall"]
