"""core/task_queue.py, the deployment's task queue on RQ: an enqueue that cannot reach
Redis (dead, or frozen) runs Wagtail's tasks here and refuses the others, tries Redis
again every few seconds instead of on every enqueue, and logs the outage once when it
starts and once when it ends."""

import logging

import pytest
from django.db import connection, transaction
from django_rq import get_queue
from django_tasks import TaskResultStatus
from django_tasks_rq import RQBackend
from modelsearch.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task

from core.task_queue import QueueUnavailable
from events.models import EventPage
from notifications import tasks
from tests.factories import EventFactory
from tests.outage import RedisServer, dead_redis_url, deployment_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    yield server
    server.stop()


def on_rq(settings, url, retry_seconds):
    settings.TASKS, settings.RQ_QUEUES = deployment_queue(url)
    settings.TASKS["default"]["OPTIONS"] = {"RETRY_SECONDS": retry_seconds}


@pytest.fixture
def live_queue(redis_server, settings):
    """The deployment's queue on a Redis of this test's own; every enqueue tries Redis
    (no pause between tries), so the test need not wait."""
    on_rq(settings, redis_server.url, retry_seconds=0)
    return redis_server


def model_and_pk(instance):
    """The arguments of Wagtail's index tasks, as its signal handlers give them."""
    return instance._meta.app_label, instance._meta.model_name, str(instance.pk)


def send_batch():
    return tasks.send_outbox_batch.enqueue("a-claim", [1])


def test_a_frozen_redis_is_one_outage_logged_once_each_way(live_queue, site_tree, caplog):
    page = EventFactory()
    assert send_batch().status == TaskResultStatus.READY
    with caplog.at_level(logging.INFO, logger="core.outages"):
        live_queue.freeze()
        for _ in range(3):
            with pytest.raises(QueueUnavailable):
                send_batch()
        indexed = update_reference_index_task.enqueue(*model_and_pk(page))
        assert indexed.status == TaskResultStatus.SUCCESSFUL, "run here, now"
        live_queue.thaw()
        for _ in range(2):
            assert send_batch().status == TaskResultStatus.READY
    queued = [job.func_name for job in get_queue("default").get_jobs()]
    assert queued.count("notifications.tasks.send_outbox_batch") == 3, "before and after"
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2, lines
    assert f"127.0.0.1:{live_queue.port}) unreachable (TimeoutError)" in lines[0]
    assert "reachable again" in lines[1]
    assert "redis://" not in " ".join(lines)


def test_between_tries_enqueues_do_not_reach_redis(settings, monkeypatch):
    on_rq(settings, dead_redis_url(), retry_seconds=3600)
    tried = []
    real_enqueue = RQBackend.enqueue

    def counted(self, task, args, kwargs):
        tried.append(task.module_path)
        return real_enqueue(self, task, args, kwargs)

    monkeypatch.setattr(RQBackend, "enqueue", counted)
    for _ in range(5):
        with pytest.raises(QueueUnavailable):
            send_batch()
    assert tried == ["notifications.tasks.send_outbox_batch"], "only the first try"


def test_a_task_failing_here_leaves_the_callers_transaction_usable(
    site_tree, monkeypatch, queue_down
):
    """A database error in a task run here (a worker would have had its own
    transaction) does not undo, nor break, the publish around it."""
    page = EventFactory()

    def broken_index(instance):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr("modelsearch.index.insert_or_update_object", broken_index)
    with transaction.atomic():
        EventPage.objects.filter(pk=page.pk).update(title="Cabane à sucre")
        result = insert_or_update_object_task.enqueue(*model_and_pk(page))
        assert result.status == TaskResultStatus.FAILED
        assert EventPage.objects.get(pk=page.pk).title == "Cabane à sucre"
    assert EventPage.objects.get(pk=page.pk).title == "Cabane à sucre"


def test_an_enqueue_waits_for_redis_no_longer_than_the_cache_does(settings):
    """Bounded by REDIS_TIMEOUT_SECONDS: redis-py's own default is 5 s, and a publish
    enqueues on every save."""
    on_rq(settings, dead_redis_url(), retry_seconds=5)
    options = get_queue("default").connection.connection_pool.connection_kwargs
    assert options["socket_connect_timeout"] == settings.REDIS_TIMEOUT_SECONDS
    assert options["socket_timeout"] == settings.REDIS_TIMEOUT_SECONDS


def test_a_worker_keeps_the_read_timeout_its_blocking_reads_need(live_queue, settings):
    from rq import Worker

    queue = get_queue("default")
    worker = Worker([queue], connection=queue.connection)
    timeout = queue.connection.connection_pool.connection_kwargs["socket_timeout"]
    assert timeout == worker.connection_timeout > settings.REDIS_TIMEOUT_SECONDS
