from django.core.management.base import BaseCommand

from demo.scale import load_scale
from demo.site import ensure_categories, ensure_site


class Command(BaseCommand):
    help = "Load bulk organizations, events and dates for benchmarks (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--organizations", type=int, default=100)
        parser.add_argument("--events", type=int, default=2000)
        parser.add_argument("--dates", type=int, default=5000)

    def handle(self, *args, **options):
        from events.models import EventDate

        ensure_categories()
        ensure_site()
        load_scale(options["organizations"], options["events"], options["dates"])
        self.stdout.write(f"{EventDate.objects.count()} dates in the database.")
