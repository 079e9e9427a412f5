"""The e-mail provider's delivery webhook: only the configured ESP's, and a body it cannot
read gets a 400.

anymail's own urls.py mounts the webhooks of every ESP it knows. Those of an ESP that is
not configured build their view from settings that are not there (Mailgun's signing key,
Mandrill's webhook key…) and answered 500 to any POST; and anymail's views read the body
(json.loads, then keys) without catching what a malformed one raises, so a bad body with
the right secret was a 500 too, which ESPs take as "try again later". Here only the
tracking webhook of the ESP that EMAIL_BACKEND names (anymail.backends.<esp>.EmailBackend)
is mounted, under anymail's own paths and names; nothing uses inbound e-mail, so no
inbound webhook is. Its `tracking` signal is received in notifications/signals.py.
"""

from contextlib import contextmanager

import anymail.urls
from anymail.exceptions import AnymailConfigurationError, AnymailWebhookValidationFailure
from django.conf import settings
from django.urls import path

BACKENDS = "anymail.backends."
# What reading a malformed body raises: JSONDecodeError and UnicodeDecodeError are
# ValueErrors, a missing key a LookupError, a list where a dict was expected a TypeError
# or an AttributeError.
UNREADABLE = (ValueError, LookupError, TypeError, AttributeError)
# Parsing also raises AnymailConfigurationError for a body that is no tracking event
# (an inbound message posted here): not one to retry either.
NOT_TRACKING = (*UNREADABLE, AnymailConfigurationError)


def configured_esp():
    """The ESP's name ("postmark" for anymail.backends.postmark.EmailBackend), or None
    with Django's own backends."""
    backend = settings.EMAIL_BACKEND
    if not backend.startswith(BACKENDS):
        return None
    return backend.removeprefix(BACKENDS).split(".")[0]


@contextmanager
def _refused(errors):
    try:
        yield
    except errors as error:
        # A SuspiciousOperation: Django answers 400, as anymail does for a wrong secret.
        raise AnymailWebhookValidationFailure("The webhook's body could not be read.") from error


def checked(view_class):
    """The anymail view, answering 400 to a body that its checks or its parsing cannot read."""

    class Checked(view_class):
        def run_validators(self, request):
            with _refused(UNREADABLE):
                super().run_validators(request)

        def parse_events(self, request):
            with _refused(NOT_TRACKING):
                return list(super().parse_events(request))

    Checked.__name__ = Checked.__qualname__ = f"Checked{view_class.__name__}"
    return Checked


def tracking_patterns(esp):
    # Mandrill has one combined webhook ("mandrill_webhook"), the others a tracking one.
    names = {f"{esp}_tracking_webhook", f"{esp}_webhook"}
    return [
        path(
            str(pattern.pattern), checked(pattern.callback.view_class).as_view(), name=pattern.name
        )
        for pattern in anymail.urls.urlpatterns
        if pattern.name in names
    ]


def urlpatterns():
    """The configured ESP's webhook under anymail/, read from the settings when the root
    URLconf is loaded; none with Django's own mail backends."""
    esp = configured_esp()
    return tracking_patterns(esp) if esp else []
