"""A Redis outage, end to end: the site started as it is deployed (the Procfile's
release and web lines: gunicorn, the production settings, DEBUG off) with REDIS_URL and
the task queue (TASKS_BACKEND=django_tasks_rq.RQBackend, RQ_REDIS_URL) at a port where
nothing listens. Public pages, the feed, the RSVP form (a POST with its CSRF token,
which takes a seat) and the admin (log in, dashboard, page editor, publishing a page)
answer without a 5xx, /healthz says "degraded" with a 200, and each server process logs
each outage once (docs/deploy.md#cache-outage).

Needs no Redis: the point is that there is none. On SQLite the servers share a copy of
the test database in a file; with DATABASE_URL (PostgreSQL), the test database itself.
"""

import json
import re
import sqlite3

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from events.models import ActivitiesIndexPage
from rsvp.models import Rsvp
from tests.deploy.cluster import Cluster
from tests.deploy.test_scale_out import Visitor, hidden, published_event
from tests.notifications.test_reminder_times import edit_form
from tests.outage import dead_redis_url
from tests.processes import postgres_url

WEB_PROCESSES = 2
PASSWORD = "pw-chef-2026"

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True)]


def shared_database(tmp_path):
    """The address the servers use for the test's rows."""
    if connection.vendor == "postgresql":
        return postgres_url()
    path = tmp_path / "site.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{path}"


@pytest.fixture
def outage(tmp_path, site_tree):
    event, date = published_event(capacity=5, waitlist_allowed=False)
    chef = get_user_model().objects.create_superuser("chef", "chef@example.org")
    # Hashed as production checks it (the tests' own hasher is not in its list).
    chef.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    chef.save()
    database = shared_database(tmp_path)
    cluster = Cluster(
        database,
        dead_redis_url(),  # the cache's and, as Cluster sets it, the task queue's (RQ)
        tmp_path,
        ENSEMBLE_RSVP_MIN_FILL_SECONDS="0",
        WEB_CONCURRENCY=str(WEB_PROCESSES),
    )
    cluster.release()
    try:
        cluster.server = cluster.web("web")
        cluster.database = database
        cluster.event, cluster.date = event, date
        yield cluster
    finally:
        cluster.stop_all()


class Browser:
    """Keeps the cookies (Secure ones too: production marks them so, and this is plain
    HTTP without the TLS proxy) and sends them back by hand."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def _send(self, method, path, **kwargs):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        response = requests.request(
            method, self.server + path, headers=headers, allow_redirects=False, timeout=30,
            **kwargs,
        )  # fmt: skip
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path):
        return self._send("GET", path)

    def post(self, path, data):
        return self._send("POST", path, data=data)


def confirmed_parties(cluster):
    """Party sizes of the confirmed RSVPs on the date, as the servers wrote them."""
    if not cluster.database.startswith("sqlite:///"):
        rows = Rsvp.objects.filter(date=cluster.date, status="confirmed")
        return sorted(rows.values_list("party_size", flat=True))
    with sqlite3.connect(cluster.database.removeprefix("sqlite:///")) as db:
        rows = db.execute(
            f"SELECT party_size FROM {Rsvp._meta.db_table} WHERE date_id = ? AND status = ?",
            (cluster.date.pk, "confirmed"),
        )
        return sorted(party for (party,) in rows)


def check_public_pages(cluster):
    event = cluster.event
    index = ActivitiesIndexPage.objects.get(locale__language_code="fr").url
    for path in ("/fr/", "/es/", index, event.url, "/sitemap.xml", f"{index}?region=05"):
        response = requests.get(cluster.server + path, timeout=30)
        assert response.status_code == 200, (path, response.status_code)
    assert event.title in requests.get(cluster.server + index, timeout=30).text
    for _ in range(2):
        feed = requests.get(cluster.server + "/feeds/events.ics", timeout=30)
        assert feed.status_code == 200 and event.title in feed.text


def check_rsvp_takes_a_seat(cluster):
    visitor = Visitor(cluster.server, cluster.event)
    statuses = [visitor.register(cluster.date, ip="198.51.100.7", party_size=n) for n in (1, 2)]
    assert statuses == [200, 200]
    assert confirmed_parties(cluster) == [1, 2]


def check_admin(cluster):
    browser = Browser(cluster.server)
    login = browser.get("/admin/login/")
    assert login.status_code == 200
    signed_in = browser.post(
        "/admin/login/",
        {
            "csrfmiddlewaretoken": hidden(login.text, "csrfmiddlewaretoken"),
            "username": "chef",
            "password": PASSWORD,
        },
    )
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/admin/"
    for path in ("/admin/", "/admin/pages/", f"/admin/pages/{cluster.event.pk}/edit/"):
        response = browser.get(path)
        assert response.status_code == 200, (path, response.status_code)
    assert cluster.event.title in response.text
    return browser


def check_publish(cluster, browser):
    """The editor's Publish: Wagtail's index tasks cannot be queued, and run in the
    request instead."""
    event = cluster.event
    path = f"/admin/pages/{event.pk}/edit/"
    shown = browser.get(path)
    form = edit_form(event, title="Randonnée au mont Pinacle", start_time="10:30", end_time="15:00")
    form["csrfmiddlewaretoken"] = hidden(shown.text, "csrfmiddlewaretoken")
    published = browser.post(path, form)
    assert published.status_code == 302, (published.status_code, published.text[-2000:])
    page = requests.get(cluster.server + event.url, timeout=30)
    assert page.status_code == 200 and "Randonnée au mont Pinacle" in page.text


def check_health(cluster):
    response = requests.get(cluster.server + "/healthz", timeout=30)
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "failed"},
    }


def check_logs(cluster):
    lines = [json.loads(line) for line in cluster.web_logs().splitlines()]
    for service in ("cache", "task queue"):
        pattern = rf"^{service} \(Redis at .*\) unreachable"
        started = [line for line in lines if re.search(pattern, line["message"])]
        # Once per server process, whatever the number of requests and calls.
        assert 1 <= len(started) <= WEB_PROCESSES, (service, started)
    assert not [line for line in lines if line["level"] == "ERROR"], lines


def test_the_site_answers_with_its_cache_down(outage):
    check_public_pages(outage)
    check_rsvp_takes_a_seat(outage)
    check_publish(outage, check_admin(outage))
    check_health(outage)
    check_logs(outage)
