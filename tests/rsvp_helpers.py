"""Helpers for RSVP tests: seat requests and a quick RSVP."""

import itertools
import re

from rsvp.services import seats

_phones = itertools.count(1000)

# An address Django's e-mail check accepts (it allows 320 characters) that is longer
# than the 254 the e-mail columns hold: 311 characters.
LONG_EMAIL = "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "ca"


def phone():
    return f"+1819555{next(_phones):04d}"


def ask(date, party=1, **fields):
    fields.setdefault("phone", phone())
    fields.setdefault("first_name", "Ana")
    return seats.take_seat(date, seats.SeatRequest(party_size=party, **fields))


# -- the private link, as the person receives it ------------------------------------

LINK = re.compile(r"https?://[^\s/]+(/(?:fr|es|en)/inscription/gerer/([A-Za-z0-9_-]+)/)")


def send_due():
    """What the dispatcher would send now (the tests' task backend runs it at once)."""
    from notifications import dispatcher

    return dispatcher.dispatch()


def links_in_messages_to(contact):
    """(path, token) of the private links sent to a phone (by SMS) or an address (by
    e-mail), oldest first."""
    from django.core import mail

    from notifications import sms

    if "@" in contact:
        bodies = [m.body for m in mail.outbox if contact in m.to]
    else:
        bodies = [m.body for m in getattr(sms, "outbox", []) if m.to == contact]
    return [link for body in bodies for link in LINK.findall(body)]


def links_sent_to(contact):
    """Tokens of the private links sent to `contact`, oldest first."""
    return [token for _path, token in links_in_messages_to(contact)]


def manage_path(token, lang="fr"):
    from django.urls import reverse
    from django.utils import translation

    with translation.override(lang):
        return reverse("events_rsvp_manage", args=[token])


def follow_link(client, contact):
    """Send what is due, then open the newest link sent to `contact`.
    Returns (token, response of the manage page)."""
    send_due()
    links = links_in_messages_to(contact)
    assert links, "no private link was sent to this contact"
    path, token = links[-1]
    return token, client.get(path)


def register_and_follow(client, url, data, contact):
    """Register through the public form, then follow the link from the message, as the
    person would. Returns (token, manage page response)."""
    response = client.post(url, data)
    assert response.status_code == 200, response.status_code
    assert not LINK.search(response.content.decode()), "the link never shows on screen"
    return follow_link(client, contact)
