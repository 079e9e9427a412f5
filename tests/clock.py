"""Run the suite on another day: ``pytest --clock 2026-12-31T23:30``.

Every test then starts at that instant (an ISO 8601 date and time; without an offset it
is read in America/Toronto) and the clock runs on from there, so leases, rate limits
and timeouts still see time pass. Session fixtures see the instant too, and so do the
Python processes a test starts (workers, the benchmark): they inherit
``ENSEMBLE_TEST_CLOCK_AT`` and ``tests/clock_child`` on ``PYTHONPATH``.
``ENSEMBLE_TEST_CLOCK`` sets the same as ``--clock``. The clock is time-machine's, which
also moves ``time.time()`` and ``datetime.now()``, not only Django's ``timezone.now()``.
"""

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

QUEBEC = ZoneInfo("America/Toronto")
CHILD_ENV = "ENSEMBLE_TEST_CLOCK_AT"
CHILD_PATH = str(Path(__file__).with_name("clock_child"))
INSTANT = pytest.StashKey[dt.datetime]()


def parse_instant(text):
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise pytest.UsageError(f"--clock: not an ISO 8601 date and time: {text!r}") from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=QUEBEC)
    return moment


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        metavar="INSTANT",
        default=os.environ.get("ENSEMBLE_TEST_CLOCK") or None,
        help="start every test at INSTANT (ISO 8601, Québec time without an offset)",
    )


def pytest_configure(config):
    text = config.getoption("clock")
    if not text:
        return
    moment = parse_instant(text)
    config.stash[INSTANT] = moment
    # Imports, collection and session fixtures (the shared site) happen at the instant,
    # with the clock stopped: what they write is never later than a test's "now".
    time_machine.travel(moment, tick=False).start()
    paths = [CHILD_PATH, *filter(None, [os.environ.get("PYTHONPATH")])]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)


def pytest_report_header(config):
    moment = config.stash.get(INSTANT, None)
    if moment is not None:
        local = moment.astimezone(QUEBEC)
        return f"clock: every test starts at {local:%A %Y-%m-%d %H:%M %Z} (Québec)"
    return None


@pytest.fixture(autouse=True)
def _clock(request):
    moment = request.config.stash.get(INSTANT, None)
    if moment is None:
        yield None
        return
    real_ns = time_machine.escape_hatch.time.time_ns()
    with time_machine.travel(moment, tick=True):
        os.environ[CHILD_ENV] = f"{int(moment.timestamp() * 1e9)}:{real_ns}"
        yield moment
    os.environ.pop(CHILD_ENV, None)
