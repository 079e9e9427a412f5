"""dispatch_outbox --loop prunes the database queue's finished task results."""

import datetime as dt

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.management.commands.dispatch_outbox import prune_task_results
from rsvp import tasks

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
}


def finished(days_ago):
    result = tasks.erase_expired_rsvps.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.SUCCESSFUL,
        finished_at=timezone.now() - dt.timedelta(days=days_ago),
    )
    return result.id


@pytest.mark.django_db
def test_without_the_database_queue_nothing_is_pruned():
    # prune_db_task_results refuses any other backend: the immediate one keeps nothing.
    prune_task_results()


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE, ENSEMBLE_TASK_RESULTS_KEEP_DAYS=1)
def test_results_older_than_kept_days_are_deleted():
    old, recent = finished(days_ago=3), finished(days_ago=0)
    waiting = tasks.erase_expired_rsvps.enqueue().id
    prune_task_results()
    kept = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert kept == {str(recent), str(waiting)}
    assert str(old) not in kept
