"""The notifications bench's figures (`bench/bench_notifications.py`): what the rows,
the tasks and the processes' files say once the burst has gone (the report is
`bench/notifications_report.py`)."""

import collections
import json
import math

from bench import notifications_paths as paths


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


def claimed_again(run_dir, rows_by_pk):
    """Claims of rows already claimed once: their lease ran out before they were sent."""
    claims = collections.Counter()
    for path in run_dir.glob("claims-*.txt"):
        claims.update(int(pk) for pk in path.read_text().split())
    return sum(count - 1 for pk, count in claims.items() if pk in rows_by_pk)


def tally(results, result):
    """A task's result: a status (one row a task) or {status: count} (a batch)."""
    if isinstance(result, dict):
        results.update(result)
    else:
        results[str(result)] += 1


def task_figures(rows_by_pk, records):
    """Where the lateness goes: due → first claimed and enqueued; → the task that sent
    it started (time in the queue); → that task finished."""
    first_enqueued, sending = {}, {}
    per_worker = collections.defaultdict(lambda: {"tasks": 0, "busy": 0.0})
    results = collections.Counter()
    for task in records:
        tally(results, task["result"])
        mine = [pk for pk in task["rows"] if pk in rows_by_pk]
        for pk in mine:
            first_enqueued[pk] = min(first_enqueued.get(pk, task["enqueued"]), task["enqueued"])
        if task["started"] is None or task["finished"] is None:
            continue
        per_worker[task["worker"]]["tasks"] += 1
        per_worker[task["worker"]]["busy"] += seconds(task["finished"] - task["started"])
        for pk in mine:
            if rows_by_pk[pk]["sent_at"] and task["started"] <= rows_by_pk[pk]["sent_at"]:
                sending[pk] = task
    parts = {"dispatch": [], "queue": [], "run": []}
    for pk, task in sending.items():
        parts["dispatch"].append(seconds(first_enqueued[pk] - rows_by_pk[pk]["due_at"]))
        parts["queue"].append(seconds(task["started"] - first_enqueued[pk]))
        parts["run"].append(seconds(task["finished"] - task["started"]))
    return parts, dict(per_worker), results


def collect(prepared, run_dir, run, options):
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
    records = paths.task_records(run.path, run.queue)
    parts, per_worker, task_results = task_figures(rows_by_pk, records)
    sql, stats_reported = statements(run_dir)
    return {
        "messages": len(rows),
        "rsvps": prepared.rsvps,
        "dates": len(prepared.dates),
        "channels": dict(collections.Counter(row["channel"] for row in rows)),
        "path": run.path,
        "workers": run.workers,
        "latency_ms": options.latency_ms,
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
        "claimed_again": claimed_again(run_dir, rows_by_pk),
        "duplicates": len(twice),
        "extra_sends": sum(count - 1 for count in twice.values()),
        "never_recorded": len({f"outbox-{row['pk']}" for row in sent_rows} - seen),
        "unexpected_references": len(seen - expected),
        "tasks": dict(task_results),
        "db_workers": per_worker,
        "sql_statements": dict(sql),
        # A task worker's sending threads and RQ's forked processes are not counted.
        "sql_complete": stats_reported == 2 * run.workers and run.path == paths.OLD,
    }


def ok(figures):
    return (
        figures["duplicates"] == 0
        and figures["statuses"] == {"sent": figures["messages"]}
        and figures["never_recorded"] == 0
        and figures["unexpected_references"] == 0
    )
