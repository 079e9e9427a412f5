"""Numbers read from requests: what str.isdigit() lets through, int() refuses."""

import pytest

from core.numbers import MAX_INT, whole_number


@pytest.mark.parametrize("value", ["²", "①", "١٢", "12a", "", " 1", "-1", "1.0", None])
def test_only_plain_ascii_digits_are_numbers(value):
    assert whole_number(value) is None


def test_numbers_past_a_database_integer_are_refused():
    assert whole_number(str(MAX_INT)) == MAX_INT
    assert whole_number(str(MAX_INT + 1)) is None
    assert whole_number("9" * 40) is None
    assert whole_number("7", maximum=5) is None
    assert whole_number("0042") == 42
