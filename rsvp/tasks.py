"""Background tasks (django-tasks). Run daily, e.g. from cron:
`manage.py erase_expired_rsvps`, or enqueue `erase_expired_rsvps` from a scheduler."""

from django_tasks import task

from rsvp.services import retention


@task()
def erase_expired_rsvps():
    return retention.erase_expired()
