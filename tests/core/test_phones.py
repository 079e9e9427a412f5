"""Phone numbers as people type them: one E.164 form whatever the writing."""

import pytest
from django.core.exceptions import ValidationError

from core.phones import display_phone, normalize_phone


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("819 555 0142", "+18195550142"),
        ("+52 55 1234 5678", "+525512345678"),
        ("+502 5551 2345", "+50255512345"),
        # Mexico dropped the mobile "1" after +52 in 2019–2020; people (and WhatsApp,
        # which still reports Mexican senders as +521…) keep writing it.
        ("+52 1 55 1234 5678", "+525512345678"),
        ("+5215512345678", "+525512345678"),
        ("+52 1 998 123 4567", "+529981234567"),
        ("011 52 1 33 1234 5678", "+523312345678"),
    ],
)
def test_numbers_are_stored_in_e164(typed, stored):
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "+52 1 1234 5678",  # the "1" and too few digits after it
        "+52 1 00 1234 5678",  # no such area code, with or without the "1"
        "12",
        "bonjour",
    ],
)
def test_what_is_not_a_number_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        normalize_phone(typed)
    assert error.value.code == "invalid_phone"


def test_an_old_mexican_mobile_reads_like_the_new_one():
    assert display_phone(normalize_phone("+52 1 55 1234 5678")) == "+52 55 1234 5678"
