"""The task queue of deployments on RQ (TASKS_BACKEND=django_tasks_rq.RQBackend):
django-tasks-rq's backend, which while its Redis (RQ_REDIS_URL) is unreachable does for
each task what was decided for it instead of raising into the request
(docs/deploy.md, "Cache outage"):

- Wagtail's own tasks (search index, reference index, a deleted file's removal) run
  here and now, as the immediate backend runs them: they are idempotent and take
  milliseconds, so a publish goes through and the indexes stay right.
- Every other task is refused with QueueUnavailable, and its caller decides: the outbox
  dispatcher gives its rows back to the next claim, "Import now" asks staff to try
  again.

The outage is logged once when it starts and once when it ends (core/outages.py), with
Redis's host and port only. While it lasts, one enqueue every RETRY_SECONDS tries
Redis; the others are answered at once, without waiting for it. That try waits at
most REDIS_TIMEOUT_SECONDS (the queues' class, BoundedQueue), also for a Redis that
does not answer at all (a frozen machine, a dropped route).
"""

import threading

from django.conf import settings
from django.db import DatabaseError, transaction
from django_rq import settings as rq_settings
from django_rq.queues import DjangoRQ
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_rq import RQBackend
from redis.exceptions import RedisError

from core.outages import Outage, where

# Seconds between tries while the queue's Redis is down (OPTIONS["RETRY_SECONDS"]).
RETRY_SECONDS = 5
# Tasks whose module starts so run in the request during an outage: Wagtail's (and
# its search library's) index upkeep, enqueued from the save of every page and image.
RUN_HERE = ("wagtail.", "modelsearch.")
MEANWHILE = (
    ": Wagtail's index tasks run in the request, other tasks are refused "
    "(docs/deploy.md#cache-outage)"
)

_outages = {}
_outages_lock = threading.Lock()


class QueueUnavailable(Exception):
    """The task could not be queued: the queue's Redis is unreachable."""


class BoundedQueue(DjangoRQ):
    """django-rq's queue, whose Redis calls give up after REDIS_TIMEOUT_SECONDS instead
    of waiting for ever (redis-py's default). An RQ worker raises the read timeout of
    its connection to what its blocking reads need (rq's Worker._set_connection)."""

    def __init__(self, *args, connection=None, **kwargs):
        if connection is not None:
            options = connection.connection_pool.connection_kwargs
            for name in ("socket_connect_timeout", "socket_timeout"):
                if options.get(name) is None:
                    options[name] = settings.REDIS_TIMEOUT_SECONDS
        super().__init__(*args, connection=connection, **kwargs)


def _outage(queue_name, retry_seconds=RETRY_SECONDS):
    """The outage of the queue's Redis, shared by the threads of this process."""
    config = rq_settings.QUEUES.get(queue_name, {})
    address = config.get("URL") or f"redis://{config.get('HOST')}:{config.get('PORT', 6379)}"
    with _outages_lock:
        if address not in _outages:
            name = f"task queue (Redis at {where(address)})"
            _outages[address] = Outage(name, retry_seconds, MEANWHILE)
        return _outages[address]


def runs_here(task):
    """Whether `task` runs in the caller's process while the queue is unreachable."""
    return task.run_after is None and task.module_path.startswith(RUN_HERE)


class ResilientRQBackend(RQBackend):
    """RQBackend whose enqueue survives an unreachable Redis (see the module's text)."""

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self._here = ImmediateBackend(alias, params)

    def enqueue(self, task, args, kwargs):
        state = _outage(task.queue_name, self.options.get("RETRY_SECONDS", RETRY_SECONDS))
        if state.allows_call():
            try:
                result = super().enqueue(task, args, kwargs)
            except (RedisError, OSError) as error:
                state.failed(error)
            else:
                state.succeeded()
                return result
        if not runs_here(task):
            raise QueueUnavailable(task.module_path)
        return self._run_here(task, args, kwargs)

    def _run_here(self, task, args, kwargs):
        # In a savepoint: a task that fails (django-tasks logs it) leaves the caller's
        # transaction, the publish, usable, as a failure in a worker would.
        result = None
        try:
            with transaction.atomic():
                result = self._here.enqueue(task, args, kwargs)
        except DatabaseError:
            if result is None:
                raise
        return result


def outage(queue_name="default"):
    """Whether this process currently sees the task queue `queue_name` as unreachable."""
    return _outage(queue_name).down
