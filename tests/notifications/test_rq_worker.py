"""The outbox on RQ (TASKS_BACKEND=django_tasks_rq.RQBackend): real `dispatch_outbox`
and `rqworker` processes against the machine's Redis and the test database
(PostgreSQL: the processes share it). Each row is sent once by racing workers; a
worker killed mid-batch loses nothing, and only the messages in flight at the kill
(at most one per sending thread) can go twice.
"""

import collections
import datetime as dt
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from rsvp.models import MessageStatus, OutboxMessage
from tests.notifications.helpers import a_date, rsvp_on
from tests.notifications.test_crash import lines, wait_for
from tests.processes import postgres_url, redis_or_skip
from tests.rsvp_helpers import phone

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("RQ_REDIS_URL", "redis://127.0.0.1:6379/0")
THREADS = 4
LEASE = 8

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rq_queue():
    """A queue of this test's own on the machine's Redis, deleted afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): worker processes share the database")
    import redis
    from rq import Queue

    redis_or_skip(REDIS_URL)
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    name = f"test-outbox-{uuid.uuid4().hex[:12]}"
    yield name
    queue = Queue(name, connection=client)
    registries = (queue.finished_job_registry, queue.failed_job_registry)
    jobs = [job_id for registry in registries for job_id in registry.get_job_ids()]
    keys = [key for job_id in jobs for key in (f"rq:job:{job_id}", f"rq:results:{job_id}")]
    queue.delete(delete_jobs=True)
    client.delete(*keys, *client.keys(f"rq:*:{name}*"))


class Processes:
    def __init__(self, queue, sms_path, log_dir, **env):
        url = postgres_url()
        self.queue = queue
        self.logs = log_dir
        self.env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="tests.notifications.rq_settings",
            DATABASE_URL=url,
            RQ_REDIS_URL=REDIS_URL,
            ENSEMBLE_OUTBOX_QUEUE=queue,
            ENSEMBLE_OUTBOX_THREADS=str(THREADS),
            ENSEMBLE_OUTBOX_BATCH_SIZE="10",
            SMS_FILE_PATH=str(sms_path),
            **env,
        )

    def start(self, *args):
        log = self.logs / f"{args[0]}-{uuid.uuid4().hex[:6]}.log"
        with log.open("w") as output:
            process = subprocess.Popen(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                # The worker and the process it forks for each task are killed together.
                start_new_session=True,
            )
        process.log = log
        return process

    def finish(self, process):
        process.wait(180)
        assert process.returncode == 0, process.log.read_text()[-3000:]

    def run(self, *args):
        self.finish(self.start(*args))

    def dispatch(self):
        self.run("dispatch_outbox", "--limit", "1000")

    def worker(self, *options):
        job_class = ("--job-class", "django_tasks_rq.backend.Job")
        return self.start("rqworker", *job_class, *options, self.queue)


def queue_due(count):
    date = a_date(capacity=None)
    for _ in range(count):
        rsvp_on(date, phone=phone())
    OutboxMessage.objects.update(due_at=timezone.now() - dt.timedelta(minutes=1))
    return {f"outbox-{pk}" for pk in OutboxMessage.objects.values_list("pk", flat=True)}


def sent(path):
    return collections.Counter(record["reference"] for record in lines(path))


def test_two_rq_workers_send_each_row_once(site_tree, rq_queue, tmp_path):  # noqa: F811
    references = queue_due(15)
    path = tmp_path / "sms.jsonl"
    processes = Processes(rq_queue, path, tmp_path)
    processes.dispatch()
    assert not OutboxMessage.objects.filter(status=MessageStatus.PENDING).exists()
    workers = [processes.worker("--burst") for _ in range(2)]
    for worker in workers:
        processes.finish(worker)
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {MessageStatus.SENT}
    counts = sent(path)
    assert set(counts) == references
    assert max(counts.values()) == 1


def test_killed_rq_worker_loses_nothing(site_tree, rq_queue, tmp_path):  # noqa: F811
    references = queue_due(40)
    path = tmp_path / "sms.jsonl"
    processes = Processes(rq_queue, path, tmp_path, ENSEMBLE_OUTBOX_LEASE_SECONDS=str(LEASE))
    # Started first, so that it takes the batches well within their leases.
    worker = processes.worker()
    try:
        processes.dispatch()
        assert wait_for(lambda: len(lines(path)) >= 15, 90), "the worker never started sending"
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
    assert OutboxMessage.objects.filter(status=MessageStatus.CLAIMED).exists(), (
        "the kill did not land mid-batch"
    )
    assert len(sent(path)) < len(references)
    # The claims of the dead worker's rows (and of the batches still queued) run out.
    assert wait_for(
        lambda: (
            not OutboxMessage.objects.filter(
                status=MessageStatus.CLAIMED, lease_until__gt=timezone.now()
            ).exists()
        ),
        LEASE + 30,
    )
    second = processes.worker()
    try:
        processes.dispatch()
        done = wait_for(
            lambda: not OutboxMessage.objects.exclude(status=MessageStatus.SENT).exists(), 120
        )
    finally:
        os.killpg(second.pid, signal.SIGKILL)
        second.wait(10)
    assert done, "not every due message was sent after the restart"
    counts = sent(path)
    assert set(counts) == references
    twice = [reference for reference, count in counts.items() if count > 1]
    assert len(twice) <= THREADS, twice
