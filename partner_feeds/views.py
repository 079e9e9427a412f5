"""Admin views of partner calendars: the list, the form, "Import now" and removal.

Each view resolves feeds through partner_feeds.services.scope and organizations through
organizations.services.organizations_staffed_by, so staff only ever reach their own
organization's calendars.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.task_queue import QueueUnavailable
from organizations.services import organizations_staffed_by
from partner_feeds.forms import FeedForm
from partner_feeds.services import scope
from partner_feeds.services.refusals import describe, describe_note
from partner_feeds.tasks import import_feed


def index(request):
    organizations = organizations_staffed_by(request.user)
    if not organizations:
        raise PermissionDenied
    feeds = [
        {
            "feed": feed,
            "refusal": describe(feed.last_refusal),
            "notes": [text for text in map(describe_note, feed.last_notes) if text],
        }
        for feed in scope.feeds_for(request.user)
    ]
    return TemplateResponse(request, "partner_feeds/index.html", {"feeds": feeds})


def edit(request, feed_id=None):
    organizations = organizations_staffed_by(request.user)
    if not organizations:
        raise PermissionDenied
    feed = scope.feed_for(request.user, feed_id) if feed_id else None
    form = FeedForm(
        request.POST or None, instance=feed, user=request.user, organizations=organizations
    )
    if request.method == "POST" and form.is_valid():
        feed = form.save(commit=False)
        if feed.pk is None:
            feed.created_by = request.user
        feed.save()
        messages.success(request, _("Calendar saved. It is imported within the hour."))
        return redirect("partner_feeds_index")
    return TemplateResponse(request, "partner_feeds/edit.html", {"form": form, "feed": feed})


@require_POST
def run_now(request, feed_id):
    feed = scope.feed_for(request.user, feed_id)
    try:
        import_feed.enqueue(feed.pk)
    except QueueUnavailable:
        # Not run here instead: a slow calendar would hold the request for the
        # download's timeout. The hourly import runs without the queue.
        messages.error(request, _("The import could not be queued. Try again in a few minutes."))
    else:
        messages.success(request, _("The import has started; its result shows here."))
    return redirect("partner_feeds_index")


@require_POST
def delete(request, feed_id):
    feed = scope.feed_for(request.user, feed_id)
    feed.delete()
    messages.success(request, _("Calendar removed. Activities already imported stay."))
    return redirect("partner_feeds_index")
