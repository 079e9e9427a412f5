"""The person key: who registered, as a keyed hash that outlives their contact data.

Reports count people once over a period (docs/reports.md). Counting by phone or e-mail
would stop working when retention erases them, so each RSVP also keeps an HMAC-SHA256
of its normalized contact (`Rsvp.contact_key`) under a secret key. The same contact
always gives the same key; the key alone gives back no phone number or address, and
nothing in the site shows it. Rotating `ENSEMBLE_PERSON_KEY_SECRET` starts new keys:
a person registered before and after the change then counts twice.
"""

import hashlib
import hmac

from django.conf import settings


def secret():
    configured = getattr(settings, "ENSEMBLE_PERSON_KEY_SECRET", "")
    return (configured or f"person-key:{settings.SECRET_KEY}").encode()


def person_key(contact_key):
    """The key of a normalized contact (E.164 phone, or lowercased e-mail); "" for none."""
    if not contact_key:
        return ""
    return hmac.new(secret(), contact_key.encode(), hashlib.sha256).hexdigest()
