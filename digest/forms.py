"""The weekly digest's public forms: subscribe (phone or e-mail), and the SMS code."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.phones import normalize_phone
from organizations.models import Region
from rsvp.forms import ContactFieldsMixin, email_field, phone_field
from rsvp.models import MessageChannel


class SubscribeForm(ContactFieldsMixin, forms.Form):
    phone = phone_field()
    email = email_field()
    regions = forms.MultipleChoiceField(
        label=_("Regions"),
        choices=Region.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one region."),
            "invalid_choice": _("Choose regions from the list."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the messages"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    # Anti-spam, as on the RSVP form: people never see or fill "website"; "stamp" is
    # when the form was shown.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    def clean(self):
        data = super().clean()
        phone, email = data.get("phone"), data.get("email")
        if "phone" in self.errors or "email" in self.errors:
            return data
        if not phone and not email:
            self.add_error("phone", _("Give a mobile phone number or an e-mail address."))
        elif phone and email:
            self.add_error(
                "email",
                _("Give only one: a mobile phone number or an e-mail address, not both."),
            )
        return data

    @property
    def channel(self):
        return MessageChannel.SMS if self.cleaned_data.get("phone") else MessageChannel.EMAIL

    @property
    def contact(self):
        return self.cleaned_data.get("phone") or self.cleaned_data.get("email")


class CodeForm(forms.Form):
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    code = forms.CharField(
        label=_("Code received by text message"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": 8}
        ),
    )

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"].strip())

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isascii() and code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the 6 digits of the code."), code="invalid_code")
        return code
