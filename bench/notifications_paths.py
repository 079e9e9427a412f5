"""The two sending paths the notifications bench compares, side by side.

- old: the database queue as it ran before batches — `db_worker`, one message per
  task, one at a time, no cap on rows in flight.
- new: RQ on Redis (`rqworker`), batches of ENSEMBLE_OUTBOX_BATCH_SIZE rows sent by
  ENSEMBLE_OUTBOX_THREADS threads, at most ENSEMBLE_OUTBOX_MAX_IN_FLIGHT rows claimed
  (the settings' defaults, or the environment's).

For each: the environment of its processes, the worker command, whether tasks are
still open, and what each task did (enqueued, started, finished, its rows, result).
"""

import datetime as dt
import os

OLD, NEW = "old", "new"
PATHS = (OLD, NEW)
TASK_PATHS = ("notifications.tasks.send_outbox_message", "notifications.tasks.send_outbox_batch")
LABELS = {
    OLD: "database queue (db_worker), one message per task",
    NEW: "RQ on Redis (rqworker), batches sent by threads, in-flight cap",
}


def redis_url():
    return os.environ.get("RQ_REDIS_URL", "redis://127.0.0.1:6379/0")


def environment(path, queue):
    if path == OLD:
        return {
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "ENSEMBLE_OUTBOX_QUEUE": "default",
            "ENSEMBLE_OUTBOX_BATCH_SIZE": "1",
            "ENSEMBLE_OUTBOX_THREADS": "1",
            "ENSEMBLE_OUTBOX_MAX_IN_FLIGHT": "0",
        }
    return {
        "TASKS_BACKEND": "django_tasks_rq.RQBackend",
        "RQ_REDIS_URL": redis_url(),
        "ENSEMBLE_OUTBOX_QUEUE": queue,
    }


def worker_command(path, number, queue):
    if path == OLD:
        return ["db_worker", "--worker-id", f"bench-{number}"]
    job_class = ["--job-class", "django_tasks_rq.backend.Job"]
    return ["rqworker", *job_class, "--name", f"{queue}-{number}", queue]


def rq_queue(queue):
    from redis import Redis
    from rq import Queue

    return Queue(queue, connection=Redis.from_url(redis_url()))


def redis_missing():
    """Why the new path cannot run here, or None."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown

    try:
        Redis.from_url(redis_url(), socket_connect_timeout=2).ping()
    except RedisDown:
        return f"Redis not reachable at {redis_url()}: start redis-server (or set RQ_REDIS_URL)"
    return None


def open_tasks(path, queue):
    if path == OLD:
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.filter(
            task_path__in=TASK_PATHS,
            status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING),
        ).exists()
    from rq.registry import StartedJobRegistry

    waiting = rq_queue(queue)
    return bool(waiting.count or StartedJobRegistry(queue=waiting).count)


def rows_of(args):
    """The outbox rows a task's arguments name: (pk, token) or (token, [pks])."""
    return [args[0]] if isinstance(args[0], int) else list(args[1])


def aware(moment):
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def task_records(path, queue):
    """[{rows, enqueued, started, finished, worker, result}] for the run's tasks."""
    if path == OLD:
        from django_tasks_db.models import DBTaskResult

        return [
            {
                "rows": rows_of(task.args_kwargs["args"]),
                "enqueued": task.enqueued_at,
                "started": task.started_at,
                "finished": task.finished_at,
                "worker": task.worker_ids[-1] if task.worker_ids else "?",
                "result": task.return_value,
            }
            for task in DBTaskResult.objects.filter(task_path__in=TASK_PATHS)
        ]
    from rq.job import Job
    from rq.registry import FailedJobRegistry, FinishedJobRegistry

    waiting = rq_queue(queue)
    ids = [
        job_id
        for registry in (FinishedJobRegistry, FailedJobRegistry)
        for job_id in registry(queue=waiting).get_job_ids()
    ]
    jobs = [job for job in Job.fetch_many(ids, connection=waiting.connection) if job]
    return [
        {
            "rows": rows_of(job.args),
            "enqueued": aware(job.enqueued_at),
            "started": aware(job.started_at),
            "finished": aware(job.ended_at),
            "worker": job.worker_name or "?",
            "result": job.return_value(),
        }
        for job in jobs
    ]


def clean_up(path, queue):
    if path == OLD:
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(task_path__in=TASK_PATHS).delete()
        return
    from rq.registry import FailedJobRegistry, FinishedJobRegistry

    waiting = rq_queue(queue)
    redis = waiting.connection
    ids = [
        i for r in (FinishedJobRegistry, FailedJobRegistry) for i in r(queue=waiting).get_job_ids()
    ]
    keys = [key for i in ids for key in (f"rq:job:{i}", f"rq:results:{i}")]
    keys += redis.keys(f"rq:*:{queue}") + redis.keys(f"rq:*:{queue}:*")
    waiting.delete(delete_jobs=True)
    for start in range(0, len(keys), 1000):
        redis.delete(*keys[start : start + 1000])
