"""gunicorn's settings for the web process (Procfile, deploy/systemd/ensemble-web.service).

Every value can be changed from the environment without editing this file.
"""

import os

from config.logs import JSON_FORMATTER

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# Pages are rendered synchronously and wait on PostgreSQL: a few processes per core.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Restarted now and then, so a slow leak never grows for weeks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# The proxy in front keeps the access log; gunicorn's own would hold every address,
# tokens of private links included.
accesslog = None
# gunicorn's own lines (start, worker boot, timeouts) as JSON on standard output, like
# the application's (config/settings/production.py).
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": JSON_FORMATTER},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
# Trust X-Forwarded-* from the local proxy only (gunicorn's default); list its address
# in FORWARDED_ALLOW_IPS when it runs on another machine.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# gunicorn's control socket would sit at one path per user, shared by every server the
# user starts; signals (systemctl reload = HUP) do what it offers.
control_socket_disable = True
