import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.chromium import browser  # noqa: F401  (shared by every browser test)
from tests.factories import build_site
from tests.outage import dead_redis_url, deployment_caches, deployment_queue


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the three-language site skeleton once; each test rolls back on top of it."""
    with django_db_blocker.unblock():
        build_site()


@pytest.fixture
def site_tree(db):
    """Home pages, activities index and categories in fr, es and en.

    Rebuilt when a transactional test has flushed the database.
    """
    return build_site()


@pytest.fixture
def cache_down(settings):
    """The deployment's Redis cache (REDIS_URL), with nothing listening at its address:
    what every web process sees while Redis is down."""
    url = dead_redis_url()
    settings.CACHES = deployment_caches(url)
    return url


@pytest.fixture
def queue_down(settings):
    """The task queue on RQ (TASKS_BACKEND=django_tasks_rq.RQBackend), with nothing
    listening at its Redis's address (RQ_REDIS_URL): every enqueue meets the outage."""
    url = dead_redis_url()
    settings.TASKS, settings.RQ_QUEUES = deployment_queue(url)
    return url


# Thursday 26 November 2026, 15:00 in Québec: ISO week 48, the digest's hour; the
# weekend is the 28th and 29th, and every month and day name of that week is in the
# GSM-7 alphabet.
A_THURSDAY = dt.datetime(2026, 11, 26, 15, 0, tzinfo=ZoneInfo("America/Toronto"))


@pytest.fixture
def known_week(time_machine):
    """For tests whose expected text depends on the words of a date: the length of an
    SMS does ("août" has a letter outside GSM-7, which halves a segment). The clock
    starts on A_THURSDAY and runs on."""
    time_machine.move_to(A_THURSDAY, tick=True)
    return A_THURSDAY
