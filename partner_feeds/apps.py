from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerFeedsConfig(AppConfig):
    name = "partner_feeds"
    verbose_name = _("Partner calendars")
    default_auto_field = "django.db.models.BigAutoField"
