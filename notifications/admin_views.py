"""The organization's view of one date's messages: history, failures, retry, and
messages staff write to everyone on the date.

Guarded like the RSVP list (the event page's edit permission).
"""

import datetime as dt

from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from core.formatting import format_clock
from notifications.forms import OrganizerMessageForm
from notifications.services import organizer_messages
from rsvp.admin_views.rsvps import event_and_date
from rsvp.models import MessageStatus, OutboxMessage, RsvpStatus
from rsvp.services import outbox


def date_messages(request, page_id, date_id):
    page, date = event_and_date(request, page_id, date_id)
    rows = (
        OutboxMessage.objects.filter(rsvp__date=date)
        .select_related("rsvp", "organizer_message")
        .order_by("rsvp__created_at", "rsvp_id", "due_at", "pk")
    )
    return TemplateResponse(
        request,
        "notifications/admin/date_messages.html",
        {
            "page": page,
            "date": date,
            "rows": rows,
            "organizer_messages": written_messages(date),
        },
    )


def written_messages(date):
    """The date's staff messages, newest first, each with its rows counted by status."""
    found = list(date.organizer_messages.select_related("author"))
    counts = (
        OutboxMessage.objects.filter(organizer_message__in=found)
        .values("organizer_message", "status")
        .annotate(n=Count("pk"))
    )
    labels = dict(MessageStatus.choices)
    by_message = {}
    for item in counts.order_by("status"):
        by_message.setdefault(item["organizer_message"], []).append(
            (labels[item["status"]], item["n"])
        )
    for message in found:
        message.status_counts = by_message.get(message.pk, [])
    return found


def message_everyone(request, page_id, date_id):
    page, date = event_and_date(request, page_id, date_id)
    form = OrganizerMessageForm(request.POST if request.method == "POST" else None, date=date)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                posted = organizer_messages.post(
                    date,
                    form.texts(),
                    include_waitlist=form.cleaned_data["include_waitlist"],
                    author=request.user,
                )
            except organizer_messages.MessageRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, sent_notice(posted.queued))
                if posted.unreachable:
                    messages.warning(request, unreachable_notice(posted.unreachable))
                return redirect("events_date_messages", page_id=page_id, date_id=date.pk)
    counts = date.rsvps.values("status").annotate(n=Count("pk"))
    by_status = {item["status"]: item["n"] for item in counts}
    return TemplateResponse(
        request,
        "notifications/admin/organizer_message_form.html",
        {
            "page": page,
            "date": date,
            "form": form,
            "confirmed": by_status.get(RsvpStatus.CONFIRMED, 0),
            "waitlisted": by_status.get(RsvpStatus.WAITLISTED, 0),
            "quiet_start": format_clock(dt.time(settings.ENSEMBLE_QUIET_HOURS[0])),
            "quiet_end": format_clock(dt.time(settings.ENSEMBLE_QUIET_HOURS[1])),
        },
        status=status,
    )


def sent_notice(count):
    return ngettext(
        "The message will go to %(count)s registration.",
        "The message will go to %(count)s registrations.",
        count,
    ) % {"count": count}


def unreachable_notice(count):
    return ngettext(
        "%(count)s registration cannot receive it: no e-mail address, and no text "
        "messages wanted or possible.",
        "%(count)s registrations cannot receive it: no e-mail address, and no text "
        "messages wanted or possible.",
        count,
    ) % {"count": count}


@require_POST
def retry_message(request, page_id, date_id, message_id):
    _page, date = event_and_date(request, page_id, date_id)
    row = get_object_or_404(OutboxMessage, pk=message_id, rsvp__date=date)
    if outbox.retry(row):
        messages.success(request, _("The message will be sent again."))
    else:
        messages.error(request, _("Only a failed message can be sent again."))
    return redirect("events_date_messages", page_id=page_id, date_id=date.pk)
