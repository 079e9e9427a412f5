"""The notifications bench's report: each run's figures, then all runs side by side."""

import math

from bench import notifications_paths as paths

WORKER_COMMAND = {paths.OLD: "db_worker", paths.NEW: "rqworker"}


def report(figures, wall):
    count = figures["messages"]
    channels = ", ".join(f"{n} {c}" for c, n in sorted(figures["channels"].items()))
    print(
        f"{count} reminders ({channels}) of {figures['rsvps']} RSVPs on {figures['dates']} "
        f"dates, due over {figures['spread_seconds']:g} s; each send waits "
        f"{figures['latency_ms']} ms (the provider's call)"
    )
    print(
        f"{figures['workers']} workers, each `dispatch_outbox --loop {figures['loop_seconds']:g}`"
        f" + `{WORKER_COMMAND[figures['path']]}` ({2 * figures['workers']} processes)"
    )
    print(
        f"delivery (first due → last sent): {figures['delivery_seconds']:.1f} s   "
        f"throughput: {figures['messages_per_second']:.1f} messages/s   "
        f"(whole run with preparation: {wall:.0f} s)"
    )
    lateness(figures)
    workers(figures)
    outcome(figures)


def lateness(figures):
    lat = figures["lateness_seconds"]
    parts = figures["lateness_parts_seconds"]
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
    if parts["queue"]["p50"] > parts["dispatch"]["p50"]:
        print("  bottleneck: the task workers — claimed rows wait in the task queue")
    else:
        print("  bottleneck: claiming and enqueuing (dispatch_outbox, or its in-flight cap)")


def workers(figures):
    delivery = figures["delivery_seconds"] or math.nan
    command = WORKER_COMMAND[figures["path"]]
    for worker, stats in sorted(figures["db_workers"].items()):
        tasks = stats["tasks"] or math.nan
        print(
            f"  {command} {worker}: {stats['tasks']} tasks, {stats['tasks'] / delivery:.1f}/s;"
            f" {stats['busy'] / tasks * 1000:.0f} ms per task"
        )
    sql = figures["sql_statements"]
    count = figures["messages"]
    if figures["sql_complete"] and count:
        total = sum(sql.values())
        detail = ", ".join(f"{cmd} {n / count:.1f}" for cmd, n in sorted(sql.items()))
        print(f"SQL statements per message: {total / count:.1f} ({detail}; idle polling included)")


def outcome(figures):
    tasks = figures["tasks"]
    print("task results: " + ", ".join(f"{result} {n}" for result, n in sorted(tasks.items())))
    print(
        f"rows claimed again: {figures['claimed_again']} (their lease ran out before they "
        "were sent; a task that then found the claim gone did nothing: not-claimed)"
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


def table(runs):
    """All runs side by side, as a Markdown table (docs/notifications.md)."""
    if not runs:
        return
    print(
        "\n| path | workers | reminders | delivery | messages/s | lateness p50 | p99 | max "
        "| claimed again | duplicates |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for f in runs:
        lat = f["lateness_seconds"]
        print(
            f"| {f['path']} | {f['workers']} | {f['messages']} | {f['delivery_seconds']:.0f} s "
            f"| {f['messages_per_second']:.1f} | {lat['p50']:.1f} s | {lat['p99']:.1f} s "
            f"| {lat['max']:.1f} s | {f['claimed_again']} | {f['duplicates']} |"
        )
