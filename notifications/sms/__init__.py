"""Sending SMS through a configurable backend, in the style of Django's e-mail backends.

settings.SMS_BACKEND names the class: console (dev), file, locmem (tests) or Twilio.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .message import SmsMessage, SmsSendError, SmsSent

__all__ = ["SmsMessage", "SmsSendError", "SmsSent", "get_backend", "send_sms"]


def get_backend(path=None, **kwargs):
    return import_string(path or settings.SMS_BACKEND)(**kwargs)


def send_sms(to, body, reference=""):
    """Send one SMS; returns SmsSent, raises SmsSendError when the provider refuses it."""
    return get_backend().send(SmsMessage(to=to, body=body, reference=reference))
