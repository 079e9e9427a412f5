"""Sending WhatsApp messages through a configurable backend, like notifications.sms.

settings.WHATSAPP_BACKEND names the class (notifications/sms/backends/whatsapp.py): console
(dev), locmem (tests) or Twilio. A message outside WhatsApp's 24-hour customer service
window must be a pre-approved template: `content_sid` names it (Twilio Content API)
and `variables` fill it; `body` is then only what the console shows.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

from .message import SmsSendError, SmsSent

__all__ = ["SmsSendError", "SmsSent", "WhatsAppMessage", "get_backend"]


@dataclass(frozen=True)
class WhatsAppMessage:
    to: str  # E.164, without the "whatsapp:" prefix
    body: str
    reference: str = ""
    content_sid: str = ""
    variables: dict = field(default_factory=dict)


def get_backend(path=None, **kwargs):
    return import_string(path or settings.WHATSAPP_BACKEND)(**kwargs)
