"""Where the test calendars are and how the test server's addresses read."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

FEEDS = Path(__file__).parent / "feeds"
# The test server takes the first free port of these (two test runs may overlap).
PORTS = range(8820, 8829)
SERVER = {"port": None}
# The fixture calendars' dates are in May and June 2027.
BEFORE_THE_FEEDS = dt.datetime(2027, 4, 28, 9, 0, tzinfo=ZoneInfo("America/Toronto"))


def url(path):
    return f"http://127.0.0.1:{SERVER['port']}{path}"
