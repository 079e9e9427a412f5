"""Background tasks (django-tasks). Run daily, e.g. from cron:
`manage.py erase_expired_rsvps`, or enqueue `erase_expired_rsvps` from a scheduler.

`send_outbox_batch` is enqueued by `manage.py dispatch_outbox`; its correctness
comes from the outbox rows' claim, not from the task queue (docs/notifications.md).
`send_outbox_message` (one row a task) is what dispatchers enqueued before batches;
it stays so tasks already queued during an upgrade still run.
"""

from django_tasks import task

from events.services import dispatch, retention, sending


@task()
def erase_expired_rsvps():
    return retention.erase_expired()


@task()
def send_outbox_message(message_id, claim):
    return str(dispatch.send_one(message_id, claim))


@task()
def send_outbox_batch(claim, message_ids):
    return sending.send_batch(claim, message_ids)
