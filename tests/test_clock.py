"""`pytest --clock INSTANT` (tests/clock.py): the tests, and the processes they start,
see that instant rather than today."""

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine

from tests.clock import CHILD_ENV, CHILD_PATH, parse_instant

pytest_plugins = ["pytester"]

REPO = str(Path(__file__).resolve().parent.parent)


def test_an_instant_without_offset_is_quebec_time():
    # The spring change: 01:30 is still standard time (UTC−5).
    assert parse_instant("2027-03-14T01:30") == dt.datetime(2027, 3, 14, 6, 30, tzinfo=dt.UTC)
    assert parse_instant("2027-07-31T22:00+00:00").utcoffset() == dt.timedelta(0)
    with pytest.raises(pytest.UsageError, match="ISO 8601"):
        parse_instant("next saturday")


def test_a_process_a_test_starts_reads_the_same_clock():
    instant = dt.datetime(2031, 1, 4, 12, 0, tzinfo=dt.UTC)
    # The real time at which the test's clock read `instant`, as the plugin records it.
    hatch = time_machine.escape_hatch
    real_ns = hatch.time.time_ns() if hatch.is_travelling() else time.time_ns()
    env = {
        **os.environ,
        CHILD_ENV: f"{int(instant.timestamp() * 1e9)}:{real_ns}",
        "PYTHONPATH": CHILD_PATH,
    }
    seen = subprocess.run(
        [sys.executable, "-c", "import time; print(time.time())"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    elapsed = float(seen) - instant.timestamp()
    assert 0 <= elapsed < 120, f"the child's clock is {elapsed:.0f} s from the test's"


def test_every_test_starts_at_the_instant(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", REPO)
    monkeypatch.delenv("ENSEMBLE_TEST_CLOCK", raising=False)
    pytester.makepyfile(
        """
        import datetime as dt
        import time

        def test_first():
            assert dt.date.today() == dt.date(2031, 1, 4)

        def test_second_starts_there_again():
            time.sleep(0.01)
            assert dt.datetime.now(dt.UTC).hour == 17  # 12:00 in Québec, winter
        """
    )
    result = pytester.runpytest_subprocess(
        "-p", "tests.clock", "-p", "no:django", "--clock", "2031-01-04T12:00"
    )
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["clock: every test starts at Saturday 2031-01-04 12:00 EST*"])
