"""Rendering an outbox message in its RSVP's language, at send time.

Nothing rendered is stored: the outbox row names the RSVP and the kind, the text is
built from the RSVP as it is when the message goes. Rows for a digest subscription
are written by events/notifications/subscription_messages.py.
"""

import dataclasses

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from events.formatting import format_clock, format_datetime, format_range
from events.models import EventPage, MessageKind, PickupPoint
from events.sms.segments import analyse

SUBJECTS = {
    MessageKind.CONFIRMED: _("You are registered: %(title)s"),
    MessageKind.WAITLISTED: _("Waiting list: %(title)s"),
    MessageKind.PROMOTED: _("A seat freed up: %(title)s"),
    MessageKind.REMINDER_DAY_BEFORE: _("Reminder: %(title)s tomorrow"),
    MessageKind.REMINDER_HOURS_BEFORE: _("Reminder: %(title)s today"),
    MessageKind.DATE_MOVED: _("New time: %(title)s"),
    MessageKind.DATE_CANCELLED: _("Cancelled: %(title)s"),
}
WITH_CALENDAR = (MessageKind.CONFIRMED, MessageKind.PROMOTED, MessageKind.DATE_MOVED)
SMS_MAX_SEGMENTS = 2
STOP_SALT = "events.stop-reminders"


@dataclasses.dataclass
class Rendered:
    subject: str
    text: str
    html: str = ""
    ics: bytes | None = None
    ics_name: str = ""
    # A link that stops these messages with one POST (RFC 8058 List-Unsubscribe).
    unsubscribe_url: str = ""


def stop_token(rsvp):
    return signing.dumps(rsvp.pk, salt=STOP_SALT, compress=True)


def rsvp_from_stop_token(value):
    """The RSVP id in a stop link, or None when the link was altered."""
    try:
        return signing.loads(value, salt=STOP_SALT)
    except signing.BadSignature:
        return None


def stop_url(rsvp):
    with translation.override(rsvp.language):
        path = reverse("events_stop_reminders", args=[stop_token(rsvp)])
    return settings.BASE_URL.rstrip("/") + path


def event_in(date, lang):
    original = EventPage.objects.select_related("locale").get(pk=date.event_id)
    version = (
        EventPage.objects.filter(
            translation_key=original.translation_key, locale__language_code=lang
        )
        .select_related("locale")
        .first()
    )
    return version or original


def pickup_in(rsvp, lang):
    if not rsvp.pickup_key:
        return None
    points = PickupPoint.objects.filter(translation_key=rsvp.pickup_key).select_related("locale")
    return next((p for p in points if p.locale.language_code == lang), None) or points.first()


def shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;-")
    return (cut or text[: limit - 1]) + "…"


def context_for(rsvp, kind):
    lang = rsvp.language
    date = rsvp.date
    page = event_in(date, lang)
    tz = page.timezone
    point = pickup_in(rsvp, lang)
    return {
        "kind": kind,
        "first_name": rsvp.first_name,
        "title": page.title,
        "when": format_datetime(date.start, tz, lang),
        "when_range": format_range(date.start, date.end, tz, lang),
        "place": ", ".join(p for p in (page.place_name, page.municipality) if p),
        "address": page.address,
        "pickup_place": point.name if point else "",
        "pickup_time": format_clock(point.time, lang) if point else "",
        "pickup_notes": point.notes if point else "",
        "party_size": rsvp.party_size,
    }


def sms_text(context):
    """The SMS, shortened until it fits in two segments: pickup notes go first, then
    the pickup place, event title and place are cut at a word."""
    template = f"events/messages/{context['kind']}.sms.txt"
    steps = [
        {},
        {"pickup_notes": ""},
        {"pickup_notes": "", "pickup_place": 40, "title": 40, "place": 40},
        {"pickup_notes": "", "pickup_place": 28, "title": 28, "place": 24},
        {"pickup_notes": "", "pickup_place": 20, "title": 20, "place": ""},
    ]
    text = ""
    for step in steps:
        shown = dict(context)
        for name, limit in step.items():
            shown[name] = limit if isinstance(limit, str) else shorten(context[name], limit)
        text = " ".join(render_to_string(template, shown).split())
        if analyse(text).segments <= SMS_MAX_SEGMENTS:
            break
    return text


def render(message):
    if message.subscription_id is not None:
        from events.notifications.subscription_messages import render_for_subscription

        return render_for_subscription(message)
    rsvp = message.rsvp
    with translation.override(rsvp.language):
        context = context_for(rsvp, message.kind)
        subject = str(SUBJECTS[message.kind]) % {"title": context["title"]}
        if message.channel == "sms":
            return Rendered(subject=subject, text=sms_text(context))
        context["stop_url"] = stop_url(rsvp)
        context["organization"] = rsvp.date.event.get_parent().specific
        text = render_to_string(f"events/messages/{message.kind}.email.txt", context)
        html = render_to_string(f"events/messages/{message.kind}.email.html", context)
        rendered = Rendered(
            subject=subject,
            text=text.strip() + "\n",
            html=html,
            unsubscribe_url=context["stop_url"],
        )
        if message.kind in WITH_CALENDAR:
            rendered.ics, rendered.ics_name = calendar_file(rsvp)
        return rendered


def calendar_file(rsvp):
    from events.calendar import feeds

    try:
        feed = feeds.date_feed(rsvp.date_id, rsvp.language)
    except feeds.NotFound:
        return None, ""
    return feeds.build(feed), feed.filename
