"""Test runs: fast hashing, in-memory mail and SMS, tasks run in-process."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "notifications.sms.backends.locmem.SmsBackend"
WHATSAPP_BACKEND = "notifications.sms.backends.whatsapp.LocmemBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests that share a rate across processes point this at Redis.
ENSEMBLE_RATE_LIMIT_STORAGE = env_str("ENSEMBLE_RATE_LIMIT_STORAGE", "memory://")
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = BASE_URL = "http://testserver"  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}
