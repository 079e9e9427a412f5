"""WhatsApp backends: they take a notifications.sms.whatsapp.WhatsAppMessage, and print,
keep or send it as their SMS counterparts do."""

import json

from . import console, locmem, twilio
from .twilio import PERMANENT_ERRORS

# 63016: a free-form message outside the 24-hour window (a template was needed);
# 63024: not a WhatsApp user. Sending again cannot help.
WHATSAPP_PERMANENT_ERRORS = PERMANENT_ERRORS | {63016, 63024}


class ConsoleBackend(console.SmsBackend):
    """Prints each WhatsApp message: the development default."""

    def printed(self, message, provider_id):
        template = ""
        if message.content_sid:
            variables = json.dumps(message.variables, ensure_ascii=False)
            template = f"template {message.content_sid} {variables}\n"
        return f"WhatsApp to {message.to} [{provider_id}]\n{template}{message.body}\n"


class LocmemBackend(locmem.SmsBackend):
    """Keeps sent messages in `notifications.sms.whatsapp_outbox`, for tests."""

    outbox_name = "whatsapp_outbox"


class TwilioBackend(twilio.SmsBackend):
    """Twilio's WhatsApp sender: the Messaging API with "whatsapp:" addresses."""

    from_setting = "TWILIO_WHATSAPP_FROM"
    permanent_errors = WHATSAPP_PERMANENT_ERRORS

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
