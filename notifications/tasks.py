"""Sending tasks (django-tasks).

`send_outbox_batch` is enqueued by `manage.py dispatch_outbox`; its correctness
comes from the outbox rows' claim, not from the task queue (docs/notifications.md).
`send_outbox_message` (one row a task) is what dispatchers enqueued before batches.
A task queued under an older module path fails to load; its rows are claimed again
when their lease ends, like any row whose worker stopped.
"""

from django_tasks import task

from notifications.services import dispatch, sending


@task()
def send_outbox_message(message_id, claim):
    return str(dispatch.send_one(message_id, claim))


@task()
def send_outbox_batch(claim, message_ids):
    return sending.send_batch(claim, message_ids)
