"""The public RSVP forms (one person or family; a group) and their anti-spam helpers."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from core.phones import normalize_phone
from rsvp.models import ReminderChannel, Rsvp
from rsvp.services.seats import SeatRequest

STAMP_SALT = "events.rsvp.form-stamp"
STAMP_MAX_AGE = 24 * 3600


def make_stamp():
    return signing.dumps(time.time(), salt=STAMP_SALT)


def stamp_age(value):
    """Seconds since the form was shown, or None if the stamp is missing or forged."""
    try:
        shown = signing.loads(value or "", salt=STAMP_SALT, max_age=STAMP_MAX_AGE)
        return time.time() - float(shown)
    except (signing.BadSignature, TypeError, ValueError):
        return None


def filled_too_fast(data):
    age = stamp_age(data.get("stamp"))
    return age is None or age < settings.ENSEMBLE_RSVP_MIN_FILL_SECONDS


def is_honeypot_filled(data):
    return bool(data.get("website"))


def phone_field():
    return forms.CharField(
        label=_("Mobile phone"),
        required=False,
        max_length=30,
        help_text=_("Canada, Mexico, Guatemala…: write the country code if it is not Canada."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )


def email_field():
    # Django's form field takes up to 320 characters; the column holds 254 (the longest
    # address mail servers accept), and PostgreSQL refuses a longer value outright.
    return forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=Rsvp._meta.get_field("email").max_length,
        error_messages={
            "max_length": _("This e-mail address is too long: %(limit_value)d characters at most.")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ContactFieldsMixin:
    """Phone and e-mail (declare them with phone_field() and email_field()), normalized."""

    def clean_phone(self):
        value = self.cleaned_data.get("phone", "").strip()
        return normalize_phone(value) if value else ""

    def clean_email(self):
        return self.cleaned_data.get("email", "").strip().lower()

    def check_reminder_contact(self, data):
        """Reminders need their contact: SMS and WhatsApp a phone, e-mail an address."""
        reminder, phone, email = data.get("reminder"), data.get("phone"), data.get("email")
        if reminder == ReminderChannel.SMS and not phone and "phone" not in self.errors:
            self.add_error("reminder", _("For text messages, give a mobile phone number."))
        if reminder == ReminderChannel.WHATSAPP and not phone and "phone" not in self.errors:
            self.add_error("reminder", _("For WhatsApp, give your mobile phone number."))
        if reminder == ReminderChannel.EMAIL and not email and "email" not in self.errors:
            self.add_error("reminder", _("For e-mails, give an e-mail address."))


class BaseRsvpForm(ContactFieldsMixin, forms.Form):
    date = forms.TypedChoiceField(
        label=_("Which date?"), coerce=int, widget=forms.RadioSelect, empty_value=None
    )
    first_name = forms.CharField(label=_("First name"), max_length=80)
    phone = phone_field()
    email = email_field()
    party_size = forms.IntegerField(label=_("How many people, you included?"), min_value=1)
    needs_transport = forms.BooleanField(label=_("I need transport"), required=False)
    pickup = forms.ChoiceField(label=_("Pickup point"), required=False, widget=forms.RadioSelect)
    reminder = forms.ChoiceField(
        label=_("Remind me by"),
        choices=ReminderChannel.choices,
        initial=ReminderChannel.SMS,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label=_("I agree"))
    # Anti-spam: people never see or fill "website"; "stamp" is when the form was shown.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    stamp = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, date_choices=(), pickups=(), max_party=4, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].choices = list(date_choices)
        if len(self.fields["date"].choices) == 1 and not self.is_bound:
            self.fields["date"].initial = self.fields["date"].choices[0][0]
        self.fields["pickup"].choices = [(str(p.translation_key), str(p)) for p in pickups]
        if not pickups:
            del self.fields["pickup"]
        self.fields["party_size"].validators.append(MaxValueValidator(max_party))
        self.fields["party_size"].widget.attrs.update(min=1, max=max_party)
        self.fields["party_size"].initial = 1
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        # The consent sentence above the checkbox is its description.
        self.fields["consent"].widget.attrs["aria-describedby"] = f"{self['consent'].auto_id}_why"

    def clean(self):
        data = super().clean()
        phone, email = data.get("phone"), data.get("email")
        if not phone and not email and "phone" not in self.errors and "email" not in self.errors:
            self.add_error("phone", _("Give a mobile phone number or an e-mail address."))
        self.check_reminder_contact(data)
        if data.get("needs_transport") and "pickup" in self.fields and not data.get("pickup"):
            self.add_error("pickup", _("Choose where you will take the ride."))
        return data

    def seat_request(self, language, **extra):
        data = self.cleaned_data
        needs = data.get("needs_transport", False)
        return SeatRequest(
            first_name=data.get("first_name", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            party_size=data["party_size"],
            pickup_key=(data.get("pickup") or None) if needs else None,
            needs_transport=needs,
            reminder=data["reminder"],
            language=language,
            **extra,
        )


class RsvpForm(BaseRsvpForm):
    field_order = ["date", "first_name", "phone", "email", "party_size"]


class GroupRsvpForm(BaseRsvpForm):
    """A farm owner or crew leader registering workers they bring: phone is required."""

    group_label = forms.CharField(
        label=_("Name of the group"),
        max_length=120,
        help_text=_("For example: 6 workers from Ferme Tremblay"),
    )
    field_order = ["date", "group_label", "first_name", "phone", "email", "party_size"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].label = _("Your first name")
        self.fields["phone"].required = True
        self.fields["party_size"].label = _("How many workers, you included?")

    def clean_phone(self):
        value = super().clean_phone()
        if not value:
            raise ValidationError(_("Give a mobile phone number."), code="required")
        return value

    def seat_request(self, language, **extra):
        return super().seat_request(
            language, is_group=True, group_label=self.cleaned_data["group_label"], **extra
        )


class ChangeForm(forms.Form):
    party_size = forms.IntegerField(label=_("How many people, you included?"), min_value=1)
    needs_transport = forms.BooleanField(label=_("I need transport"), required=False)
    pickup = forms.ChoiceField(label=_("Pickup point"), required=False, widget=forms.RadioSelect)

    def __init__(self, *args, pickups=(), max_party=4, date=None, **kwargs):
        super().__init__(*args, **kwargs)
        # One registration, one date: each point with its time on that date.
        self.fields["pickup"].choices = [
            (str(p.translation_key), p.label_on(date) if date else str(p)) for p in pickups
        ]
        if not pickups:
            del self.fields["pickup"]
        self.fields["party_size"].validators.append(MaxValueValidator(max_party))
        self.fields["party_size"].widget.attrs.update(min=1, max=max_party)

    def clean(self):
        data = super().clean()
        if data.get("needs_transport") and "pickup" in self.fields and not data.get("pickup"):
            self.add_error("pickup", _("Choose where you will take the ride."))
        return data
