"""Background tasks (django-tasks). Run daily, e.g. from cron:
`manage.py erase_expired_rsvps`, or enqueue `erase_expired_rsvps` from a scheduler.

`send_outbox_message` is enqueued by `manage.py dispatch_outbox`; its correctness
comes from the outbox row's claim, not from the task queue (docs/notifications.md).
"""

from django_tasks import task

from events.services import dispatch, retention


@task()
def erase_expired_rsvps():
    return retention.erase_expired()


@task()
def send_outbox_message(message_id, claim):
    return str(dispatch.send_one(message_id, claim))
