"""Settings of the processes the RQ tests start: the test settings, with RQ on Redis
(RQ_REDIS_URL, the queue in ENSEMBLE_OUTBOX_QUEUE) and SMS written to SMS_FILE_PATH
slowly enough that a kill lands mid-batch."""

from config.settings.env import env_str
from config.settings.test import *  # noqa: F403

# What TASKS_BACKEND=django_tasks_rq.RQBackend selects (config/settings/base.py).
TASKS = {"default": {"BACKEND": RQ_TASKS_BACKEND, "QUEUES": TASK_QUEUES}}  # noqa: F405
SMS_BACKEND = "tests.notifications.slow_sms.SlowerSmsBackend"
SMS_FILE_PATH = env_str("SMS_FILE_PATH")
