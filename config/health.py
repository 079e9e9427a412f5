"""GET /healthz for load balancers: is this process able to serve pages?

Answered before any other middleware, so that a load balancer calling the instance by
its own address (not a name in ALLOWED_HOSTS) over plain HTTP gets the answer rather
than a 400 or a redirect to HTTPS. It checks the database and the cache with one cheap
round trip each and says nothing else: no versions, no settings, no personal data.

- "ok" (200): both answer.
- "degraded" (200): the cache does not. Pages, registrations and the admin still work
  without it (docs/deploy.md#cache-outage), and a cache outage hits every instance at
  once: a 503 would take all of them out of rotation and turn a slower site into no
  site. The outage is logged once by the cache (core/cache.py), not on every check.
- "failed" (503): the database does not; nothing can be served, take this one out.
"""

import json
import logging

from django.db import connection
from django.http import HttpResponse

from core.cache import reachable

PATH = "/healthz"
logger = logging.getLogger(__name__)


class CacheUnreachable(Exception):
    pass


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    if not reachable():
        raise CacheUnreachable


CHECKS = {"database": check_database, "cache": check_cache}
# Without these the instance cannot serve; without the others it serves degraded.
ESSENTIAL = {"database"}


def run(name, check):
    try:
        check()
    except CacheUnreachable:
        return "failed"
    except Exception as error:  # any other failure is reported, by class only
        logger.warning("health check %s failed: %s", name, type(error).__name__)
        return "failed"
    return "ok"


def health():
    results = {name: run(name, check) for name, check in CHECKS.items()}
    failed = {name for name, value in results.items() if value != "ok"}
    if failed & ESSENTIAL:
        status, code = "failed", 503
    else:
        status, code = ("degraded" if failed else "ok"), 200
    body = {"status": status, "checks": results}
    response = HttpResponse(json.dumps(body), status=code, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return health()
        return self.get_response(request)
