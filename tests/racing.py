"""Racing threads for concurrency tests: each has its own database connection, as
separate web workers or dispatchers would, and a barrier releases them together."""

import contextlib
import threading
import time

from django.db import connection, transaction

from events.models import EventDate


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


@contextlib.contextmanager
def date_locked_elsewhere(date):
    """Hold the date's row lock on another connection for the duration of the block,
    as a registration in flight would."""
    holding, release = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():
                EventDate.objects.select_for_update().get(pk=date.pk)
                holding.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(timeout=10), "the lock was never taken"
        yield
    finally:
        release.set()
        holder.join()


def without_date_lock(monkeypatch):
    """The control runs' broken seat service: dates read without their row lock."""
    monkeypatch.setattr(EventDate.objects, "select_for_update", lambda: EventDate.objects.all())


def slow_seat_count(monkeypatch, seconds):
    """Widen the gap between counting the seats taken and deciding, so that a race, if
    the code allows one, happens in every run."""
    from rsvp.services import seats

    count = seats.used_seats

    def slow_count(row):
        used = count(row)
        time.sleep(seconds)
        return used

    monkeypatch.setattr(seats, "used_seats", slow_count)


def unlocked_slow_claims(monkeypatch, seconds):
    """The control runs' broken dispatcher: due rows read without row locks, with a
    pause between reading them and claiming them."""
    from notifications.services import dispatch

    due = dispatch.due

    def due_unlocked(now):
        rows = due(now)

        class Unlocked(type(rows)):
            def select_for_update(self, **options):
                return self

            def _fetch_all(self):
                fetched = self._result_cache is None
                super()._fetch_all()
                if fetched:
                    time.sleep(seconds)

        rows.__class__ = Unlocked
        return rows

    monkeypatch.setattr(dispatch, "due", due_unlocked)
