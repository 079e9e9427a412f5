from notifications import sms
from notifications.sms.message import SmsSent

from .base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    """Keeps sent SMS in `notifications.sms.outbox`, like Django's locmem e-mail backend."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if not hasattr(sms, "outbox"):
            sms.outbox = []

    def send(self, message):
        sms.outbox.append(message)
        return SmsSent(provider_id=self.local_id())
