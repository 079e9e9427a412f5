from notifications import sms
from notifications.sms.message import SmsSent

from .base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    """Keeps sent SMS in `notifications.sms.outbox`, like Django's locmem e-mail backend."""

    outbox_name = "outbox"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if not hasattr(sms, self.outbox_name):
            setattr(sms, self.outbox_name, [])

    def send(self, message):
        getattr(sms, self.outbox_name).append(message)
        return SmsSent(provider_id=self.local_id())
