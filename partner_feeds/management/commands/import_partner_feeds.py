"""Import every partner calendar once (docs/imports.md); run from cron (deploy/cron)."""

from django.core.management.base import BaseCommand

from partner_feeds.models import PartnerFeed
from partner_feeds.services import importer
from partner_feeds.services.refusals import describe


class Command(BaseCommand):
    help = "Import the events of every partner calendar."

    def handle(self, *args, **options):
        feeds = PartnerFeed.objects.select_related("organization", "category").order_by("pk")
        for feed in feeds:
            feed = importer.run(feed)
            line = f"feed {feed.pk}: {feed.last_status} {feed.last_counts}"
            if feed.last_refusal:
                line += f" {describe(feed.last_refusal)}"
            self.stdout.write(line)
