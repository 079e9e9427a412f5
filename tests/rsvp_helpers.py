"""Helpers for RSVP tests: seat requests and a quick RSVP."""

import itertools

from events.services import rsvp as seats

_phones = itertools.count(1000)


def phone():
    return f"+1819555{next(_phones):04d}"


def ask(date, party=1, **fields):
    fields.setdefault("phone", phone())
    fields.setdefault("first_name", "Ana")
    return seats.take_seat(date, seats.SeatRequest(party_size=party, **fields))
