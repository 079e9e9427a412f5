"""The cache of deployments (REDIS_URL): django-redis that answers like an empty cache
while Redis is unreachable, instead of raising into every page (docs/deploy.md,
"Cache outage").

While Redis is down, reads miss, writes are dropped, `add` and `incr` give None, and
the outage is logged once per process (core/outages.py). Callers for whom a missing
cache changes the meaning of an answer ask: the feed's build lock (`outage()`), the
rate limits (`failures()`, core/ratelimits.py) and /healthz (`reachable()`). Purges
(`delete`, `delete_many`) that could not reach Redis are made again once it answers,
so a page published during the outage does not show its old navigation afterwards.
"""

import functools
import threading

from django.core.cache import caches
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from core.outages import Outage, where

# Seconds between tries while Redis is down (OPTIONS["RETRY_SECONDS"] overrides).
RETRY_SECONDS = 5
# Purges remembered during an outage, at most; beyond, entries live out their timeout.
MAX_PENDING_PURGES = 1000
# What goes through to Redis (or is refused at once during an outage).
NETWORK_CALLS = frozenset(
    {
        "get",
        "set",
        "add",
        "delete",
        "delete_many",
        "get_many",
        "set_many",
        "incr",
        "decr",
        "has_key",
        "touch",
        "clear",
        "incr_version",
        "ttl",
        "expire",
        "persist",
        "keys",
        "delete_pattern",
    }
)
MEANWHILE = (
    ": answering as an empty cache — pages are built from the database, feeds unshared, "
    "rate limits not counted (docs/deploy.md#cache-outage)"
)

_states = {}
_states_lock = threading.Lock()
_thread = threading.local()


class _State:
    """One Redis (and key prefix) as this process sees it, shared by its threads."""

    def __init__(self, server, retry_seconds):
        self.outage = Outage(f"cache (Redis at {where(server)})", retry_seconds, MEANWHILE)
        self.purges = set()  # (key, version) whose delete did not reach Redis
        self.lock = threading.Lock()

    def missed(self, name, args, kwargs):
        if name not in ("delete", "delete_many") or not args:
            return
        keys = [args[0]] if name == "delete" else list(args[0])
        version = kwargs.get("version")
        with self.lock:
            room = MAX_PENDING_PURGES - len(self.purges)
            self.purges.update((key, version) for key in keys[: max(0, room)])

    def take_purges(self):
        with self.lock:
            purges, self.purges = self.purges, set()
        return purges

    def give_back(self, purges):
        with self.lock:
            self.purges.update(purges)


def _state(server, options):
    key = (server, options.get("KEY_PREFIX", ""))
    with _states_lock:
        if key not in _states:
            retry = options.get("RETRY_SECONDS", RETRY_SECONDS)
            _states[key] = _State(server, retry)
        return _states[key]


def _count_failure():
    _thread.failures = getattr(_thread, "failures", 0) + 1


def failures():
    """Cache calls of this thread that failed or were refused, so far: a caller compares
    it before and after to learn whether what it asked of the cache was done."""
    return getattr(_thread, "failures", 0)


class _GuardedClient:
    """django-redis's client, behind the outage: refused at once while Redis is down
    (between tries), and every failure and recovery reported to it."""

    def __init__(self, client, state):
        self._client = client
        self._state = state

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name not in NETWORK_CALLS:
            return attribute
        return functools.partial(self._call, name, attribute)

    def _call(self, name, method, *args, **kwargs):
        state = self._state
        if not state.outage.allows_call():
            self._missed(name, args, kwargs)
            raise ConnectionInterrupted(connection=None)
        try:
            if state.outage.down:
                # A try after an outage: purges first, so that nothing stale is read.
                self.make_up_purges()
            result = method(*args, **kwargs)
        except ConnectionInterrupted as error:
            state.outage.failed(error.__cause__ or error)
            self._missed(name, args, kwargs)
            raise
        state.outage.succeeded()
        return result

    def _missed(self, name, args, kwargs):
        _count_failure()
        self._state.missed(name, args, kwargs)

    def make_up_purges(self):
        """Delete what was purged while Redis was down (raises if it still is)."""
        purges = self._state.take_purges()
        by_version = {}
        for key, version in purges:
            by_version.setdefault(version, []).append(key)
        try:
            for version, keys in by_version.items():
                self._client.delete_many(keys, version=version)
        except ConnectionInterrupted:
            self._state.give_back(purges)
            raise


class ResilientRedisCache(RedisCache):
    """django-redis with IGNORE_EXCEPTIONS, short timeouts (set in OPTIONS by
    config/settings/base.py), one log line per outage and purges made up afterwards."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # Ignored here, logged by the outage: django-redis would log every failed call.
        self._ignore_exceptions = True
        self._log_ignored_exceptions = False
        options = {**params.get("OPTIONS", {}), "KEY_PREFIX": params.get("KEY_PREFIX", "")}
        self._state = _state(server, options)
        self._guarded = None

    @property
    def client(self):
        if self._guarded is None:
            self._guarded = _GuardedClient(RedisCache.client.fget(self), self._state)
        return self._guarded

    @property
    def outage(self):
        return self._state.outage

    def ping(self):
        """One round trip to Redis, even during an outage (it is how /healthz sees
        whether Redis is back): True if it answered."""
        client = self.client
        try:
            client._client.get_client(write=False).ping()
            if self.outage.down:
                client.make_up_purges()
        except (ConnectionInterrupted, RedisError, OSError) as error:
            _count_failure()
            self.outage.failed(getattr(error, "__cause__", None) or error)
            return False
        self.outage.succeeded()
        return True


def outage(alias="default"):
    """Whether this process currently sees the cache `alias` as unreachable."""
    state = getattr(caches[alias], "outage", None)
    return bool(state and state.down)


def reachable(alias="default"):
    """Whether the cache `alias` answers now (one round trip for Redis)."""
    backend = caches[alias]
    ping = getattr(backend, "ping", None)
    if ping is not None:
        return ping()
    backend.get("healthz")
    return True
