"""The dispatcher's step: claim due outbox rows and enqueue them as batch tasks.

It sits beside the tasks it enqueues, above the services those tasks run
(docs/notifications.md, "Batches").
"""

from django.conf import settings
from django.utils import timezone

from core.task_queue import QueueUnavailable
from notifications import tasks
from notifications.services import dispatch as claims


def batches(ids, size):
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def dispatch(*, limit=100, worker=None, now=None):
    """Claim due rows (no more than `room()`) and enqueue them in batches, one task per
    batch (ENSEMBLE_OUTBOX_BATCH_SIZE). Returns how many went to the task queue. Any
    other failure to enqueue raises, and leaves its rows to the claim after their
    leases."""
    now = now or timezone.now()
    allowed = claims.room(limit, now)
    if not allowed:
        return 0
    token, ids = claims.claim(limit=allowed, worker=worker, now=now)
    task = tasks.send_outbox_batch.using(queue_name=settings.ENSEMBLE_OUTBOX_QUEUE)
    queued = 0
    for batch in batches(ids, settings.ENSEMBLE_OUTBOX_BATCH_SIZE):
        try:
            task.enqueue(token, batch)
        except QueueUnavailable:
            # Its Redis is down: this batch and the next go back to the next claim,
            # not sent from here (docs/notifications.md, "Task queue outage").
            claims.give_back(token, ids[queued:], now)
            break
        queued += len(batch)
    return queued
