"""The notifications bench end to end with 40 reminders: its orchestrator and its two
workers (dispatch_outbox + db_worker, or + rqworker on the new path) are real
processes on a real database.
Every reminder must end `sent` with no duplicate, and an injected duplicate must be
counted and fail the run. A correctness test: the timing is the bench's business.

On SQLite the test database lives in memory, so the bench's processes get a copy of
it in a file; on PostgreSQL they share the test database.
"""

import collections
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from bench.notifications_figures import duplicates
from bench.notifications_paths import redis_missing
from tests.factories import EventFactory
from tests.processes import postgres_url

# The bench's processes read committed rows (and on SQLite a copy of the database).
pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 40


def database_url(tmp_path):
    if connection.vendor == "postgresql":
        return postgres_url()
    path = tmp_path / "bench.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.close()
    return f"sqlite:///{path}"


def run_bench(tmp_path, *options):
    figures = tmp_path / "figures.json"
    figures.unlink(missing_ok=True)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.bench_notifications",
            "--messages",
            str(MESSAGES),
            "--spread",
            "1",
            "--timeout",
            "120",
            "--latency-ms",
            "20",
            "--json",
            str(figures),
            *options,
        ],
        cwd=ROOT,
        # TMPDIR: a failed run keeps its directory, here under tmp_path.
        env=dict(os.environ, BENCH_DATABASE_URL=database_url(tmp_path), TMPDIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert figures.exists(), result.stdout + result.stderr
    (only,) = json.loads(figures.read_text())["runs"]
    return result, only


@pytest.fixture
def events(site_tree):
    return [EventFactory(), EventFactory()]


def test_every_reminder_is_sent_once_by_two_workers(events, tmp_path):
    result, figures = run_bench(tmp_path, "--paths", "old")

    assert result.returncode == 0, result.stdout + result.stderr
    assert figures["messages"] == MESSAGES
    assert set(figures["channels"]) == {"sms", "email"}
    assert figures["statuses"] == {"sent": MESSAGES}
    assert figures["duplicates"] == 0
    assert figures["never_recorded"] == 0
    # Four processes ran the production commands; what the backends took adds up.
    assert figures["sql_complete"] is True
    assert set(figures["sql_statements"]) == {"dispatch_outbox", "db_worker"}
    assert sum(figures["sends_by_process"].values()) == MESSAGES
    assert figures["tasks"].get("sent") == MESSAGES
    assert figures["lateness_seconds"]["max"] >= figures["lateness_seconds"]["p50"] >= 0
    assert "duplicates: 0" in result.stdout


def test_an_injected_duplicate_is_counted_and_fails_the_run(events, tmp_path):
    result, figures = run_bench(tmp_path, "--paths", "old", "--inject-duplicate", "--workers", "1")

    assert result.returncode == 1, result.stdout + result.stderr
    assert figures["duplicates"] == 1
    assert figures["extra_sends"] == 1
    assert sum(figures["sends_by_process"].values()) == MESSAGES + 1
    # The row put back was sent again: every reminder still ends sent.
    assert figures["statuses"] == {"sent": MESSAGES}
    assert "duplicates: 1" in result.stdout


@pytest.mark.redis
def test_every_reminder_is_sent_once_by_two_rq_workers(events, tmp_path):
    missing = redis_missing()
    if missing:
        pytest.skip(missing)
    result, figures = run_bench(tmp_path, "--paths", "new")

    assert result.returncode == 0, result.stdout + result.stderr
    assert figures["path"] == "new"
    assert figures["statuses"] == {"sent": MESSAGES}
    assert figures["duplicates"] == 0
    assert figures["claimed_again"] == 0
    assert figures["never_recorded"] == 0
    assert sum(figures["sends_by_process"].values()) == MESSAGES
    assert figures["tasks"].get("sent") == MESSAGES
    assert "| new | 2 | 40 |" in result.stdout


def test_duplicates_are_counted_across_processes():
    sent = {
        101: collections.Counter(["outbox-1", "outbox-2"]),
        102: collections.Counter(["outbox-2", "outbox-3", "outbox-3"]),
    }

    assert duplicates(sent) == {"outbox-2": 2, "outbox-3": 2}
    assert duplicates({101: collections.Counter(["outbox-1"])}) == {}
