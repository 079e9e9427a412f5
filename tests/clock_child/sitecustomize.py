"""A process started by a test run under ``--clock`` (see tests/clock.py) reads the same
clock as the test: the test's instant plus the real time elapsed since the test began."""

import os
import time

_at = os.environ.get("ENSEMBLE_TEST_CLOCK_AT")
if _at:
    import time_machine

    _instant_ns, _started_ns = (int(part) for part in _at.split(":"))
    time_machine.travel((_instant_ns + time.time_ns() - _started_ns) / 1e9, tick=True).start()
