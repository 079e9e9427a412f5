"""Why a feed was refused, as a code and values (stored), and in words (shown)."""

import datetime as dt

from django.utils.translation import gettext as _

from core.formatting import format_datetime


class Refused(Exception):
    """A feed that is not imported; nothing of this run is kept."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def as_record(self):
        return {"code": self.code, **self.params}


def _messages():
    return {
        "scheme": _("Only https:// and webcal:// addresses can be imported."),
        "plain_http": _(
            "Plain http:// is refused: anyone on the way could change the calendar. Give "
            "its https:// or webcal:// address."
        ),
        "address": _("This address is not a valid web address."),
        "unresolvable": _("The partner's server could not be found (%(host)s)."),
        "private_address": _(
            "The address leads to a private or internal network (%(host)s): refused for safety."
        ),
        "unreachable": _("The partner's server did not answer. It will be tried again later."),
        "timeout": _("The partner's server took too long to answer."),
        "status": _("The partner's server answered with an error (HTTP %(status)s)."),
        "redirects": _("The address redirects too many times."),
        "content_type": _(
            "The address does not give a calendar (it gives “%(content_type)s”). Use the "
            "iCal export address of the calendar."
        ),
        "too_big": _("The calendar is larger than %(limit)s MB: refused."),
        "malformed": _("The calendar could not be read: it is not a valid iCal file."),
        "too_many_events": _(
            "The calendar has more than %(limit)s events: refused. Ask the partner for a "
            "calendar of public activities only."
        ),
        "too_many_dates": _("The calendar's events repeat more than %(limit)s times: refused."),
        "too_frequent": _("An event repeats more than once a day: refused."),
        "failed": _("The import failed unexpectedly; nothing was changed."),
    }


def describe(record):
    """A stored refusal in the current language."""
    if not record:
        return ""
    params = {key: value for key, value in record.items() if key != "code"}
    text = _messages().get(record.get("code"), _messages()["failed"])
    try:
        return text % params if params else text
    except (KeyError, TypeError, ValueError):
        return _messages()["failed"]


def describe_note(note):
    """One event the import left alone, in the current language."""
    texts = {
        "page_edited": _("“%(title)s”: edited by hand, not updated."),
        "date_edited": _("“%(title)s”, %(when)s: date changed by hand, not updated."),
        "page_deleted": _("“%(title)s”: page deleted by hand, not imported again."),
        "all_day": _("“%(title)s”: all-day event, not imported (activities need a time)."),
        "no_title": _("An event without a title was not imported."),
    }
    text = texts.get(note.get("code"))
    if not text:
        return ""
    values = dict(note)
    if "when" in values:
        values["when"] = format_datetime(dt.datetime.fromisoformat(values["when"]))
    return text % values
