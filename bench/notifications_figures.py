"""The notifications bench's figures (`bench/bench_notifications.py`): what the rows,
the tasks and the processes' files say once the burst has gone, and the report."""

import collections
import json
import math

TASK_PATH = "events.tasks.send_outbox_message"


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
