"""The worker processes of the notifications bench (`python -m bench notifications`).

The bench database, the real django-tasks database queue, and in-memory SMS and
e-mail backends that also note each message's outbox reference in a file of the
run (`BENCH_RECORD_DIR`), so duplicates can be counted across processes.
"""

from .bench import *  # noqa: F403
from .env import env_int, env_str

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
SMS_BACKEND = "bench.recording.SmsBackend"
EMAIL_BACKEND = "bench.recording.EmailBackend"
BENCH_RECORD_DIR = env_str("BENCH_RECORD_DIR", "")
BENCH_LATENCY_MS = env_int("BENCH_LATENCY_MS", 0)
