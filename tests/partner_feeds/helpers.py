"""Where the test calendars are and how the test server's addresses read."""

import datetime as dt
import http.server
import threading
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


def serve(handler, ports, wrap=None):
    """A threading HTTP server on the first free port of `ports`, serving in a thread;
    `wrap` may replace its listening socket (with a TLS one)."""
    for port in ports:
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
            break
        except OSError:
            continue
    else:
        raise AssertionError("no free port for a test server")
    if wrap is not None:
        server.socket = wrap(server.socket)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server):
    server.shutdown()
    server.server_close()
