"""Whole numbers read from what a visitor, a provider or a URL sent.

`str.isdigit()` says yes to "²" and "①", which `int()` then refuses with a
ValueError (a 500); a number longer than a database integer overflows the query.
"""

# The largest id or count a database integer column holds on every backend.
MAX_INT = 2_147_483_647


def whole_number(value, maximum=MAX_INT):
    """`value` (a str) as an int when it is plain ASCII digits no larger than
    `maximum`, else None."""
    text = str(value or "")
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= maximum else None
