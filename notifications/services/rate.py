"""Per-provider sending rates (ENSEMBLE_SMS_RATE_PER_SECOND, ENSEMBLE_EMAIL_RATE_PER_SECOND),
one limit shared by every sending thread of every worker (docs/notifications.md, "Rate
limits").

The `limits` library keeps a moving window of sends per provider in
ENSEMBLE_RATE_LIMIT_STORAGE: Redis in production, so workers on several machines
together stay under a Twilio number's limit, and "memory://" without Redis, which
counts per process. A send that finds the window full waits until its oldest send
leaves it. 0 means no limit.
"""

import random
import threading
import time

from django.conf import settings
from limits import RateLimitItemPerSecond
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from rsvp.models import MessageChannel

NAMESPACE = "ensemble-outbox"
# Waiters woken together spread out a little instead of all retrying at once.
JITTER_SECONDS = 0.01


def per_second(channel):
    if channel in (MessageChannel.SMS, MessageChannel.WHATSAPP):
        return settings.ENSEMBLE_SMS_RATE_PER_SECOND
    return settings.ENSEMBLE_EMAIL_RATE_PER_SECOND


def window(rate):
    """`rate` messages a second as whole messages in a window of whole seconds: at or
    above 1, the whole messages a second (2.5 gives 2, never more than asked); below,
    one message every 1/rate seconds."""
    if rate >= 1:
        return RateLimitItemPerSecond(int(rate), 1)
    return RateLimitItemPerSecond(1, max(1, round(1 / rate)))


_limiters = {}
_limiters_lock = threading.Lock()


def limiter(storage_url):
    """One limiter per storage and process: with "memory://", threads that each made
    their own would each count alone."""
    with _limiters_lock:
        if storage_url not in _limiters:
            _limiters[storage_url] = MovingWindowRateLimiter(storage_from_string(storage_url))
        return _limiters[storage_url]


def wait(channel):
    """Wait for room in the provider's window, then take it."""
    rate = per_second(channel)
    if not rate or rate <= 0:
        return
    item = window(rate)
    shared = limiter(settings.ENSEMBLE_RATE_LIMIT_STORAGE)
    while not shared.hit(item, NAMESPACE, str(channel)):
        reset_at = shared.get_window_stats(item, NAMESPACE, str(channel)).reset_time
        time.sleep(max(0.001, reset_at - time.time()) + random.uniform(0, JITTER_SECONDS))
