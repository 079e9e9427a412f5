"""Background tasks of partner calendars (django-tasks). `manage.py import_partner_feeds`
runs every feed from cron (deploy/cron); the admin's "Import now" enqueues one."""

from django_tasks import task

from partner_feeds.models import PartnerFeed
from partner_feeds.services import importer


@task()
def import_feed(feed_id):
    feed = PartnerFeed.objects.select_related("organization", "category").filter(pk=feed_id)
    feed = feed.first()
    if feed is None:
        return "gone"
    return importer.run(feed).last_status
