"""Per-provider sending rates (ENSEMBLE_SMS_RATE_PER_SECOND, ENSEMBLE_EMAIL_RATE_PER_SECOND).

The limit holds across the sending threads of one worker process: each send takes
the next free slot, one interval after the previous one. Several workers each send at
the rate they are given, so a provider's limit is shared by setting each worker's rate
to its share (docs/notifications.md, "Rate limits"). 0 means no limit.

An RQ worker forks for each task: the slots are then counted per task, one task at a
time per worker, so the rate still holds within a few milliseconds at task boundaries.
"""

import threading
import time

from django.conf import settings

from events.models import MessageChannel

_lock = threading.Lock()
_next_slot = {}


def per_second(channel):
    if channel == MessageChannel.SMS:
        return settings.ENSEMBLE_SMS_RATE_PER_SECOND
    return settings.ENSEMBLE_EMAIL_RATE_PER_SECOND


def reserve(channel, now):
    """The monotonic time at which this send may go, the slot then taken."""
    rate = per_second(channel)
    if not rate or rate <= 0:
        return now
    with _lock:
        at = max(now, _next_slot.get(channel, now))
        _next_slot[channel] = at + 1 / rate
    return at


def wait(channel):
    now = time.monotonic()
    at = reserve(channel, now)
    if at > now:
        time.sleep(at - now)
