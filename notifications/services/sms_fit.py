"""Fitting a message about an RSVP into its SMS: what is cut, and in what order.

The text is measured as it will go (notifications/sms/segments.py: GSM-7 or UCS-2) and
shortened step by step until it fits in two segments — three for a confirmation that
carries both the private link and the person's pickup. The link is never cut.
See docs/notifications.md, "SMS length".
"""

from django.template.loader import render_to_string

from notifications.services.texts import (
    SMS_MAX_SEGMENTS,
    SMS_MAX_SEGMENTS_WITH_PICKUP,
    shorten,
)
from notifications.sms.segments import GSM7, analyse
from rsvp.models import MessageKind
from rsvp.services.outbox import WITH_LINK

# The kinds whose SMS says the person's pickup (notifications/messages/_pickup.sms.txt).
WITH_PICKUP = (
    MessageKind.CONFIRMED,
    MessageKind.PROMOTED,
    MessageKind.REMINDER_DAY_BEFORE,
    MessageKind.REMINDER_HOURS_BEFORE,
    MessageKind.DATE_MOVED,
)
SMS_STEPS = [
    {},
    {"pickup_notes": ""},
    {"pickup_notes": "", "pickup_place": 40, "title": 40, "place": 40},
    {"pickup_notes": "", "pickup_place": 28, "title": 28, "place": 24},
    # The activity's place goes before the pickup place is cut further.
    {"pickup_notes": "", "pickup_place": 28, "title": 28, "place": ""},
    {"pickup_notes": "", "pickup_place": 20, "title": 20, "place": ""},
]
# A message with the private link (~60–90 characters that are never cut) may need
# more: the wording gets brief, the date short ("mié 30/9, 11:30"), the words before
# the link go. With a pickup, the pickup stays (for someone who needs the ride, where
# and when the van leaves is the message; the link's page shows the activity's place)
# and so does the title, in three segments if two are too few.
_BRIEF_WITH_PICKUP = {"pickup_notes": "", "place": "", "brief": True}
PICKUP_LINK_STEPS = [
    *SMS_STEPS[:4],
    {**_BRIEF_WITH_PICKUP, "title": 40, "pickup_place": 40},
    {**_BRIEF_WITH_PICKUP, "title": 40, "pickup_place": 40, "when": "short"},
    {**_BRIEF_WITH_PICKUP, "title": 40, "pickup_place": 40, "when": "short", "bare": True},
    {**_BRIEF_WITH_PICKUP, "title": 20, "pickup_place": 28, "when": "short", "bare": True},
    {**_BRIEF_WITH_PICKUP, "title": 20, "pickup_place": 20, "when": "short", "bare": True},
]
# Without a pickup (or when even three segments cannot hold it), the title goes last.
_BRIEF = {**_BRIEF_WITH_PICKUP, "pickup_place": ""}
LINK_STEPS = [
    *SMS_STEPS,
    {**_BRIEF, "title": 20},
    {**_BRIEF, "title": 20, "when": "short"},
    # A shortened title tells people which activity more than the link's label does.
    {**_BRIEF, "title": 20, "when": "short", "bare": True},
    {**_BRIEF, "title": ""},
    {**_BRIEF, "title": "", "when": "short"},
    {**_BRIEF, "title": "", "when": "short", "bare": True},
]


def sms_attempts(context):
    """(steps, most segments) to try in turn for this message."""
    kind = context["kind"]
    if kind not in WITH_LINK:
        return [(SMS_STEPS, SMS_MAX_SEGMENTS)]
    if kind in WITH_PICKUP and context["pickup_place"]:
        return [
            (PICKUP_LINK_STEPS, SMS_MAX_SEGMENTS),
            (PICKUP_LINK_STEPS, SMS_MAX_SEGMENTS_WITH_PICKUP),
            (LINK_STEPS, SMS_MAX_SEGMENTS),
        ]
    return [(LINK_STEPS, SMS_MAX_SEGMENTS)]


def sms_text(context):
    """The SMS, shortened until it fits (sms_attempts): pickup notes go first, then the
    pickup place, event title and place are cut at a word. The link is never cut."""
    template = f"notifications/messages/{context['kind']}.sms.txt"
    # The pickup steps are tried twice (two segments, then three): rendered once.
    texts = {}
    text = ""
    for steps, most in sms_attempts(context):
        for number, step in enumerate(steps):
            key = (id(steps), number)
            if key not in texts:
                texts[key] = sms_step(template, context, step)
            text = texts[key]
            if analyse(text).segments <= most:
                return text
    return text


def sms_step(template, context, step):
    shown = dict(context)
    for name, limit in step.items():
        if name == "when":
            shown["when"] = context["short_when"]
        elif isinstance(limit, int) and not isinstance(limit, bool):
            shown[name] = shorten(context[name], limit)
        else:
            shown[name] = limit
    # "Title, date, place" and "date, place" without the parts a step left out.
    shown["summary"] = ", ".join(p for p in (shown["title"], shown["when"], shown["place"]) if p)
    shown["when_place"] = ", ".join(p for p in (shown["when"], shown["place"]) if p)
    text = " ".join(render_to_string(template, shown).split())
    # A part cut short already ends with "…": the sentence's full stop is not added.
    return in_fewest_segments(text.replace("….", "…"))


def in_fewest_segments(text):
    """Cut parts end with "..." when that keeps the text in GSM-7.

    "…" is outside GSM-7: a text cut with it that is otherwise GSM-7 would go as UCS-2
    (67 characters a segment instead of 153); "..." costs two more characters."""
    if "…" not in text:
        return text
    dots = text.replace("…", "...")
    return dots if analyse(dots).encoding == GSM7 else text
