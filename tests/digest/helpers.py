import itertools
import re
import time

from django.core import signing
from django.urls import reverse
from django.utils import translation

from digest.models import DigestSubscription, SubscriptionStatus
from rsvp.forms import STAMP_SALT

_numbers = itertools.count(100)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def url(name, lang="fr", *args):
    with translation.override(lang):
        return reverse(name, args=args)


def old_stamp(seconds=60):
    return signing.dumps(time.time() - seconds, salt=STAMP_SALT)


def form(**fields):
    data = {
        "phone": "",
        "email": "ana@example.org",
        "regions": ["05"],
        "language": "es",
        "website": "",
        "stamp": old_stamp(),
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def subscribe(client, lang="es", **fields):
    return client.post(url("events_digest_subscribe", lang), form(**fields))


def without_csrf(response):
    return CSRF.sub("csrf", response.content.decode())


def subscriber(channel="email", contact=None, regions="05", language="fr", **fields):
    if contact is None:
        n = next(_numbers)
        contact = f"+1819555{n:04d}" if channel == "sms" else f"personne{n}@example.org"
    fields.setdefault("status", SubscriptionStatus.ACTIVE)
    return DigestSubscription.objects.create(
        channel=channel, contact=contact, regions=regions, language=language, **fields
    )
