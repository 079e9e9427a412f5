from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and content pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.pages import add_context, serve_with

        from . import checks, signals  # noqa: F401
        from .models import HomePage
        from .page_views import home_context, serve_home

        serve_with(HomePage, serve_home)
        add_context(HomePage, home_context)
