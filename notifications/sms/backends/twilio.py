"""Twilio's Messaging API through the official `twilio` package."""

from django.conf import settings
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from notifications.sms.message import SmsSendError, SmsSent

from .base import BaseSmsBackend

# Twilio error codes where sending again cannot succeed: invalid or unreachable
# number, a landline, or the person replied STOP.
PERMANENT_ERRORS = {21211, 21214, 21408, 21610, 21612, 21614}


class SmsBackend(BaseSmsBackend):
    # The setting naming the sender, and the error codes not worth another try.
    from_setting = "TWILIO_FROM_NUMBER"
    permanent_errors = PERMANENT_ERRORS

    def __init__(self, client=None, from_number=None, status_callback=None, **kwargs):
        super().__init__(**kwargs)
        self.client = client or Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
        self.from_number = from_number or getattr(settings, self.from_setting)
        self.status_callback = status_callback or getattr(settings, "TWILIO_STATUS_CALLBACK", "")

    def params(self, message):
        params = {"to": message.to, "from_": self.from_number, "body": message.body}
        if self.status_callback:
            params["status_callback"] = self.status_callback
        return params

    def send(self, message):
        try:
            sent = self.client.messages.create(**self.params(message))
        except TwilioRestException as error:
            raise SmsSendError(
                error.msg, code=error.code, permanent=error.code in self.permanent_errors
            ) from error
        except OSError as error:  # network trouble: worth another try later
            raise SmsSendError(str(error), code="network") from error
        return SmsSent(provider_id=sent.sid, status=sent.status or "queued")
