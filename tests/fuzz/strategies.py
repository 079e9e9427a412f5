"""Hostile values for forms, query strings and webhooks, shared by the fuzz tests and
the HTTP runner (tests/fuzz/http_run.py).

Everything is text, as it arrives over HTTP; "wrong types" are numbers where text is
expected and the reverse, JSON where a word is expected, and a parameter repeated.
"""

import string

from hypothesis import strategies as st

LONG = 5000  # longer than every column and every max_length the site has

# Values that broke, or could break, a parser, a column or a query somewhere.
SPECIAL = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\t\r\n",
    "²",
    "³⁴",
    "١٢٣",  # Arabic-Indic digits: str.isdigit() says yes, int() reads them
    "𝟙𝟚",
    "\u202eabc",  # right-to-left override
    "\u200f\u200e",
    "\ufeff",
    "e\u0301",
    "🇨🇦👩‍🌾",
    "-1",
    "0",
    "-0",
    "00",
    "1.5",
    "1e309",
    "NaN",
    "inf",
    "-inf",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "99999999999999999999999999999999",
    "0x10",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "0000-00-00",
    "2026-02-30",
    "2027-03-14",
    "2027-03-14T02:30",
    "2027-11-07T01:30",
    "02:30",
    "24:00",
    "25:61",
    "23:59:60",
    "-01:00",
    "../../etc/passwd",
    "..%2f..%2f",
    "/admin/",
    "//evil.example/",
    "C:\\Windows\\",
    "%00",
    "%",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{",
    '{"a": [1, {"b": null}]}',
    "[]",
    "null",
    "true",
    "@",
    "a@b",
    "a@@b.ca",
    "ana@exämple.org",
    "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "ca",
    "+",
    "+1",
    "+1819555014",
    "+18195550142",
    "+999999999999999999",
    "819 555 0142",
    "whatsapp:+18195550142",
    "x" * LONG,
    "é" * LONG,
    "1" * LONG,
]

_anything = st.text(st.characters(codec="utf-8"), max_size=40)
_printable = st.text(string.printable, max_size=40)
_numbers = st.integers(min_value=-(2**70), max_value=2**70).map(str)


def hostile_text():
    """One form or query value."""
    return st.one_of(
        st.sampled_from(SPECIAL),
        _anything,
        _printable,
        _numbers,
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.dates().map(lambda d: d.isoformat()),
        st.times().map(lambda t: t.isoformat()),
        st.datetimes().map(lambda d: d.isoformat()),
    )


def hostile_value():
    """A value, or the same name repeated with several values (a list)."""
    return st.one_of(
        hostile_text(), hostile_text(), hostile_text(), st.lists(hostile_text(), max_size=3)
    )


def hostile_fields(names, extra=True):
    """A form or query: some of `names` with hostile values, perhaps unknown names too."""
    known = st.dictionaries(st.sampled_from(list(names)), hostile_value(), max_size=len(names))
    if not extra:
        return known
    unknown = st.dictionaries(hostile_text().filter(bool), hostile_value(), max_size=2)
    return st.builds(lambda a, b: {**b, **a}, known, unknown)


def overrides(valid, names=None):
    """A valid form with some fields replaced by hostile values (or dropped)."""
    names = list(names or valid)
    changed = st.dictionaries(
        st.sampled_from(names), st.one_of(hostile_value(), st.none()), min_size=1
    )

    def apply(changes):
        data = dict(valid)
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        return data

    return changed.map(apply)


def path_segment():
    """What goes in a URL's <str:…> part."""
    return st.one_of(
        st.sampled_from(["", "x", "..", "%00", "05", "99", "a" * 300, "%2F", "é", "²", "\u202e"]),
        st.text(string.ascii_letters + string.digits + "-_.~%", max_size=60),
    ).filter(lambda s: "/" not in s and s not in ("", ".", ".."))
