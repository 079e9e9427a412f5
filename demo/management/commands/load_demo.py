from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.loader import load


class Command(BaseCommand):
    help = "Load the demo organizations, staff logins and activities (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when organizations already exist.",
        )

    def handle(self, *args, if_empty=False, **options):
        from organizations.models import OrganizationPage

        if if_empty and OrganizationPage.objects.exists():
            self.stdout.write("Demo data already present.")
            return
        orgs, events = load()
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@ensemble.example", "admin")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {len(orgs)} organizations, {len(events)} activities. "
                "Admin: admin / admin; staff: see README."
            )
        )
