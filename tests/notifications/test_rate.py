"""Provider rates (notifications/services/rate.py): one moving window per provider, shared by
the threads of a worker and, through Redis, by every worker process.

Each check is a lower bound on time: the limiter may only make sending slower, so a
loaded machine cannot make these tests fail, and a limiter that let sends through
early would."""

import logging
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.test import override_settings

from notifications import dispatcher
from notifications.services import rate
from rsvp.models import MessageChannel, MessageKind, MessageStatus, OutboxMessage
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on
from tests.outage import dead_redis_url
from tests.processes import redis_or_skip

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("RQ_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def own_window(monkeypatch):
    """A namespace of this test's own, so no other run's sends count."""
    monkeypatch.setattr(rate, "NAMESPACE", f"test-rate-{uuid.uuid4().hex[:12]}")


@pytest.mark.parametrize(
    ("per_second", "amount", "seconds"), [(30, 30, 1), (2.5, 2, 1), (1, 1, 1), (0.5, 1, 2)]
)
def test_a_rate_is_whole_messages_in_whole_seconds(per_second, amount, seconds):
    item = rate.window(per_second)
    assert (item.amount, item.get_expiry()) == (amount, seconds)


@override_settings(ENSEMBLE_SMS_RATE_PER_SECOND=4, ENSEMBLE_EMAIL_RATE_PER_SECOND=0)
def test_the_threads_of_a_worker_share_the_rate(own_window):
    sent = []
    started = time.time()

    def send():
        rate.wait(MessageChannel.SMS)
        sent.append(time.time())

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Four go at once; the next four wait until the first have left the window.
    assert len(sent) == 8
    assert max(sent) - started >= 1.0


@override_settings(ENSEMBLE_SMS_RATE_PER_SECOND=4, ENSEMBLE_EMAIL_RATE_PER_SECOND=0)
def test_a_provider_without_a_limit_is_not_counted(monkeypatch):
    def no_window(storage_url):
        raise AssertionError("e-mail has no limit: no window to wait for")

    monkeypatch.setattr(rate, "limiter", no_window)
    rate.wait(MessageChannel.EMAIL)
    with pytest.raises(AssertionError):
        rate.wait(MessageChannel.SMS)


CHILD = """
import sys, time
import django
django.setup()
from django.test import override_settings
from notifications.services import rate
from tests.processes import redis_or_skip
rate.NAMESPACE = sys.argv[1]
with override_settings(ENSEMBLE_SMS_RATE_PER_SECOND=3):
    print(time.time(), flush=True)
    for _ in range(6):
        rate.wait("sms")
    print(time.time(), flush=True)
"""


@pytest.mark.redis
def test_workers_on_redis_share_one_rate():
    """Two processes, six SMS each, at 3 a second over both: twelve sends need at least
    three seconds. Counting per process, they would take one."""
    import redis

    redis_or_skip(REDIS_URL)
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    namespace = f"test-rate-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "ENSEMBLE_RATE_LIMIT_STORAGE": REDIS_URL,
    }
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, namespace],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    times = []
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        times.append([float(line) for line in out.split()])
    first_start = min(start for start, _end in times)
    last_end = max(end for _start, end in times)
    assert last_end - first_start >= 3.0
    leftover = client.keys(f"*{namespace}*")
    if leftover:
        client.delete(*leftover)


def test_a_storage_outage_counts_each_process_alone(own_window, settings, caplog):
    """Redis down: sends go on, each process keeping the rate on its own, and the
    outage is logged once (not once per message)."""
    settings.ENSEMBLE_SMS_RATE_PER_SECOND = 2
    settings.ENSEMBLE_RATE_LIMIT_STORAGE = dead_redis_url()
    started = time.time()
    with caplog.at_level(logging.INFO, logger="core.outages"):
        for _ in range(4):
            rate.wait(MessageChannel.SMS)
    # Two go at once; the next two wait for them to leave this process's window.
    assert time.time() - started >= 1.0
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 1 and "sending rate storage" in lines[0], lines
    assert "redis://" not in lines[0]


@pytest.mark.django_db
def test_a_message_is_sent_while_the_rate_storage_is_down(site_tree, settings):
    settings.ENSEMBLE_SMS_RATE_PER_SECOND = 1
    settings.ENSEMBLE_EMAIL_RATE_PER_SECOND = 1
    settings.ENSEMBLE_RATE_LIMIT_STORAGE = dead_redis_url()
    rsvp_on(a_date(), phone="+18195550142")
    dispatcher.dispatch(now=past_quiet_hours())
    confirmation = OutboxMessage.objects.get(kind=MessageKind.CONFIRMED)
    assert (confirmation.status, confirmation.last_error) == (MessageStatus.SENT, "")
