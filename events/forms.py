"""The activities filter form: a plain GET form, read by events.services.discovery.

It only validates single values; deciding what to do with bad ones (ignore them and
say so) is the discovery service's job, so this form never raises on its own.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.languages import LanguageCode
from events.places import DEFAULT_KM, KM_CHOICES
from organizations.models import Region

WHEN_CHOICES = [
    ("", _("Any date")),
    ("today", _("Today")),
    ("weekend", _("This weekend")),
    ("week", _("Next 7 days")),
    ("month", _("This month")),
    ("range", _("Between two dates")),
]

ALL_REGIONS = ("", _("All regions"))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class FilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        strip=True,
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": 100, "enterkeyhint": "search"}
        ),
    )
    when = forms.ChoiceField(label=_("When"), required=False, choices=WHEN_CHOICES)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[ALL_REGIONS, *Region.choices]
    )
    near = forms.CharField(
        label=_("Near (town or postal code)"),
        required=False,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "maxlength": 80,
                "autocomplete": "postal-code",
                "enterkeyhint": "search",
                "aria-describedby": "near-help",
            }
        ),
    )
    km = forms.TypedChoiceField(
        label=_("Within"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[(km, f"{km} km") for km in KM_CHOICES],
        initial=DEFAULT_KM,
    )
    category = forms.ChoiceField(label=_("Kind of activity"), required=False)
    organization = forms.ChoiceField(label=_("Organization"), required=False)
    language = forms.ChoiceField(
        label=_("Language spoken"),
        required=False,
        choices=[("", _("Any language")), *LanguageCode.choices],
    )
    transport = forms.BooleanField(label=_("Ride provided"), required=False)
    free = forms.BooleanField(label=_("Free"), required=False)

    field_order = [
        "q",
        "when",
        "from",
        "to",
        "region",
        "near",
        "km",
        "category",
        "organization",
        "language",
    ]

    def __init__(self, *args, categories=(), organizations=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # "from" and "to" are Python keywords, so they cannot be class attributes.
        self.fields["from"] = forms.DateField(
            label=_("From"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
        )
        self.fields["to"] = forms.DateField(
            label=_("To"), required=False, widget=DateInput(), input_formats=["%Y-%m-%d"]
        )
        self.fields["category"].choices = [("", _("All kinds")), *categories]
        self.fields["organization"].choices = [("", _("All organizations")), *organizations]
        self.order_fields(self.field_order)
        for name in ("transport", "free"):
            self.fields[name].widget.attrs["value"] = "1"


class RegionForm(forms.Form):
    """The home page's region picker: a GET form that the site remembers."""

    region = forms.ChoiceField(
        label=_("Your region"), required=False, choices=[ALL_REGIONS, *Region.choices]
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("auto_id", "region-%s")
        super().__init__(*args, **kwargs)
        self.fields["region"].widget.attrs["aria-describedby"] = "region-help"
