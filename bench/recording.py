"""In-memory SMS and e-mail backends for the notifications bench that also note what
they sent.

Each message's outbox reference (`outbox-<pk>`: the SMS reference, the e-mail's
X-Ensemble-Message header) is appended to `sent-<pid>.txt` in settings.BENCH_RECORD_DIR
as soon as the backend took it, so the bench counts duplicates across processes and
nothing is lost if a process is stopped. Each send first waits BENCH_LATENCY_MS, as a
provider's API call would.
"""

import os
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.mail.backends import locmem as mail_locmem

from notifications.sms.backends import locmem as sms_locmem

_lock = threading.Lock()
_file = None


def provider_call():
    time.sleep(settings.BENCH_LATENCY_MS / 1000)


def note(reference):
    global _file
    with _lock:
        if _file is None:
            path = Path(settings.BENCH_RECORD_DIR) / f"sent-{os.getpid()}.txt"
            _file = path.open("a", encoding="utf-8")
        _file.write(f"{reference}\n")
        _file.flush()


class SmsBackend(sms_locmem.SmsBackend):
    def send(self, message):
        provider_call()
        sent = super().send(message)
        note(message.reference)
        return sent


class EmailBackend(mail_locmem.EmailBackend):
    def send_messages(self, messages):
        provider_call()
        count = super().send_messages(messages)
        for message in messages:
            note(message.extra_headers.get("X-Ensemble-Message", ""))
        return count
