"""Sending a batch of claimed outbox rows, several at once (docs/notifications.md).

A provider call takes 100–500 ms, most of it waiting: a worker that sent one message
at a time would send a few a second. Here up to ENSEMBLE_OUTBOX_THREADS threads of
one task each take rows from the batch and send them with `dispatch.send_one`, which
renews each row's lease before sending and marks it sent only if it is still claimed
by the batch's claim — the outbox guarantee does not depend on the threads.
"""

import logging
import queue
import threading

from django.conf import settings
from django.db import connection

from events.notifications.render import pages_shared
from events.services import dispatch

log = logging.getLogger(__name__)


def send_batch(token, ids):
    """Send the batch's rows; returns {status: count}."""
    ids = list(ids)
    pages = {}
    threads = max(1, min(settings.ENSEMBLE_OUTBOX_THREADS, len(ids)))
    if threads == 1 or connection.in_atomic_block:
        # Other connections would not see rows this transaction has not committed.
        with pages_shared(pages):
            return tally([dispatch.send_one(pk, token) for pk in ids])
    todo = queue.SimpleQueue()
    for pk in ids:
        todo.put(pk)
    results = []
    workers = [
        threading.Thread(target=send_from, args=(todo, token, results, pages), daemon=True)
        for _ in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return tally(results)


def send_from(todo, token, results, pages):
    """One thread: send rows until the batch is empty, on its own connection."""
    try:
        with pages_shared(pages):
            while True:
                try:
                    pk = todo.get_nowait()
                except queue.Empty:
                    return
                # list.append is atomic: the threads share the list without a lock.
                results.append(send_or_log(pk, token))
    finally:
        connection.close()


def send_or_log(pk, token):
    try:
        return dispatch.send_one(pk, token)
    except Exception:  # noqa: BLE001 — the batch's other rows still go
        # The row stays claimed; it is claimed again when its lease runs out.
        log.exception("outbox message %s: not sent", pk)
        return "error"


def tally(results):
    counts = {}
    for result in results:
        counts[str(result)] = counts.get(str(result), 0) + 1
    return counts
