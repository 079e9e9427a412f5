"""Activity categories: a translatable snippet with a pictogram."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Pictogram(models.TextChoices):
    OUTING = "outing", _("Outing")
    SPORT = "sport", _("Sport")
    COOKING = "cooking", _("Cooking")
    INFO_SESSION = "info-session", _("Info session")
    LEGAL_CLINIC = "legal-clinic", _("Legal clinic")
    HEALTH_CLINIC = "health-clinic", _("Health clinic")
    CELEBRATION = "celebration", _("Celebration")
    FRENCH_CLASS = "french-class", _("French class")
    OTHER = "other", _("Other")


class Category(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(
        _("slug"),
        max_length=40,
        help_text=_("Short code used in addresses and filters; the same in every language."),
    )
    pictogram = models.CharField(
        _("pictogram"), max_length=20, choices=Pictogram.choices, default=Pictogram.OTHER
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("pictogram"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_locale"),
        ]

    def __str__(self):
        return self.name
