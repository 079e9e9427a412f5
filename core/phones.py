"""Phone numbers: parse what people type, keep E.164, build tel: and WhatsApp links."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "CA"


def normalize_phone(value, region=DEFAULT_REGION):
    """Return the number in E.164 form, or raise ValidationError.

    Canadian by default, but "+52 …" (Mexico), "+502 …" (Guatemala) and any other
    number written with its country code is accepted.
    """
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value):
    normalize_phone(value)


def display_phone(e164):
    """National format for Canadian numbers, international for the others."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def tel_url(e164):
    return f"tel:{e164}" if e164 else ""


def whatsapp_url(e164, text=""):
    if not e164:
        return ""
    from urllib.parse import quote

    url = f"https://wa.me/{e164.lstrip('+')}"
    return f"{url}?text={quote(text)}" if text else url
