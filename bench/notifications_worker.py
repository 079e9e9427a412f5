"""One process of the notifications bench: `dispatch_outbox`, `db_worker` or
`rqworker`, the production commands, with the bench's settings. It counts its SQL
statements (those of its main thread: not of sending threads, nor of the processes
`rqworker` forks) and writes them to `stats-<pid>.json` in the run's directory when it
stops. A dispatcher also notes the rows of each claim in `claims-<pid>.txt`, so rows
claimed again after their lease ran out are counted.

    python -m bench.notifications_worker RUN_DIR COMMAND [ARGS…]
"""

import json
import os
import signal
import sys
from pathlib import Path


def main(run_dir, command, *args):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench_notifications")
    os.environ["BENCH_RECORD_DIR"] = run_dir
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    statements = 0

    def count(execute, sql, params, many, context):
        nonlocal statements
        statements += 1
        return execute(sql, params, many, context)

    # The wrapper list belongs to this thread's connection object: it survives the
    # reconnects both commands make between rounds.
    connection.execute_wrappers.append(count)
    if command == "dispatch_outbox":
        note_claims(Path(run_dir) / f"claims-{os.getpid()}.txt")
    # dispatch_outbox has no handler of its own; db_worker replaces this one with its
    # graceful shutdown.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    run = Path(run_dir)
    (run / f"ready-{os.getpid()}").touch()
    try:
        call_command(command, *args)
    finally:
        stats = {"command": command, "pid": os.getpid(), "statements": statements}
        (run / f"stats-{os.getpid()}.json").write_text(json.dumps(stats))


def note_claims(path):
    from notifications.services import dispatch

    claim = dispatch.claim

    def noting(**options):
        token, ids = claim(**options)
        if ids:
            with path.open("a") as claims:
                claims.write("".join(f"{pk}\n" for pk in ids))
        return token, ids

    dispatch.claim = noting


if __name__ == "__main__":
    main(*sys.argv[1:])
