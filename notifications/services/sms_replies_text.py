"""The words of the answers to text messages, in the language active when called
(notifications/services/sms_conversation.py activates the sender's). Each fits in two SMS
segments: titles are shortened, never the instructions."""

from django.utils.translation import gettext as _

from core.formatting import format_brief
from notifications.services.render import event_in
from notifications.sms.segments import analyse

MAX_SEGMENTS = 2
TITLE_LIMITS = (40, 24, 14, 8)


def help_text():
    return _("Reply CANCEL to cancel your registration, or ACTIVITIES for this week's activities.")


def nothing_text(action):
    if action == "confirm":
        return _("We found no reminder to answer for this number.")
    return _("We found no upcoming registration for this number.")


def shorten(text, limit):
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def described(rsvp, language, limit=60):
    """'Soccer sam 12 déc, 10 h': the activity in the sender's language and its date."""
    page = event_in(rsvp.date, language)
    when = format_brief(rsvp.date.start, page.timezone, language)
    return f"{shorten(page.title, limit)} {when}"


def done_text(action, rsvp, language):
    if action == "confirm":
        template = _("Thank you! We expect you: %(activity)s.")
    else:
        template = _("Your registration is cancelled: %(activity)s.")
    text = ""
    for limit in TITLE_LIMITS:
        text = template % {"activity": described(rsvp, language, limit)}
        if analyse(text).segments <= MAX_SEGMENTS:
            break
    return text


def choice_text(action, rsvps, language):
    """'Which one? Reply with its number: 1 Soccer …; 2 Atelier …'"""
    if action == "confirm":
        head = _("Which activity are you confirming? Reply with its number:")
    else:
        head = _("Which registration do you want to cancel? Reply with its number:")
    text = ""
    for limit in TITLE_LIMITS:
        listed = "; ".join(
            f"{number} {described(rsvp, language, limit)}"
            for number, rsvp in enumerate(rsvps, start=1)
        )
        text = f"{head} {listed}"
        if analyse(text).segments <= MAX_SEGMENTS:
            break
    return text
