"""For tests that start other processes (dispatchers, workers, the bench)."""

from django.db import connection


def postgres_url():
    """The test database's address, for a process that must share its rows."""
    s = connection.settings_dict
    return (
        f"postgres://{s['USER']}:{s.get('PASSWORD') or ''}@{s['HOST'] or '127.0.0.1'}"
        f":{s['PORT'] or 5432}/{s['NAME']}"
    )
