"""For tests that start other processes (dispatchers, workers, the bench)."""

from django.db import connection


def postgres_url():
    """The test database's address, for a process that must share its rows."""
    s = connection.settings_dict
    return (
        f"postgres://{s['USER']}:{s.get('PASSWORD') or ''}@{s['HOST'] or '127.0.0.1'}"
        f":{s['PORT'] or 5432}/{s['NAME']}"
    )


def redis_or_skip(url):
    """Skip when Redis is not reachable at `url`; in CI (CI=true), fail instead: there
    `.ci/run` starts Redis, so a missing one is a broken run, not a missing extra."""
    import os

    import pytest
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        reason = f"Redis not reachable at {url}: start redis-server (or set RQ_REDIS_URL)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
