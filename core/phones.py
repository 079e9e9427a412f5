"""Phone numbers: parse what people type, keep E.164, build tel: and WhatsApp links."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "CA"
MEXICO = 52


def normalize_phone(value, region=DEFAULT_REGION):
    """Return the number in E.164 form, or raise ValidationError.

    Canadian by default, but "+52 …" (Mexico), "+502 …" (Guatemala) and any other
    number written with its country code is accepted.
    """
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone") from error
    number = without_old_mexican_mobile_one(number)
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number."), code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def without_old_mexican_mobile_one(number):
    """ "+52 1 55 1234 5678" is "+52 55 1234 5678".

    Until 2019–2020 a Mexican mobile was dialled from abroad with a "1" after +52;
    the plan dropped it, and phonenumbers now finds "+52 1 …" invalid. People still
    write it, and WhatsApp still reports Mexican senders as +521…: the number without
    the "1" is the one stored (so a reply finds the registration), when it is valid.
    """
    national = str(number.national_number)
    if number.country_code != MEXICO or len(national) != 11 or not national.startswith("1"):
        return number
    if phonenumbers.is_valid_number(number):
        return number
    current = phonenumbers.PhoneNumber(country_code=MEXICO, national_number=int(national[1:]))
    return current if phonenumbers.is_valid_number(current) else number


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
