"""WhatsApp messages: free text inside the 24-hour window, a template outside it.

WhatsApp lets a business write freely only within 24 hours of the person's last
message to it (the customer service window); past it, only templates the provider
approved beforehand go. A reminder is usually sent days after the person last wrote,
so it goes as a template: settings.TWILIO_WHATSAPP_TEMPLATES maps "kind:language" (or
just "kind") to the template's Content SID, and the template's numbered variables are
filled from the message (docs/replies.md, "WhatsApp templates").
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from notifications.models import IncomingMessage
from notifications.sms import whatsapp
from notifications.sms.message import SmsSendError
from rsvp.models import MessageChannel

WINDOW = dt.timedelta(hours=24)


def window_open(phone, now=None):
    """Did the number write to us on WhatsApp in the last 24 hours?"""
    since = (now or timezone.now()) - WINDOW
    return IncomingMessage.objects.filter(
        phone=phone, channel=MessageChannel.WHATSAPP, created_at__gt=since
    ).exists()


def template_variables(context):
    """{{1}} the activity, {{2}} its date and time, {{3}} the place, {{4}} the private
    link (or the organizer's words): the same four for every template."""
    values = (
        context.get("title", ""),
        context.get("short_when") or context.get("brief_when", ""),
        context.get("place", ""),
        context.get("manage_url") or context.get("text", ""),
    )
    # Twilio refuses an empty variable.
    return {str(number): value or "-" for number, value in enumerate(values, start=1)}


def with_template(message, rendered, context):
    """Rendering for WhatsApp: outside the window, the message becomes a template."""
    if not window_open(message.rsvp.phone):
        rendered.template_variables = template_variables(context)
    return rendered


def template_sid(kind, language):
    templates = settings.TWILIO_WHATSAPP_TEMPLATES
    return templates.get(f"{kind}:{language}") or templates.get(str(kind), "")


def send_whatsapp(row, to, rendered):
    """The provider call (no database: it may run in the dispatcher's threads)."""
    content_sid, variables = "", {}
    if rendered.template_variables is not None:
        language = row.rsvp.language if row.rsvp_id else ""
        content_sid = template_sid(row.kind, language)
        if not content_sid:
            # Free text would be refused outside the window: no use trying again.
            raise SmsSendError("no WhatsApp template", code="no-template", permanent=True)
        variables = rendered.template_variables
    message = whatsapp.WhatsAppMessage(
        to=to,
        body=rendered.text,
        reference=f"outbox-{row.pk}",
        content_sid=content_sid,
        variables=variables,
    )
    return whatsapp.get_backend().send(message).provider_id or ""
