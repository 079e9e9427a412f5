"""Staff write to everyone on a date: store the message and queue it, together.

The date's row is locked as a seat decision locks it, so each registration is
either counted before the message (and gets it) or decided after it.
"""

import dataclasses

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from events.models import EventDate
from notifications.models import OrganizerMessage
from notifications.models.organizer_messages import language_codes
from rsvp.services import outbox


class MessageRefused(Exception):
    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


@dataclasses.dataclass(frozen=True)
class Posted:
    message: OrganizerMessage
    queued: int
    unreachable: int


def clean_texts(texts):
    """Keep the site's languages that have text, in the site's order."""
    codes = language_codes()
    return {code: texts[code].strip() for code in codes if (texts.get(code) or "").strip()}


@transaction.atomic
def post(date, texts, *, include_waitlist=False, author=None, now=None):
    texts = clean_texts(texts)
    if not texts:
        raise MessageRefused(_("Write the message in at least one language."))
    date = EventDate.objects.select_for_update().get(pk=date.pk)
    if date.is_cancelled:
        raise MessageRefused(_("This date is cancelled: the people registered were already told."))
    message = OrganizerMessage.objects.create(
        date=date, texts=texts, include_waitlist=include_waitlist, author=author
    )
    rows, unreachable = outbox.organizer_message(message, now=now)
    return Posted(message=message, queued=len(rows), unreachable=unreachable)
