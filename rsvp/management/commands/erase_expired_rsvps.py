from django.core.management.base import BaseCommand

from rsvp.services import retention


class Command(BaseCommand):
    help = "Erase names and contacts of RSVPs past the retention period (keeps counts)."

    def handle(self, *args, **options):
        count = retention.erase_expired()
        self.stdout.write(f"{count} registration(s) erased.")
