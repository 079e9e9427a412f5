"""Racing threads for concurrency tests: each has its own database connection, as
separate web workers or dispatchers would, and a barrier releases them together."""

import threading

from django.db import connection


def race(work, count, *, timeout=120):
    """Run work(number) on `count` threads at once; returns the errors they raised."""
    barrier = threading.Barrier(count)
    errors = []

    def runner(number):
        try:
            barrier.wait(timeout=30)
            work(number)
        except Exception as error:  # noqa: BLE001 — every error is a test failure
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return errors
