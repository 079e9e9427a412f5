"""GET /healthz for load balancers: is this process able to serve pages?

Answered before any other middleware, so that a load balancer calling the instance by
its own address (not a name in ALLOWED_HOSTS) over plain HTTP gets the answer rather
than a 400 or a redirect to HTTPS. It checks the database and the cache with one cheap
query each and says nothing else: no versions, no settings, no personal data.
"""

import json
import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

PATH = "/healthz"
logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache.get("healthz")


CHECKS = {"database": check_database, "cache": check_cache}


def health():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:  # any failure means "take me out of rotation"
            logger.warning("health check %s failed: %s", name, type(error).__name__)
            results[name] = "failed"
    healthy = all(value == "ok" for value in results.values())
    body = {"status": "ok" if healthy else "failed", "checks": results}
    response = HttpResponse(
        json.dumps(body), status=200 if healthy else 503, content_type="application/json"
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return health()
        return self.get_response(request)
