"""The task queue's Redis down (RQ, RQ_REDIS_URL at a port where nothing listens): the
admin still publishes, Wagtail's index tasks run in the request instead, other tasks are
refused with QueueUnavailable, and the outage is logged once (docs/deploy.md, "Cache
outage")."""

import logging

import pytest
from django.urls import reverse
from django_tasks import task_backends
from wagtail.models import ReferenceIndex

from core.task_queue import QueueUnavailable, ResilientRQBackend
from events.models import EventPage
from notifications import tasks
from tests.factories import EventFactory, staff_of
from tests.notifications.test_reminder_times import edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(site_tree, client):
    event = EventFactory()
    event.save_revision().publish()
    client.force_login(staff_of(event.get_parent().specific))
    return client, EventPage.objects.get(pk=event.pk)


def publish(client, event, title):
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    return client.post(url, edit_form(event, title=title, start_time="10:30", end_time="15:00"))


def test_an_editor_publishes_through_the_admin(editor, cache_down, queue_down):
    client, event = editor
    ReferenceIndex.objects.all().delete()
    response = publish(client, event, "Randonnée au mont Pinacle")
    assert response.status_code == 302, response.status_code
    page = EventPage.objects.get(pk=event.pk)
    assert page.live and page.title == "Randonnée au mont Pinacle"
    assert not page.has_unpublished_changes
    # Wagtail's own tasks ran in the request: the search index knows the new title,
    # and the reference index (emptied above) the page's references again.
    assert list(EventPage.objects.live().search("Pinacle")) == [page]
    assert ReferenceIndex.get_references_for_object(page).exists()


def test_an_editor_publishes_with_only_the_queue_down(editor, queue_down):
    client, event = editor
    assert publish(client, event, "Atelier de cuisine").status_code == 302
    assert EventPage.objects.get(pk=event.pk).title == "Atelier de cuisine"


def test_other_tasks_are_refused_not_run(site_tree, queue_down):
    batch = tasks.send_outbox_batch.using(queue_name="default")
    with pytest.raises(QueueUnavailable):
        batch.enqueue("a-claim", [1, 2])


def test_the_outage_is_logged_once_without_the_url(editor, caplog, queue_down):
    client, event = editor
    with caplog.at_level(logging.INFO):
        for title in ("Première", "Deuxième", "Troisième"):
            assert publish(client, event, title).status_code == 302
        for _ in range(2):
            with pytest.raises(QueueUnavailable):
                tasks.send_outbox_batch.enqueue("a-claim", [1])
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    started = [line for line in lines if "unreachable" in line]
    assert len(started) == 1, lines
    assert queue_down.removeprefix("redis://").removesuffix("/0") in started[0]
    assert "redis://" not in " ".join(lines)


def test_rq_is_reached_through_the_resilient_backend(queue_down):
    assert isinstance(task_backends["default"], ResilientRQBackend)
