import sys
import threading

from notifications.sms.message import SmsSent

from .base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    """Prints each SMS: the development default."""

    _lock = threading.Lock()

    def __init__(self, stream=None, **kwargs):
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout

    def printed(self, message, provider_id):
        return f"SMS to {message.to} [{provider_id}]\n{message.body}\n"

    def send(self, message):
        provider_id = self.local_id()
        with self._lock:
            self.stream.write(f"{self.printed(message, provider_id)}{'-' * 40}\n")
            self.stream.flush()
        return SmsSent(provider_id=provider_id)
