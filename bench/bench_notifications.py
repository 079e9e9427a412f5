"""10,000 due reminders through the production pipeline, with two workers.

Each worker is what a production machine runs: `manage.py dispatch_outbox --loop`
(claims due rows, SKIP LOCKED on PostgreSQL, and enqueues one task per row) beside
`manage.py db_worker` (django-tasks' database worker, which sends them) — two OS
processes per worker, four in all by default. Both workers' dispatchers race for the
same rows and both db_workers for the same tasks, as on two machines. SMS and e-mail
go to in-memory backends that also note each outbox reference in a file per process
(`bench/recording.py`), so a message sent twice, by any process, is counted.

Figures: delivery time and throughput (first due time → last `sent_at`), lateness
(`sent_at − due_at`) percentiles and where it goes (dispatch, queue wait, sending),
SQL statements per message, final statuses, duplicates. Exits non-zero (through
`python -m bench`) when a message went twice or a reminder did not end `sent`.

    python -m bench notifications [--messages N] [--workers N] [--spread S] [--loop S]

`python -m bench.bench_notifications [options]` runs it on a database that is already
migrated and holds live events, without loading the scale data (the bench's test
does this).
"""

import argparse
import collections
import datetime as dt
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TASK_PATH = "events.tasks.send_outbox_message"
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
        "--workers", type=positive, default=2, help="dispatch_outbox + db_worker pairs (default 2)"
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


def start_workers(run_dir, workers, loop):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.bench_notifications")
    processes = []
    for number in range(1, workers + 1):
        for args in (
            ["dispatch_outbox", "--loop", str(loop)],
            ["db_worker", "--worker-id", f"bench-{number}"],
        ):
            log = (run_dir / f"{args[0]}-{number}.log").open("w")
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


def open_tasks():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=TASK_PATH, status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING)
    )


def put_back_one_sent(rows):
    """The documented duplicate window: the provider took the message, the worker died
    before marking the row sent, the lease ran out."""
    from django.utils import timezone

    from events.models import MessageStatus

    row = rows.filter(status=MessageStatus.SENT).order_by("pk").first()
    if row is None:
        return False
    past = timezone.now() - dt.timedelta(seconds=1)
    rows.filter(pk=row.pk).update(
        status=MessageStatus.CLAIMED, claimed_by="bench-dead-worker", lease_until=past
    )
    return True


def wait_until_done(rows, processes, run_dir, timeout, inject_duplicate):
    """Until no row is pending or claimed and no sending task is waiting or running."""
    from events.services.outbox import OPEN

    deadline = time.monotonic() + timeout
    injected = not inject_duplicate
    while True:
        if not injected:
            injected = put_back_one_sent(rows)
        if injected and not rows.filter(status__in=OPEN).exists() and not open_tasks().exists():
            return True
        check_alive(processes, run_dir)
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)


# -- figures --------------------------------------------------------------------------


def percentile(values, p):
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def sent_references(run_dir):
    """{pid: Counter(reference)} from the files the recording backends wrote."""
    sent = {}
    for path in sorted(run_dir.glob("sent-*.txt")):
        pid = int(path.stem.removeprefix("sent-"))
        sent[pid] = collections.Counter(path.read_text().split())
    return sent


def duplicates(sent_by_process):
    """References seen more than once, in one process or across processes."""
    total = collections.Counter()
    for counter in sent_by_process.values():
        total.update(counter)
    return {reference: count for reference, count in total.items() if count > 1}


def statements(run_dir):
    by_command = collections.Counter()
    reported = 0
    for path in run_dir.glob("stats-*.json"):
        stats = json.loads(path.read_text())
        by_command[stats["command"]] += stats["statements"]
        reported += 1
    return by_command, reported


def seconds(delta):
    return delta.total_seconds()


def task_figures(rows_by_pk):
    """Where the lateness goes: due → first claimed and enqueued; → the task that sent
    it started (time in the queue, and any claims again after the lease ran out);
    → that task finished."""
    from django_tasks_db.models import DBTaskResult

    first_enqueued, sending = {}, {}
    per_worker = collections.defaultdict(lambda: {"tasks": 0, "busy": 0.0})
    results = collections.Counter()
    for task in DBTaskResult.objects.filter(task_path=TASK_PATH).only(
        "args_kwargs", "enqueued_at", "started_at", "finished_at", "return_value", "worker_ids"
    ):
        results[str(task.return_value)] += 1
        pk = task.args_kwargs["args"][0]
        if pk in rows_by_pk:
            first_enqueued[pk] = min(first_enqueued.get(pk, task.enqueued_at), task.enqueued_at)
        if task.started_at is None or task.finished_at is None:
            continue
        worker = task.worker_ids[-1] if task.worker_ids else "?"
        per_worker[worker]["tasks"] += 1
        per_worker[worker]["busy"] += seconds(task.finished_at - task.started_at)
        if pk in rows_by_pk and task.return_value == "sent":
            sending[pk] = task
    parts = {"dispatch": [], "queue": [], "run": []}
    for pk, task in sending.items():
        parts["dispatch"].append(seconds(first_enqueued[pk] - rows_by_pk[pk]["due_at"]))
        parts["queue"].append(seconds(task.started_at - first_enqueued[pk]))
        parts["run"].append(seconds(task.finished_at - task.started_at))
    return parts, dict(per_worker), results


def collect(prepared, run_dir, options):
    rows = list(prepared.reminders().values("pk", "channel", "status", "due_at", "sent_at"))
    rows_by_pk = {row["pk"]: row for row in rows}
    statuses = collections.Counter(row["status"] for row in rows)
    sent_rows = [row for row in rows if row["sent_at"] is not None]
    lateness = [seconds(row["sent_at"] - row["due_at"]) for row in sent_rows]
    first_due = min(row["due_at"] for row in rows)
    last_sent = max((row["sent_at"] for row in sent_rows), default=first_due)
    delivery = seconds(last_sent - first_due)
    sent = sent_references(run_dir)
    twice = duplicates(sent)
    seen = set().union(*sent.values()) if sent else set()
    expected = {f"outbox-{pk}" for pk in rows_by_pk}
    parts, per_worker, task_results = task_figures(rows_by_pk)
    sql, stats_reported = statements(run_dir)
    return {
        "messages": len(rows),
        "rsvps": prepared.rsvps,
        "dates": len(prepared.dates),
        "channels": dict(collections.Counter(row["channel"] for row in rows)),
        "workers": options.workers,
        "spread_seconds": options.spread,
        "loop_seconds": options.loop,
        "statuses": dict(statuses),
        "delivery_seconds": delivery,
        "messages_per_second": len(sent_rows) / delivery if delivery > 0 else math.nan,
        "lateness_seconds": {
            name: percentile(lateness, p)
            for name, p in (("p50", 50), ("p95", 95), ("p99", 99), ("max", 100))
        },
        "lateness_parts_seconds": {
            name: {"p50": percentile(values, 50), "p99": percentile(values, 99)}
            for name, values in parts.items()
        },
        "sends_by_process": {str(pid): sum(c.values()) for pid, c in sent.items()},
        "duplicates": len(twice),
        "extra_sends": sum(count - 1 for count in twice.values()),
        "never_recorded": len({f"outbox-{row['pk']}" for row in sent_rows} - seen),
        "unexpected_references": len(seen - expected),
        "tasks": dict(task_results),
        "db_workers": per_worker,
        "sql_statements": dict(sql),
        "sql_complete": stats_reported == 2 * options.workers,
    }


def ok(figures):
    return (
        figures["duplicates"] == 0
        and figures["statuses"] == {"sent": figures["messages"]}
        and figures["never_recorded"] == 0
        and figures["unexpected_references"] == 0
    )


def report(figures, wall):
    lat = figures["lateness_seconds"]
    parts = figures["lateness_parts_seconds"]
    count = figures["messages"]
    channels = ", ".join(f"{n} {c}" for c, n in sorted(figures["channels"].items()))
    print(
        f"{count} reminders ({channels}) of {figures['rsvps']} RSVPs on {figures['dates']} "
        f"dates, due over {figures['spread_seconds']:g} s"
    )
    print(
        f"{figures['workers']} workers, each `dispatch_outbox --loop {figures['loop_seconds']:g}`"
        f" + `db_worker` ({2 * figures['workers']} processes)"
    )
    print(
        f"delivery (first due → last sent): {figures['delivery_seconds']:.1f} s   "
        f"throughput: {figures['messages_per_second']:.1f} messages/s   "
        f"(whole run with preparation: {wall:.0f} s)"
    )
    print(
        f"lateness (sent − due): p50 {lat['p50']:.2f} s   p95 {lat['p95']:.2f} s   "
        f"p99 {lat['p99']:.2f} s   max {lat['max']:.2f} s"
    )
    print(
        "  of which (p50 / p99): "
        f"due → claimed and enqueued {parts['dispatch']['p50']:.2f} / "
        f"{parts['dispatch']['p99']:.2f} s;   "
        f"in the task queue {parts['queue']['p50']:.2f} / {parts['queue']['p99']:.2f} s;"
        f"   task run {parts['run']['p50'] * 1000:.0f} / {parts['run']['p99'] * 1000:.0f} ms"
    )
    delivery = figures["delivery_seconds"] or math.nan
    for worker, stats in sorted(figures["db_workers"].items()):
        tasks = stats["tasks"] or math.nan
        inside = stats["busy"] / tasks
        print(
            f"  db_worker {worker}: {stats['tasks']} tasks, {stats['tasks'] / delivery:.1f}/s;"
            f" per task {inside * 1000:.0f} ms inside it, "
            f"{(delivery / tasks - inside) * 1000:.0f} ms outside (finding, claiming and "
            "closing it, reconnecting, waiting when idle)"
        )
    if parts["queue"]["p50"] > parts["dispatch"]["p50"]:
        print(
            "  bottleneck: the task workers (db_worker) — due rows are claimed and enqueued "
            "at once, then wait in the task queue"
        )
    else:
        print("  bottleneck: claiming and enqueuing (dispatch_outbox)")
    sql = figures["sql_statements"]
    if figures["sql_complete"] and count:
        total = sum(sql.values())
        detail = ", ".join(f"{cmd} {n / count:.1f}" for cmd, n in sorted(sql.items()))
        print(f"SQL statements per message: {total / count:.1f} ({detail}; idle polling included)")
    tasks = figures["tasks"]
    print("task results: " + ", ".join(f"{result} {n}" for result, n in sorted(tasks.items())))
    if tasks.get("not-claimed"):
        print(
            f"  not-claimed: {tasks['not-claimed']} rows waited in the task queue longer than "
            "their lease (ENSEMBLE_OUTBOX_LEASE_SECONDS) and were claimed again; their first "
            "task found the claim gone and did nothing"
        )
    print(
        "final statuses: "
        + ", ".join(f"{status} {n}" for status, n in sorted(figures["statuses"].items()))
    )
    print(
        f"duplicates: {figures['duplicates']} (references sent more than once; "
        f"{figures['extra_sends']} extra sends)   "
        f"sent but never recorded: {figures['never_recorded']}   "
        f"recorded but not in this run: {figures['unexpected_references']}"
    )


# -- the run --------------------------------------------------------------------------


def run(options):
    from django.utils import timezone

    from bench import notifications_data as data

    label, vendor = database_label()
    print(f"database: {label}", flush=True)
    started = time.perf_counter()
    data.forget_open_rows()
    if not data.vacuum():
        print(
            "autovacuum is off on this server: the task table's statistics go stale during "
            "the run (a production server analyzes it as it fills)",
            flush=True,
        )
    prepared = data.prepare(options.messages)
    print(
        f"prepared {2 * prepared.rsvps} reminders in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    run_dir = Path(tempfile.mkdtemp(prefix="bench-notifications-"))
    processes = start_workers(run_dir, options.workers, options.loop)
    good = False
    try:
        wait_ready(processes, run_dir)
        data.make_due(prepared, timezone.now() + dt.timedelta(seconds=LEAD_SECONDS), options.spread)
        done = wait_until_done(
            prepared.reminders(), processes, run_dir, options.timeout, options.inject_duplicate
        )
        stop(processes)
        figures = {"database": vendor, "finished": done, **collect(prepared, run_dir, options)}
        report(figures, time.perf_counter() - started)
        if not done:
            print(f"timed out after {options.timeout:g} s")
        good = done and ok(figures)
        if options.json:
            Path(options.json).write_text(json.dumps({**figures, "ok": good}, indent=2))
    finally:
        stop(processes)
        data.clean_up(prepared, TASK_PATH)
        if good:
            shutil.rmtree(run_dir, ignore_errors=True)
        else:
            print(f"FAILED: worker logs and sent references kept in {run_dir}")
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
