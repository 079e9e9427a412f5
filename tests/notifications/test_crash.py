"""A dispatcher process killed with SIGKILL mid-batch, then restarted (PostgreSQL).

The dispatcher runs as a real process (tasks run in-process with the immediate
backend, so it is also the sending worker). Killed while sending, it leaves rows
claimed; after the lease (2 s here) a new process takes them over. Every due message
must be sent, and a message sent twice only if it was the one in flight at the kill
(the documented window).
"""

import collections
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from rsvp.models import MessageStatus, OutboxMessage
from tests.notifications.helpers import a_date, rsvp_on
from tests.processes import postgres_url
from tests.rsvp_helpers import phone

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
import django
django.setup()
from django.conf import settings
settings.SMS_BACKEND = "tests.notifications.slow_sms.SmsBackend"
settings.SMS_FILE_PATH = sys.argv[1]
settings.ENSEMBLE_OUTBOX_LEASE_SECONDS = 2
# One message at a time, so the kill lands mid-batch with one message in flight
# (killing a worker that sends several at once: test_rq_worker.py).
settings.ENSEMBLE_OUTBOX_THREADS = 1
from django.core.management import call_command
call_command("dispatch_outbox", "--loop", "0.2", "--limit", "20")
"""


def start(database_url, path):
    env = dict(os.environ, DATABASE_URL=database_url)
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def lines(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_killed_dispatcher_restarted_sends_everything_once(site_tree, tmp_path):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): a second process shares the database")
    date = a_date(capacity=None)
    for _ in range(40):
        rsvp_on(date, phone=phone())
    OutboxMessage.objects.update(due_at=timezone.now() - dt.timedelta(minutes=1))
    rows = set(OutboxMessage.objects.values_list("pk", flat=True))
    url = postgres_url()
    path = tmp_path / "sms.jsonl"

    first = start(url, path)
    try:
        assert wait_for(lambda: len(lines(path)) >= 15, 60), "the dispatcher never started sending"
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    sent_before = len(lines(path))
    stranded = OutboxMessage.objects.filter(status=MessageStatus.CLAIMED).count()
    assert stranded > 0, "the kill did not land mid-batch"
    assert sent_before < len(rows)

    second = start(url, path)
    try:
        done = wait_for(
            lambda: not OutboxMessage.objects.exclude(status=MessageStatus.SENT).exists(), 90
        )
    finally:
        second.send_signal(signal.SIGKILL)
        second.wait(10)
    assert done, "not every due message was sent after the restart"
    sent = collections.Counter(record["reference"] for record in lines(path))
    assert set(sent) == {f"outbox-{pk}" for pk in rows}
    duplicates = [reference for reference, count in sent.items() if count > 1]
    # Only the message in flight when the process died can go twice.
    assert len(duplicates) <= 1, duplicates
