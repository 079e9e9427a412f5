"""Rendering an outbox message in its RSVP's language, at send time.

Nothing rendered is stored: the outbox row names the RSVP and the kind, the text is
built from the RSVP as it is when the message goes. The private link's token is
given by the sender (notifications.services.dispatch issues it and stores its hash once the
message went): rendering writes nothing. Rows for a digest subscription are written
by notifications/services/subscription_messages.py.
"""

import contextlib
import threading

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.formatting import (
    format_brief,
    format_clock,
    format_datetime,
    format_range,
    format_short_datetime,
)
from core.originals import original_page
from events.models import EventPage, PickupPoint
from notifications.services.sms_fit import sms_text
from notifications.services.subscription_messages import render_for_subscription
from notifications.services.texts import SMS_MAX_SEGMENTS, Rendered, shorten
from notifications.sms.segments import analyse
from rsvp.models import MessageKind
from rsvp.services.outbox import WITH_LINK

SUBJECTS = {
    MessageKind.CONFIRMED: _("You are registered: %(title)s"),
    MessageKind.WAITLISTED: _("Waiting list: %(title)s"),
    MessageKind.PROMOTED: _("A seat freed up: %(title)s"),
    MessageKind.REMINDER_DAY_BEFORE: _("Reminder: %(title)s tomorrow"),
    MessageKind.REMINDER_HOURS_BEFORE: _("Reminder: %(title)s today"),
    MessageKind.DATE_MOVED: _("New time: %(title)s"),
    MessageKind.DATE_CANCELLED: _("Cancelled: %(title)s"),
    MessageKind.ORGANIZER_MESSAGE: _("Message about %(title)s"),
    MessageKind.MANAGE_LINK: _("Your registration link: %(title)s"),
}
WITH_CALENDAR = (MessageKind.CONFIRMED, MessageKind.PROMOTED, MessageKind.DATE_MOVED)
# Stands for a staff message's text while the SMS around it is measured.
TEXT_MARK = "\ue000"
STOP_SALT = "events.stop-reminders"


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


def manage_url(rsvp, token):
    with translation.override(rsvp.language):
        path = reverse("events_rsvp_manage", args=[token])
    return settings.BASE_URL.rstrip("/") + path


_batch = threading.local()


@contextlib.contextmanager
def pages_shared(pages):
    """While sending a batch, its messages about one event in one language read the page
    once (two queries, most of a message's rendering time). A batch lasts seconds: a
    page published meanwhile is read by the next one."""
    _batch.pages = pages
    try:
        yield
    finally:
        _batch.pages = None


def pages_of(rows):
    """The event pages of a batch's messages in each message's language, read in one
    query and keyed as event_in() looks them up: give it to pages_shared()."""
    wanted = {}
    for row in rows:
        if row.rsvp_id is not None:
            wanted[(row.rsvp.date.event_id, row.rsvp.language)] = row.rsvp.date.event
    if not wanted:
        return {}
    versions = EventPage.objects.filter(
        translation_key__in={event.translation_key for event in wanted.values()},
        locale__language_code__in={lang for _event_id, lang in wanted},
    ).select_related("locale")
    found = {(page.translation_key, page.locale.language_code): page for page in versions}
    return {
        (event_id, lang): found.get((event.translation_key, lang), event)
        for (event_id, lang), event in wanted.items()
    }


def _shared(key, read):
    """read() once per key while a batch is sent (pages_shared); every time outside one."""
    pages = getattr(_batch, "pages", None)
    if pages is None:
        return read()
    if key not in pages:
        pages[key] = read()
    return pages[key]


def organization_of(event):
    """The organization page above an event (read once per event in a batch)."""
    return _shared(("organization", event.pk), lambda: event.get_parent().specific)


def event_in(date, lang):
    return _shared((date.event_id, lang), lambda: _read_event_in(date, lang))


def _read_event_in(date, lang):
    original = original_page(date, related=("locale",))
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


def context_for(rsvp, kind, manage_token=None):
    lang = rsvp.language
    date = rsvp.date
    page = event_in(date, lang)
    tz = page.timezone
    point = pickup_in(rsvp, lang)
    if kind in WITH_LINK and not manage_token:
        raise ValueError(f"a {kind} message carries the private link: give its token")
    return {
        "kind": kind,
        "first_name": rsvp.first_name,
        "manage_url": manage_url(rsvp, manage_token) if manage_token else "",
        "title": page.title,
        "when": format_datetime(date.start, tz, lang),
        "short_when": format_short_datetime(date.start, tz, lang),
        "when_range": format_range(date.start, date.end, tz, lang),
        "place": ", ".join(p for p in (page.place_name, page.municipality) if p),
        "address": page.address,
        "pickup_place": point.name if point else "",
        # The time for this date: a date moved by hand takes its pickups along.
        "pickup_time": format_clock(point.at(date).time(), lang) if point else "",
        "pickup_notes": point.notes if point else "",
        "party_size": rsvp.party_size,
    }


def render(message, *, manage_token=None):
    """The message's subject and texts; `manage_token` is the private link's token,
    needed by the kinds that carry the link (WITH_LINK)."""
    if message.reply_to_id is not None:
        return Rendered(subject="", text=message.reply_to.answer)
    if message.subscription_id is not None:
        return render_for_subscription(message)
    rsvp = message.rsvp
    lang = rsvp.language
    with translation.override(lang):
        context = context_for(rsvp, message.kind, manage_token)
        if message.kind == MessageKind.ORGANIZER_MESSAGE:
            written = message.organizer_message
            context.update(organizer_context(rsvp.date, lang, written.text_for(lang)))
            context["text_language"] = written.text_language(lang)
        subject = str(SUBJECTS[message.kind]) % {"title": context["title"]}
        if message.channel in ("sms", "whatsapp"):
            if message.kind == MessageKind.ORGANIZER_MESSAGE:
                rendered = Rendered(subject=subject, text=organizer_sms(context))
            else:
                rendered = Rendered(subject=subject, text=sms_text(context))
            if message.channel == "whatsapp":
                from notifications.services.whatsapp import with_template

                return with_template(message, rendered, context)
            return rendered
        context["stop_url"] = stop_url(rsvp)
        context["organization"] = organization_of(rsvp.date.event)
        text = render_to_string(f"notifications/messages/{message.kind}.email.txt", context)
        html = render_to_string(f"notifications/messages/{message.kind}.email.html", context)
        rendered = Rendered(
            subject=subject,
            text=text.strip() + "\n",
            html=html,
            unsubscribe_url=context["stop_url"],
        )
        if message.kind in WITH_CALENDAR:
            rendered.ics, rendered.ics_name = calendar_file(rsvp)
        return rendered


# -- messages staff write (docs/notifications.md, "Messages from the organizer") ---------


def organizer_context(date, lang, text):
    """What frames a staff message: who writes, about which activity and date."""
    page = event_in(date, lang)
    return {
        "kind": MessageKind.ORGANIZER_MESSAGE,
        "title": page.title,
        "organization_name": page.get_parent().title,
        "brief_when": format_brief(date.start, page.timezone, lang),
        "text": text,
    }


def one_line(text):
    return " ".join(text.split())


def fits(text):
    return analyse(text).segments <= SMS_MAX_SEGMENTS


def organizer_frame(context, shorter=None):
    """The SMS with TEXT_MARK where the staff's text goes."""
    shown = dict(context, text=TEXT_MARK)
    for name, limit in (shorter or {}).items():
        shown[name] = shorten(context[name], limit)
    return one_line(render_to_string("notifications/messages/organizer_message.sms.txt", shown))


def characters_over(frame, text):
    """How many characters must go from the end of `text` for the SMS to fit."""
    text = one_line(text)
    for cut in range(len(text) + 1):
        # The shortened text is sent folded too: a space left at its end costs nothing.
        if fits(frame.replace(TEXT_MARK, text[: len(text) - cut].rstrip())):
            return cut
    return len(text)


def organizer_sms_overflow(date, lang, text):
    """0 when the SMS carrying `text` to this date's registrations in `lang` fits in
    two segments, else how many characters of the text must go. The forms check
    this before anything is queued, so the text goes whole."""
    with translation.override(lang):
        frame = organizer_frame(organizer_context(date, lang, ""))
    return characters_over(frame, text)


def organizer_sms(context):
    """The staff's text whole; if the title or date changed since the text was
    checked and it no longer fits, the activity's and organization's names are cut
    first, the text itself only as a last resort."""
    text = one_line(context["text"])
    frame = ""
    for shorter in ({}, {"title": 24}, {"title": 16, "organization_name": 16}):
        frame = organizer_frame(context, shorter)
        if fits(frame.replace(TEXT_MARK, text)):
            return frame.replace(TEXT_MARK, text)
    for limit in range(len(text) - 1, 0, -1):
        candidate = frame.replace(TEXT_MARK, shorten(text, limit))
        if fits(candidate):
            return candidate
    return frame.replace(TEXT_MARK, "")


def calendar_file(rsvp):
    from calendars import feeds

    try:
        feed = feeds.date_feed(rsvp.date_id, rsvp.language)
    except feeds.NotFound:
        return None, ""
    return feeds.build(feed), feed.filename
