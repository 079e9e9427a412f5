from dataclasses import dataclass


@dataclass(frozen=True)
class SmsMessage:
    to: str  # E.164
    body: str
    reference: str = ""  # our own id for the message (an outbox row), never personal data


@dataclass(frozen=True)
class SmsSent:
    provider_id: str
    status: str = "sent"


class SmsSendError(Exception):
    """The provider did not take the message.

    `permanent` is True when trying again cannot help (invalid number, the person
    replied STOP); otherwise the caller retries with backoff.
    """

    def __init__(self, message, *, code="", permanent=False):
        super().__init__(message)
        self.code = str(code or "")
        self.permanent = permanent
