"""What every rendered message is made of, whoever it goes to (an RSVP or a subscription)."""

import dataclasses

SMS_MAX_SEGMENTS = 2
# A confirmation carrying both the private link and the person's pickup may take one
# more rather than lose the pickup (docs/notifications.md, "SMS length").
SMS_MAX_SEGMENTS_WITH_PICKUP = 3


@dataclasses.dataclass
class Rendered:
    subject: str
    text: str
    html: str = ""
    ics: bytes | None = None
    ics_name: str = ""
    # A link that stops these messages with one POST (RFC 8058 List-Unsubscribe).
    unsubscribe_url: str = ""
    # WhatsApp outside the 24-hour window: the template's variables (its Content SID
    # is chosen when sending, notifications/services/whatsapp.py).
    template_variables: dict | None = None


def shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;-")
    return (cut or text[: limit - 1]) + "…"
