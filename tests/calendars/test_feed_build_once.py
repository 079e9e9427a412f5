"""Many requests for the same missing feed build it once (a big feed takes seconds)."""

import threading
import time

import pytest
from django.core.cache import cache

from calendars import feeds


@pytest.fixture
def slow_build(monkeypatch):
    calls = []

    def build(feed):
        calls.append(feed)
        time.sleep(0.4)
        return b"BEGIN:VCALENDAR"

    monkeypatch.setattr(feeds, "build", build)
    cache.clear()
    yield calls
    cache.clear()


def ask_together(print_, count):
    bodies = []
    start = threading.Barrier(count)

    def ask():
        start.wait()
        bodies.append(feeds.feed_bytes("feed", print_, poll=0.02))

    threads = [threading.Thread(target=ask) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return bodies


def fingerprint(key):
    return feeds.Fingerprint(etag='"x"', last_modified=None, cache_key=key)


def test_simultaneous_requests_build_the_feed_once(slow_build):
    bodies = ask_together(fingerprint("calendar-feed:test-once"), 6)
    assert bodies == [b"BEGIN:VCALENDAR"] * 6
    assert len(slow_build) == 1


def test_a_builder_that_died_does_not_block_the_feed(slow_build, monkeypatch):
    monkeypatch.setattr(feeds, "BUILD_WAIT_SECONDS", 0.1)
    cache.add("calendar-feed:test-dead:building", 1, 60)  # its builder never finished
    assert feeds.feed_bytes("feed", fingerprint("calendar-feed:test-dead"), poll=0.02)
    assert len(slow_build) == 1
