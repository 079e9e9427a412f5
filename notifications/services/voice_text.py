"""What the voice line says (docs/voice.md), written for the ear: short sentences,
numbers and hours spelled the way a text-to-speech voice reads them well, and never
anything about the caller (no number, no name).

Every sentence goes through gettext; the caller activates the language first. Days
and hours are built here rather than with core.formatting, whose written forms
("10 h 30", "10:30") are meant for the eye.
"""

from django.utils import dateformat, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.formatting import to_local

# The keys, the same in every menu (docs/voice.md, "Keys").
REGISTER = "1"
NEXT = "9"
REPEAT = "0"
BACK = "*"


def key_name(key):
    """How a key is said: "le 1" / "el 1" / "1", "l'étoile" / "el asterisco" / "star"."""
    if key == BACK:
        return pgettext("phone key", "star")
    return pgettext("phone key", "%(digit)s") % {"digit": key}


def press(key):
    return _("press %(key)s") % {"key": key_name(key)}


# -- days and hours, spoken ---------------------------------------------------------


def _hour_fr(local):
    if local.minute == 0 and local.hour in (0, 12):
        return "minuit" if local.hour == 0 else "midi"
    minutes = f" {local.minute}" if local.minute else ""
    return f"{local.hour} heures{minutes}"


def _hour_es(local):
    hour = local.hour % 12 or 12
    article = "la" if hour == 1 else "las"
    minutes = {0: "", 15: " y cuarto", 30: " y media"}.get(local.minute, f" y {local.minute}")
    if local.hour < 12:
        part = "de la mañana"
    elif local.hour < 19:
        part = "de la tarde"
    else:
        part = "de la noche"
    return f"{article} {hour}{minutes} {part}"


def _hour_en(local):
    hour = local.hour % 12 or 12
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{hour}{minutes} {'AM' if local.hour < 12 else 'PM'}"


def spoken_when(value, tzname, language):
    """ "samedi 14 juin, à 10 heures 30" / "el sábado 14 de junio, a las 10 y media de
    la mañana" / "Saturday, June 14, at 10:30 AM"."""
    local = to_local(value, tzname)
    with translation.override(language):
        weekday, month = dateformat.format(local, "l"), dateformat.format(local, "F")
    day = local.day
    if language == "es":
        return f"el {weekday} {day} de {month}, a {_hour_es(local)}"
    if language == "en":
        return f"{weekday}, {month} {day}, at {_hour_en(local)}"
    first = "1er" if day == 1 else str(day)
    return f"{weekday} {first} {month}, à {_hour_fr(local)}"


# -- sentences --------------------------------------------------------------------


def greeting():
    return _("Hello. This line reads this week's activities.")


def language_option(key):
    # Each language's translation names that language: "Pour le français, faites le 1."
    return _("For this language, %(press)s.") % {"press": press(key)}


def too_many_calls():
    return _("This number has called many times. Please call again in an hour.")


def nothing_heard():
    return _("We did not hear a choice. Thank you for calling. Goodbye.")


def wrong_key():
    return _("That key does not match a choice.")


def no_activities():
    return _("There is no activity this week. Thank you for calling. Goodbye.")


def choose_region():
    return _("Choose your region.")


def region_option(name, key):
    return _("%(region)s: %(press)s.") % {"region": name, "press": press(key)}


def navigation(*, more=False, back=True, more_label=None):
    """The keys every menu offers, in the same order: next, repeat, back."""
    parts = []
    if more:
        parts.append(_("%(what)s: %(press)s.") % {"what": more_label, "press": press(NEXT)})
    parts.append(_("To hear this again, %(press)s.") % {"press": press(REPEAT)})
    if back:
        parts.append(_("To go back, %(press)s.") % {"press": press(BACK)})
    return " ".join(parts)


def more_regions():
    return _("Other regions")


def next_activity():
    return _("Next activity")


def activity_position(number, count):
    return _("Activity %(number)s of %(count)s.") % {"number": number, "count": count}


def activity(title, town, when, ride):
    text = _("%(title)s, in %(town)s, %(when)s.") % {"title": title, "town": town, "when": when}
    if ride:
        text += " " + _("A ride is offered.")
    return text


def state(name):
    """What a date's seats allow, when it is not simply open."""
    return {
        "waitlist": _("It is full, but you can join the waiting list."),
        "full": _("It is full."),
    }.get(name, _("Registration is closed."))


def register_option():
    return _("To register, %(press)s.") % {"press": press(REGISTER)}


def back_to_first():
    return _("That was the last activity. Here is the first one again.")


def gone():
    return _("This activity is no longer on the list.")


def hidden_number():
    return _(
        "Your number is hidden, so we cannot register you. "
        "Call again without hiding your number, or register on the website."
    )


def too_many_registrations():
    return _("This number has asked for many registrations. Please try again in an hour.")


def registered(status):
    if status == "waitlisted":
        return _("It is full: you are on the waiting list. If a seat opens, we will tell you.")
    return _("Done: you are registered.")


def confirmation_by_sms(sms_allowed):
    if sms_allowed:
        return _("A text message is on its way, with your link to cancel or change it.")
    return _(
        "This number asked for no more text messages, so we cannot send a confirmation. "
        "To cancel, call the organization."
    )


def after_registration():
    return _("For another activity, %(press)s. Or you can hang up.") % {"press": press(NEXT)}


def goodbye():
    return _("Thank you for calling. Goodbye.")
