"""Scale-out: two gunicorn servers and two RQ workers (started from the Procfile, with
the production settings, DEBUG off) on one PostgreSQL and one Redis.

RSVPs racing across both servers never oversell; a publish purges the shared cache for
both servers; a feed built once is served by both; rate limits count across servers;
a worker killed mid-batch loses no message. Needs PostgreSQL (DATABASE_URL) and Redis
(SCALEOUT_REDIS_URL, else RQ_REDIS_URL, else redis://127.0.0.1:6379/0).
"""

import collections
import datetime as dt
import json
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from events.models import ActivitiesIndexPage, EventDate
from rsvp.models import MessageStatus, OutboxMessage, Rsvp, RsvpStatus
from tests.deploy.cluster import Cluster, wait_for
from tests.factories import EventFactory
from tests.notifications.helpers import a_date, rsvp_on
from tests.processes import postgres_url, redis_or_skip
from tests.rsvp_helpers import phone

REDIS_URL = os.environ.get(
    "SCALEOUT_REDIS_URL", os.environ.get("RQ_REDIS_URL", "redis://127.0.0.1:6379/0")
)
SEATS = 5
RACERS = 24
IP_RATE = 6
LEASE = 8
THREADS = 2

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.scaleout,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def cluster(tmp_path, site_tree):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): the servers share the database")
    redis_or_skip(REDIS_URL)
    cluster = Cluster(
        postgres_url(),
        REDIS_URL,
        tmp_path,
        ENSEMBLE_RSVP_MIN_FILL_SECONDS="0",
        ENSEMBLE_RSVP_RATE_IP=f"{IP_RATE}/h",
        ENSEMBLE_OUTBOX_LEASE_SECONDS=str(LEASE),
        ENSEMBLE_OUTBOX_THREADS=str(THREADS),
        ENSEMBLE_OUTBOX_BATCH_SIZE="10",
        ENSEMBLE_DISPATCH_SECONDS="1",
    )
    cluster.release()
    try:
        cluster.servers = [cluster.web("web-1"), cluster.web("web-2")]
        cluster.start("worker", "worker-1")
        cluster.start("worker", "worker-2")
        cluster.start("dispatcher", "dispatcher")
        yield cluster
    finally:
        cluster.stop_all()
        forget_redis_keys(cluster)


def forget_redis_keys(cluster):
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for pattern in (f"{cluster.env['CACHE_KEY_PREFIX']}:*", f"rq:*{cluster.queue}*"):
        keys = list(client.scan_iter(pattern))
        if keys:
            client.delete(*keys)


# -- a visitor on one server ---------------------------------------------------------


def rsvp_path(page):
    with translation.override("fr"):
        return reverse("events_rsvp", args=[page.pk])


def hidden(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


class Visitor:
    """Shows the form once on a server (cookie, CSRF token, stamp), then posts it."""

    def __init__(self, server, page):
        self.url = server + rsvp_path(page)
        shown = requests.get(self.url, timeout=10)
        assert shown.status_code == 200, shown.text[-2000:]
        html = shown.text
        # The cookie is Secure (production): sent here by hand over plain HTTP.
        self.cookie = f"csrftoken={shown.cookies['csrftoken']}"
        self.fields = {
            "csrfmiddlewaretoken": hidden(html, "csrfmiddlewaretoken"),
            "person-stamp": hidden(html, "person-stamp"),
        }

    def register(self, date, ip, **fields):
        data = {
            **self.fields,
            "kind": "person",
            "person-date": date.pk,
            "person-first_name": "Ana",
            "person-phone": phone(),
            "person-party_size": 1,
            "person-reminder": "sms",
            "person-consent": "on",
            **{f"person-{k}": v for k, v in fields.items()},
        }
        headers = {"Cookie": self.cookie, "X-Real-IP": ip}
        return requests.post(self.url, data=data, headers=headers, timeout=30).status_code


def published_event(**fields):
    event = EventFactory(**fields)
    event.save_revision().publish()
    return event, EventDate.objects.for_event(event).get()


# -- the checks, in one run of the processes ------------------------------------------


def check_racing_rsvps_never_oversell(cluster):
    event, date = published_event(capacity=SEATS, waitlist_allowed=False)
    visitors = [Visitor(server, event) for server in cluster.servers]
    start = threading.Barrier(RACERS)

    def race(n):
        start.wait()
        return visitors[n % 2].register(date, ip=f"198.51.100.{n + 1}")

    with ThreadPoolExecutor(RACERS) as pool:
        statuses = collections.Counter(pool.map(race, range(RACERS)))
    confirmed = Rsvp.objects.filter(date=date, status=RsvpStatus.CONFIRMED).count()
    assert confirmed == SEATS, statuses
    # The others are refused: "full" (409), or, once the page knows the date is full,
    # the date is no longer among the form's choices (400).
    assert statuses[200] == SEATS and statuses[400] + statuses[409] == RACERS - SEATS, statuses


def organization_option(server, index_url, slug):
    html = requests.get(server + index_url, timeout=10).text
    return re.search(rf'<option value="{slug}"[^>]*>([^<]*)</option>', html).group(1)


def check_publish_purges_the_cache_of_both_servers(cluster, settings):
    event, _date = published_event()
    org = event.get_parent().specific
    index_url = ActivitiesIndexPage.objects.get(locale=org.locale).url
    first, second = cluster.servers
    assert organization_option(first, index_url, org.slug) == org.title
    # Changed behind the cache's back: the second server still answers from the cache
    # the first one filled.
    type(org).objects.filter(pk=org.pk).update(title="Nouveau nom")
    assert organization_option(second, index_url, org.slug) == org.title
    # Published through Wagtail with the deployment's cache: both see the change.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": cluster.env["CACHE_KEY_PREFIX"],
        }
    }
    org.refresh_from_db()
    org.title = "AIDE Estrie"
    org.save_revision().publish()
    for server in cluster.servers:
        assert organization_option(server, index_url, org.slug) == "AIDE Estrie"


def check_a_feed_is_built_once_for_both_servers(cluster):
    def fetch(n):
        server = cluster.servers[n % 2]
        response = requests.get(f"{server}/feeds/events.ics?region=05", timeout=30)
        assert response.status_code == 200, response.text[-1000:]
        return response.content

    with ThreadPoolExecutor(6) as pool:
        bodies = set(pool.map(fetch, range(6)))
    assert len(bodies) == 1 and b"BEGIN:VCALENDAR" in bodies.pop()
    builds = [line for line in cluster.web_logs().splitlines() if "calendar feed built" in line]
    assert len(builds) == 1, builds
    # Every line the servers wrote, gunicorn's own included, is one JSON object.
    for line in cluster.web_logs().splitlines():
        assert isinstance(json.loads(line), dict), line


def check_rate_limits_hold_across_servers(cluster):
    event, date = published_event(capacity=None)
    visitors = [Visitor(server, event) for server in cluster.servers]
    statuses = [visitors[n % 2].register(date, ip="203.0.113.9") for n in range(IP_RATE + 2)]
    # Each server saw only half the requests: alone, neither would have refused any.
    assert statuses == [200] * IP_RATE + [429, 429], statuses


def sent_references(cluster):
    counts = collections.Counter()
    if cluster.sms_path.exists():
        for line in cluster.sms_path.read_text().splitlines():
            counts[json.loads(line)["reference"]] += 1
    return counts


def busy_worker(cluster):
    """(name, job id) of one of our workers that has just started a batch, or None.

    "Just": a batch takes about half a second there, so the kill lands mid-batch."""
    import redis
    from rq import Worker
    from rq.job import Job

    client = redis.Redis.from_url(REDIS_URL)
    pids = {cluster.processes[name].pid: name for name in ("worker-1", "worker-2")}
    for worker in Worker.all(connection=client):
        job_id = worker.get_current_job_id()
        if worker.pid not in pids or not job_id:
            continue
        started = Job.fetch(job_id, connection=client).started_at
        if (
            started
            and (dt.datetime.now(dt.UTC) - started.replace(tzinfo=dt.UTC)).total_seconds() < 0.2
        ):
            return pids[worker.pid], job_id
    return None


def job_status(job_id):
    import redis
    from rq.job import Job

    return Job.fetch(job_id, connection=redis.Redis.from_url(REDIS_URL)).get_status()


def check_a_killed_worker_loses_nothing(cluster):
    date = a_date(capacity=None)
    for _ in range(60):
        rsvp_on(date, phone=phone())
    OutboxMessage.objects.update(due_at=timezone.now() - dt.timedelta(minutes=1))
    found = []
    assert wait_for(lambda: found.append(busy_worker(cluster)) or found[-1], 60, 0.02), (
        "no worker was ever seen starting a batch"
    )
    name, job_id = found[-1]
    cluster.kill(name)
    assert job_status(job_id) == "started", "the kill did not land mid-batch"
    done = wait_for(
        lambda: not OutboxMessage.objects.exclude(status=MessageStatus.SENT).exists(), LEASE + 60
    )
    assert done, "not every message was sent by the surviving worker"
    counts = sent_references(cluster)
    references = {f"outbox-{pk}" for pk in OutboxMessage.objects.values_list("pk", flat=True)}
    assert set(counts) == references
    twice = [reference for reference, count in counts.items() if count > 1]
    assert len(twice) <= THREADS, twice


def test_two_servers_and_two_workers_share_the_work(cluster, settings):
    check_racing_rsvps_never_oversell(cluster)
    check_a_feed_is_built_once_for_both_servers(cluster)
    check_rate_limits_hold_across_servers(cluster)
    check_publish_purges_the_cache_of_both_servers(cluster, settings)
    check_a_killed_worker_loses_nothing(cluster)
