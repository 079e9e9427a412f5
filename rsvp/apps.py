from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RsvpConfig(AppConfig):
    name = "rsvp"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from rsvp import signals  # noqa: F401
