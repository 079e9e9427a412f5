"""Sending a batch of claimed outbox rows (docs/notifications.md, "Batches").

A provider call takes 100–500 ms, most of it waiting. The task's own thread does all
the database work: it renews the batch's leases in one UPDATE and reads its rows in
one query (`dispatch.claimed_rows`), then renders each row (`dispatch.prepare`, which
renews that row's lease again only once the batch has run for half a lease) and hands
it to a pool of ENSEMBLE_OUTBOX_THREADS threads that only call the provider
(`dispatch.call`). As each call returns, the task's thread records it
(`dispatch.record`: sent, retry or failed), one statement or short transaction per
row, so a row is marked sent as soon as the provider took it. Rendering the next rows
overlaps the calls in flight, a task holds one database connection whatever its
number of threads, and the outbox guarantee does not depend on the threads: a row
goes only while its lease, renewed for this claim, runs.
"""

import collections
from concurrent import futures

from django.conf import settings
from django.utils import timezone

from notifications.services import dispatch
from notifications.services.recipients import recipient_of
from notifications.services.render import pages_of, pages_shared
from rsvp.services import outbox

# Rendered rows waiting for a thread, per thread: enough to keep every thread busy,
# few enough that a message goes within moments of the checks made when rendering it.
AHEAD_PER_THREAD = 2


def send_batch(token, ids):
    """Send the batch's rows; returns {status: count}."""
    ids = list(ids)
    renewed_at = timezone.now()
    rows = dispatch.claimed_rows(ids, token, renewed_at)
    counts = collections.Counter({"not-claimed": len(ids) - len(rows)})
    threads = max(1, min(settings.ENSEMBLE_OUTBOX_THREADS, len(rows)))
    phones = [recipient_of(row).phone for row in rows]
    with pages_shared(pages_of(rows)), outbox.stops_read_once(phones):
        if threads == 1:
            for row in rows:
                counts[str(dispatch.send_row(row, token, renewed_at=renewed_at))] += 1
        else:
            counts.update(send_in_pool(rows, token, threads, renewed_at))
    return {status: count for status, count in counts.items() if count}


def send_in_pool(rows, token, threads, renewed_at):
    counts = collections.Counter()
    calls = {}

    def record_done(wait):
        done, _ = futures.wait(calls, timeout=None if wait else 0, return_when="FIRST_COMPLETED")
        for call in done:
            counts[str(dispatch.record(calls.pop(call), token, call.result()))] += 1

    with futures.ThreadPoolExecutor(threads, thread_name_prefix="outbox") as pool:
        for row in rows:
            outgoing = dispatch.prepare(row, token, renewed_at=renewed_at)
            if not isinstance(outgoing, dispatch.Outgoing):
                counts[str(outgoing)] += 1
                continue
            calls[pool.submit(dispatch.call, outgoing)] = outgoing
            record_done(wait=len(calls) >= threads * AHEAD_PER_THREAD)
        while calls:
            record_done(wait=True)
    return counts
