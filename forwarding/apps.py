from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForwardingConfig(AppConfig):
    name = "forwarding"
    verbose_name = _("Passing activities on")
    default_auto_field = "django.db.models.BigAutoField"
