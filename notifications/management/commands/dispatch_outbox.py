"""Claim due outbox messages and hand them to the task queue (docs/notifications.md).

Run every minute from cron or a systemd timer, or with --loop SECONDS beside the
task worker (`make run` does). Each round also queues the week's digest once its
time has come (docs/digest.md) and forgets stale digest subscriptions, so neither
needs a cron line of its own. With --loop, it also prunes the database queue's
finished task results once an hour (`prune_db_task_results`).
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

from core import task_queue
from digest.services import digest, subscriptions
from notifications import dispatcher
from notifications.services import dispatch

log = logging.getLogger(__name__)
PRUNE_EVERY_SECONDS = 3600
# Under a backlog (the in-flight cap reached), rows are claimed again this soon after
# the workers free room, not a whole --loop later.
BACKLOG_PAUSE_SECONDS = 1.0


def prune_task_results():
    if isinstance(task_backends["default"], DatabaseBackend):
        days = settings.ENSEMBLE_TASK_RESULTS_KEEP_DAYS
        call_command("prune_db_task_results", "--queue-name", "*", "--min-age-days", str(days))


class Command(BaseCommand):
    help = "Send due reminders and notices from the outbox."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=float, default=0, help="Run again every SECONDS.")
        parser.add_argument("--limit", type=int, default=100, help="Rows claimed per round.")

    def handle(self, *args, loop, limit, **options):
        pruned_at = None
        while True:
            backlog = False
            try:
                if loop and (
                    pruned_at is None or time.monotonic() - pruned_at > PRUNE_EVERY_SECONDS
                ):
                    pruned_at = time.monotonic()
                    prune_task_results()
                backlog = self.round(limit, bool(loop))
            except DatabaseError:
                # The database went away for a moment: try again next round.
                log.exception("dispatch_outbox round failed")
                if not loop:
                    raise
            if not loop:
                return
            close_old_connections()
            time.sleep(min(loop, BACKLOG_PAUSE_SECONDS) if backlog else loop)

    def round(self, limit, looping):
        """One round; returns whether due rows were left for want of room."""
        total = 0
        digest.queue_week()
        subscriptions.forget_stale()
        while True:
            count = dispatcher.dispatch(limit=limit)
            total += count
            if count < limit:
                break
        if total or not looping:
            self.stdout.write(f"dispatched {total}")
        if task_queue.outage(settings.ENSEMBLE_OUTBOX_QUEUE):
            # Rows given back for want of a queue: no sooner than the next round.
            return False
        return dispatch.due(timezone.now()).exists()
