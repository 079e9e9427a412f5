"""Languages people may speak at an activity or with an organization's staff.

Stored as space-separated codes in one column ("es fr"): wagtail-localize does not
synchronize many-to-many fields into translations, while a plain column travels with
the other synchronized fields, and `__contains="es"` stays a one-table filter.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageCode(models.TextChoices):
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    PORTUGUESE = "pt", _("Portuguese")


def split_codes(value):
    return [code for code in (value or "").split() if code in LanguageCode.values]


def language_names(value):
    labels = dict(LanguageCode.choices)
    return [labels[code] for code in split_codes(value)]


class LanguageSetFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return split_codes(value) if isinstance(value, str) else value

    def clean(self, value):
        codes = super().clean(value)
        order = list(LanguageCode.values)
        return " ".join(sorted(set(codes), key=order.index))


class LanguageSetField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return LanguageSetFormField(
            choices=LanguageCode.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )
