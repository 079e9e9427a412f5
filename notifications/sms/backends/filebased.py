import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from notifications.sms.message import SmsSent

from .base import BaseSmsBackend


class SmsBackend(BaseSmsBackend):
    """Appends each SMS as one JSON line to settings.SMS_FILE_PATH."""

    def __init__(self, file_path=None, **kwargs):
        super().__init__(**kwargs)
        self.path = Path(file_path or getattr(settings, "SMS_FILE_PATH", "sms-outbox.jsonl"))

    def send(self, message):
        provider_id = self.local_id()
        record = {
            "id": provider_id,
            "to": message.to,
            "body": message.body,
            "reference": message.reference,
            "at": timezone.now().isoformat(),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return SmsSent(provider_id=provider_id)
