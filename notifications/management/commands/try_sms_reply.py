"""Send a development server a text message as Twilio would, signed, and print the answer.

    manage.py try_sms_reply +15145550123 "ANNULER"
    manage.py try_sms_reply --whatsapp +5215512345678 "CANCELAR 2"

For trying replies (docs/replies.md) under `make run`: the request goes to BASE_URL's
`/sms/twilio/incoming/`, signed with TWILIO_AUTH_TOKEN (the development token under
config.settings.dev), and the server decides as it would for Twilio. The answer it
decided is printed here; the outbox sends it at the dispatcher's next round, and the
console SMS backend prints it in the `make run` terminal too. Only with DEBUG on: it is
no way to post replies to a real site.
"""

import urllib.error
import urllib.parse
import urllib.request
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from twilio.request_validator import RequestValidator

from notifications.models import IncomingMessage

TIMEOUT_SECONDS = 30


class Command(BaseCommand):
    help = "Post a signed incoming SMS (or WhatsApp message) to the development server."

    def add_arguments(self, parser):
        parser.add_argument("sender", help="the sender's number, e.g. +15145550123")
        parser.add_argument("body", help='what they write, e.g. "ANNULER" or "OUI"')
        parser.add_argument(
            "--whatsapp", action="store_true", help="as a WhatsApp message (From: whatsapp:…)"
        )

    def handle(self, sender, body, whatsapp=False, **options):
        if not settings.DEBUG:
            raise CommandError("try_sms_reply only talks to a development server (DEBUG on).")
        if not settings.TWILIO_AUTH_TOKEN:
            raise CommandError("TWILIO_AUTH_TOKEN is empty: the server would refuse the message.")
        sid = f"SM{uuid.uuid4().hex}"
        fields = {
            "MessageSid": sid,
            "From": f"whatsapp:{sender}" if whatsapp else sender,
            "To": settings.TWILIO_FROM_NUMBER or "+15145550100",
            "Body": body,
        }
        # The server checks the signature against its own BASE_URL, as behind a proxy.
        url = settings.BASE_URL.rstrip("/") + reverse("twilio_incoming")
        status = post(url, fields)
        if status == 403:
            raise CommandError(
                f"{url} refused the signature: does the server run with this "
                "TWILIO_AUTH_TOKEN and this BASE_URL (PORT=… make run sets it)?"
            )
        if status != 200:
            raise CommandError(f"{url} answered {status}.")
        self.stdout.write(f"Sent to {url}: {fields['From']} wrote {body!r}.")
        self.stdout.write(answer_of(sid))


def post(url, fields):
    signature = RequestValidator(settings.TWILIO_AUTH_TOKEN).compute_signature(url, fields)
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(fields).encode(),
        headers={"X-Twilio-Signature": signature},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:
        raise CommandError(
            f"Nothing answers at {url} ({error}): start `make run` first."
        ) from error


def answer_of(sid):
    """What the server decided to answer (it is stored before its response returns)."""
    incoming = IncomingMessage.objects.filter(message_sid=sid).first()
    if incoming is None:
        return (
            "No answer: a STOP or START word (Twilio answers those itself), "
            "or a sender number the site cannot read."
        )
    if not incoming.answer:
        return "No answer: this number wrote too often in the last hour."
    return (
        f"Answer ({incoming.language}), sent by the outbox at the dispatcher's next round:\n"
        f"{incoming.answer}"
    )
