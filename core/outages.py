"""An outside service's outage as one process sees it (docs/deploy.md#cache-outage).

While a service is down, calls to it are refused here at once and one call every
`retry_seconds` goes through to see whether it is back: a dead Redis then costs one
timeout every few seconds per process instead of one per call. The outage is logged
once when it starts and once when it ends, with the service's host and port only
(never its URL, which may hold a password).
"""

import logging
import threading
import time
from urllib.parse import urlsplit

log = logging.getLogger(__name__)


def where(url):
    """host:port of each address in `url` (comma-separated), without credentials."""
    places = []
    for part in url.split(","):
        parts = urlsplit(part.strip())
        if parts.hostname:
            places.append(f"{parts.hostname}:{parts.port or 6379}")
        else:
            places.append(parts.path or parts.scheme)
    return ", ".join(places)


class Outage:
    def __init__(self, name, retry_seconds, meanwhile=""):
        self.name = name
        self.retry_seconds = retry_seconds
        self.meanwhile = meanwhile
        self.since = None  # time.monotonic() when it began; None while the service answers
        self._retry_at = 0.0
        self._lock = threading.Lock()

    @property
    def down(self):
        return self.since is not None

    def allows_call(self):
        """Whether to call the service now: always while it answers; while it is down,
        one caller every `retry_seconds` (the others are refused at once)."""
        if self.since is None:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            self._retry_at = now + self.retry_seconds
            return True

    def failed(self, error):
        """A call failed. True when this starts the outage (and logged it)."""
        with self._lock:
            self._retry_at = time.monotonic() + self.retry_seconds
            if self.since is not None:
                return False
            self.since = time.monotonic()
        # The class only: a driver's message can repeat what it was sent.
        log.warning("%s unreachable (%s)%s", self.name, type(error).__name__, self.meanwhile)
        return True

    def succeeded(self):
        """A call went through. True when this ends the outage (and logged it)."""
        if self.since is None:
            return False
        with self._lock:
            if self.since is None:
                return False
            seconds = time.monotonic() - self.since
            self.since = None
        log.warning("%s reachable again after %.0f s", self.name, seconds)
        return True
