"""Per-provider sending rates (ENSEMBLE_SMS_RATE_PER_SECOND, ENSEMBLE_EMAIL_RATE_PER_SECOND),
one limit shared by every sending thread of every worker (docs/notifications.md, "Rate
limits").

The `limits` library keeps a moving window of sends per provider in
ENSEMBLE_RATE_LIMIT_STORAGE: Redis in production, so workers on several machines
together stay under a Twilio number's limit, and "memory://" without Redis, which
counts per process. A send that finds the window full waits until its oldest send
leaves it. 0 means no limit.

While the shared storage is unreachable, each process counts its own sends in memory
(logged once when it starts and once when it ends; Redis is tried again every few
seconds): messages keep going, each worker at the rate, all of them together faster
for that time (docs/notifications.md, "Rate limits").
"""

import random
import threading
import time

from django.conf import settings
from limits import RateLimitItemPerSecond
from limits.errors import StorageError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.outages import Outage, where
from rsvp.models import MessageChannel

NAMESPACE = "ensemble-outbox"
# Waiters woken together spread out a little instead of all retrying at once.
JITTER_SECONDS = 0.01
# Counted here while the shared storage is down.
LOCAL = "memory://"
RETRY_SECONDS = 5
MEANWHILE = (
    ": each worker process counts its own sends until it answers, so together they may "
    "send faster than the provider's rate (docs/notifications.md#rate-limits)"
)


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
_outages = {}
_limiters_lock = threading.Lock()


def storage(storage_url):
    options = {"wrap_exceptions": True}
    if storage_url.startswith(("redis", "valkey")):
        timeout = settings.REDIS_TIMEOUT_SECONDS
        options.update(socket_timeout=timeout, socket_connect_timeout=timeout)
    return storage_from_string(storage_url, **options)


def limiter(storage_url):
    """One limiter per storage and process: with "memory://", threads that each made
    their own would each count alone."""
    with _limiters_lock:
        if storage_url not in _limiters:
            _limiters[storage_url] = MovingWindowRateLimiter(storage(storage_url))
        return _limiters[storage_url]


def counting(storage_url):
    """The limiter to count in now, and the outage of its storage (None for memory):
    the shared one, or this process's own while the shared one is down."""
    if storage_url == LOCAL:
        return limiter(LOCAL), None
    with _limiters_lock:
        if storage_url not in _outages:
            name = f"sending rate storage (at {where(storage_url)})"
            _outages[storage_url] = Outage(name, RETRY_SECONDS, MEANWHILE)
        outage = _outages[storage_url]
    if outage.allows_call():
        return limiter(storage_url), outage
    return limiter(LOCAL), None


def wait(channel):
    """Wait for room in the provider's window, then take it."""
    rate = per_second(channel)
    if not rate or rate <= 0:
        return
    item = window(rate)
    while True:
        counter, outage = counting(settings.ENSEMBLE_RATE_LIMIT_STORAGE)
        try:
            if counter.hit(item, NAMESPACE, str(channel)):
                reset_at = None
            else:
                reset_at = counter.get_window_stats(item, NAMESPACE, str(channel)).reset_time
        except StorageError as error:
            if outage is None:
                raise
            outage.failed(error.storage_error)
            continue
        if outage is not None:
            outage.succeeded()
        if reset_at is None:
            return
        time.sleep(max(0.001, reset_at - time.time()) + random.uniform(0, JITTER_SECONDS))
