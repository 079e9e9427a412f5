"""The organization's view of one date's messages: history, failures, retry.

Guarded like the RSVP list (the event page's edit permission).
"""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from events.admin_views.rsvps import event_and_date
from events.models import OutboxMessage
from events.services import outbox


def date_messages(request, page_id, date_id):
    page, date = event_and_date(request, page_id, date_id)
    rows = (
        OutboxMessage.objects.filter(rsvp__date=date)
        .select_related("rsvp")
        .order_by("rsvp__created_at", "rsvp_id", "due_at", "pk")
    )
    return TemplateResponse(
        request, "events/admin/date_messages.html", {"page": page, "date": date, "rows": rows}
    )


@require_POST
def retry_message(request, page_id, date_id, message_id):
    _page, date = event_and_date(request, page_id, date_id)
    row = get_object_or_404(OutboxMessage, pk=message_id, rsvp__date=date)
    if outbox.retry(row):
        messages.success(request, _("The message will be sent again."))
    else:
        messages.error(request, _("Only a failed message can be sent again."))
    return redirect("events_date_messages", page_id=page_id, date_id=date.pk)
