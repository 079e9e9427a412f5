"""10,000 due reminders through the production pipeline, old path and new, side by side.

Each worker is what a production machine runs: `manage.py dispatch_outbox --loop`
(claims due rows, SKIP LOCKED on PostgreSQL, and enqueues them) beside a task worker
that sends them — two OS processes per worker. The old path is the database queue
(`db_worker`, one message per task); the new one RQ on Redis (`rqworker`, batches
sent by threads, in-flight cap); see `bench/notifications_paths.py`. Both workers'
dispatchers race for the same rows and both task workers for the same tasks, as on
two machines. SMS and e-mail go to in-memory backends that first wait
`--latency-ms` (a provider's API call) and note each outbox reference in a file per
process (`bench/recording.py`), so a message sent twice, by any process, is counted.

Figures (`bench/notifications_figures.py`): delivery time and throughput (first due
time → last `sent_at`), lateness (`sent_at − due_at`) percentiles and where it goes
(dispatch, queue wait, sending), rows claimed again, final statuses, duplicates; then
one table of every run. Exits non-zero (through `python -m bench`) when a message went
twice or a reminder did not end `sent`.

    python -m bench notifications [--messages N] [--workers N [N …]] [--paths old new]
        [--latency-ms MS] [--spread S] [--loop S]

The new path needs Redis (RQ_REDIS_URL, default redis://127.0.0.1:6379/0).
`python -m bench.bench_notifications [options]` runs it on a database that is already
migrated and holds live events, without loading the scale data (the bench's test
does this).
"""

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench import notifications_paths as paths

ROOT = Path(__file__).resolve().parent.parent
# Time between the due times being written and the first of them: nothing is due
# while the update is being written.
LEAD_SECONDS = 2.0


def positive(value):
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_arguments(parser):
    group = parser.add_argument_group("notifications")
    group.add_argument(
        "--messages", type=positive, default=10_000, help="reminders to send (default 10,000)"
    )
    group.add_argument(
        "--workers",
        type=positive,
        nargs="+",
        default=[2],
        help="dispatch_outbox + task worker pairs; several numbers: one run each (default 2)",
    )
    group.add_argument(
        "--paths",
        nargs="+",
        choices=("old", "new"),
        default=["old", "new"],
        help="old: database queue, one message per task; new: RQ, batches, threads (default both)",
    )
    group.add_argument(
        "--latency-ms",
        type=int,
        default=200,
        help="each send waits this long, as a provider's API call (default 200)",
    )
    group.add_argument(
        "--spread",
        type=float,
        default=10.0,
        help="the due times are spread evenly over this many seconds (default 10; 0: all at once)",
    )
    group.add_argument(
        "--loop", type=float, default=1.0, help="dispatch_outbox --loop SECONDS (default 1)"
    )
    group.add_argument(
        "--timeout", type=float, default=1800.0, help="give up after SECONDS (default 1800)"
    )
    group.add_argument("--json", metavar="PATH", help="also write the figures to PATH")
    group.add_argument(
        "--inject-duplicate",
        action="store_true",
        help="self-check: once a message is sent, put its row back as claimed with an "
        "expired lease (a worker that died after the provider took it), so it goes "
        "twice; the run must then report one duplicate and fail",
    )


def database_label():
    from django.db import connection

    if connection.vendor == "postgresql":
        return "PostgreSQL (claims with SELECT … FOR UPDATE SKIP LOCKED)", connection.vendor
    name = Path(str(connection.settings_dict["NAME"])).name
    return (
        f"SQLite {name} (one writer at a time; BENCH_DATABASE_URL=postgres://… "
        "for the production case)",
        connection.vendor,
    )


# -- the worker processes -------------------------------------------------------------


def start_workers(run_dir, run, options):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.bench_notifications",
        BENCH_LATENCY_MS=str(options.latency_ms),
        **paths.environment(run.path, run.queue),
    )
    processes = []
    for number in range(1, run.workers + 1):
        for args in (
            ["dispatch_outbox", "--loop", str(options.loop)],
            paths.worker_command(run.path, number, run.queue),
        ):
            with (run_dir / f"{args[0]}-{number}.log").open("w") as log:
                processes.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "bench.notifications_worker", str(run_dir), *args],
                        cwd=ROOT,
                        env=env,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
    return processes


def check_alive(processes, run_dir):
    for process in processes:
        if process.poll() is not None:
            logs = "\n".join(p.read_text()[-2000:] for p in sorted(run_dir.glob("*.log")))
            raise RuntimeError(f"a worker process exited ({process.returncode}):\n{logs}")


def wait_ready(processes, run_dir, seconds=120):
    deadline = time.monotonic() + seconds
    while len(list(run_dir.glob("ready-*"))) < len(processes):
        check_alive(processes, run_dir)
        if time.monotonic() > deadline:
            raise RuntimeError("the worker processes did not start")
        time.sleep(0.1)


def stop(processes):
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


# -- waiting for the burst to go ------------------------------------------------------


def put_back_one_sent(rows):
    """The documented duplicate window: the provider took the message, the worker died
    before marking the row sent, the lease ran out."""
    from django.utils import timezone

    from rsvp.models import MessageStatus

    row = rows.filter(status=MessageStatus.SENT).order_by("pk").first()
    if row is None:
        return False
    past = timezone.now() - dt.timedelta(seconds=1)
    rows.filter(pk=row.pk).update(
        status=MessageStatus.CLAIMED, claimed_by="bench-dead-worker", lease_until=past
    )
    return True


def wait_until_done(rows, processes, run_dir, run, options):
    """Until no row is pending or claimed and no sending task is waiting or running."""
    from rsvp.services.outbox import OPEN

    deadline = time.monotonic() + options.timeout
    injected = not options.inject_duplicate
    while True:
        if not injected:
            injected = put_back_one_sent(rows)
        if (
            injected
            and not rows.filter(status__in=OPEN).exists()
            and not paths.open_tasks(run.path, run.queue)
        ):
            return True
        check_alive(processes, run_dir)
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)


# -- the runs -------------------------------------------------------------------------


class Run:
    def __init__(self, path, workers):
        self.path = path
        self.workers = workers
        self.queue = f"bench-notifications-{uuid.uuid4().hex[:12]}"


def run_one(run, options, vendor):
    """One burst through one path; returns its figures and whether it was good."""
    from django.utils import timezone

    from bench import notifications_data as data
    from bench.notifications_figures import collect, ok
    from bench.notifications_report import report

    print(f"\n-- {run.path} path, {run.workers} workers: {paths.LABELS[run.path]}", flush=True)
    started = time.perf_counter()
    data.forget_open_rows()
    data.vacuum()
    prepared = data.prepare(options.messages)
    print(f"prepared {2 * prepared.rsvps} reminders in {time.perf_counter() - started:.1f} s")
    run_dir = Path(tempfile.mkdtemp(prefix="bench-notifications-"))
    processes = start_workers(run_dir, run, options)
    good = False
    try:
        wait_ready(processes, run_dir)
        data.make_due(prepared, timezone.now() + dt.timedelta(seconds=LEAD_SECONDS), options.spread)
        done = wait_until_done(prepared.reminders(), processes, run_dir, run, options)
        stop(processes)
        figures = {"database": vendor, "finished": done, **collect(prepared, run_dir, run, options)}
        report(figures, time.perf_counter() - started)
        if not done:
            print(f"timed out after {options.timeout:g} s")
        good = done and ok(figures)
    finally:
        stop(processes)
        data.clean_up(prepared)
        paths.clean_up(run.path, run.queue)
        if good:
            shutil.rmtree(run_dir, ignore_errors=True)
        else:
            print(f"FAILED: worker logs and sent references kept in {run_dir}")
    return figures, good


def run(options):
    from bench import notifications_data as data
    from bench.notifications_report import table

    label, vendor = database_label()
    print(f"database: {label}", flush=True)
    if not data.vacuum():
        print(
            "autovacuum is off on this server: the task table's statistics go stale during "
            "the run (a production server analyzes it as it fills)",
            flush=True,
        )
    missing = paths.redis_missing() if paths.NEW in options.paths else None
    if missing:
        print(f"the new path is left out: {missing}")
    runs = [
        Run(path, workers)
        for path in options.paths
        if not (path == paths.NEW and missing)
        for workers in options.workers
    ]
    results = [run_one(each, options, vendor) for each in runs]
    figures = [result[0] for result in results]
    good = bool(results) and all(result[1] for result in results)
    table(figures)
    if options.json:
        Path(options.json).write_text(json.dumps({"runs": figures, "ok": good}, indent=2))
    return good


def main(argv):
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    import django

    django.setup()
    parser = argparse.ArgumentParser(prog="python -m bench.bench_notifications")
    add_arguments(parser)
    return 0 if run(parser.parse_args(argv)) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
