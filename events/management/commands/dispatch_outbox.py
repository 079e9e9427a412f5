"""Claim due outbox messages and hand them to django-tasks (docs/notifications.md).

Run every minute from cron or a systemd timer, or with --loop SECONDS beside the
task worker (`make run` does). Each round also queues the week's digest once its
time has come (docs/digest.md) and forgets stale digest subscriptions, so neither
needs a cron line of its own.
"""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from events.services import digest, dispatch, subscriptions

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send due reminders and notices from the outbox."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=float, default=0, help="Run again every SECONDS.")
        parser.add_argument("--limit", type=int, default=100, help="Rows claimed per round.")

    def handle(self, *args, loop, limit, **options):
        while True:
            try:
                total = 0
                digest.queue_week()
                subscriptions.forget_stale()
                while True:
                    count = dispatch.dispatch(limit=limit)
                    total += count
                    if count < limit:
                        break
                if total or not loop:
                    self.stdout.write(f"dispatched {total}")
            except DatabaseError:
                # The database went away for a moment: try again next round.
                log.exception("dispatch_outbox round failed")
                if not loop:
                    raise
            if not loop:
                return
            close_old_connections()
            time.sleep(loop)
