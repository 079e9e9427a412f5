"""WhatsApp backends: they take an notifications.sms.whatsapp.WhatsAppMessage."""

import json
import sys
import threading

from django.conf import settings
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from notifications import sms
from notifications.sms.message import SmsSendError, SmsSent

from .base import BaseSmsBackend
from .twilio import PERMANENT_ERRORS

# 63016: a free-form message outside the 24-hour window (a template was needed);
# 63024: not a WhatsApp user. Sending again cannot help.
WHATSAPP_PERMANENT_ERRORS = PERMANENT_ERRORS | {63016, 63024}


class ConsoleBackend(BaseSmsBackend):
    """Prints each WhatsApp message: the development default."""

    _lock = threading.Lock()

    def __init__(self, stream=None, **kwargs):
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout

    def send(self, message):
        provider_id = self.local_id()
        template = ""
        if message.content_sid:
            variables = json.dumps(message.variables, ensure_ascii=False)
            template = f"template {message.content_sid} {variables}\n"
        with self._lock:
            self.stream.write(
                f"WhatsApp to {message.to} [{provider_id}]\n{template}{message.body}\n{'-' * 40}\n"
            )
            self.stream.flush()
        return SmsSent(provider_id=provider_id)


class LocmemBackend(BaseSmsBackend):
    """Keeps sent messages in `notifications.sms.whatsapp_outbox`, for tests."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if not hasattr(sms, "whatsapp_outbox"):
            sms.whatsapp_outbox = []

    def send(self, message):
        sms.whatsapp_outbox.append(message)
        return SmsSent(provider_id=self.local_id())


class TwilioBackend(BaseSmsBackend):
    """Twilio's WhatsApp sender: the Messaging API with "whatsapp:" addresses."""

    def __init__(self, client=None, from_number=None, status_callback=None, **kwargs):
        super().__init__(**kwargs)
        self.client = client or Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
        self.from_number = from_number or settings.TWILIO_WHATSAPP_FROM
        self.status_callback = status_callback or getattr(settings, "TWILIO_STATUS_CALLBACK", "")

    def params(self, message):
        params = {"to": f"whatsapp:{message.to}", "from_": f"whatsapp:{self.from_number}"}
        if message.content_sid:
            params["content_sid"] = message.content_sid
            params["content_variables"] = json.dumps(message.variables, ensure_ascii=False)
        else:
            params["body"] = message.body
        if self.status_callback:
            params["status_callback"] = self.status_callback
        return params

    def send(self, message):
        try:
            sent = self.client.messages.create(**self.params(message))
        except TwilioRestException as error:
            raise SmsSendError(
                error.msg, code=error.code, permanent=error.code in WHATSAPP_PERMANENT_ERRORS
            ) from error
        except OSError as error:
            raise SmsSendError(str(error), code="network") from error
        return SmsSent(provider_id=sent.sid, status=sent.status or "queued")
