"""Stopping reminders from the link in every e-mail.

The link carries a signed RSVP id that only stops reminders: it cannot show or change
anything else. A GET shows a button; only the POST changes something.

The POST needs no CSRF token: mail apps send the RFC 8058 one-click POST from the
List-Unsubscribe header without one, and the signed link is the only credential.
"""

from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications.services.render import rsvp_from_stop_token
from rsvp.models import Rsvp
from rsvp.services import outbox
from rsvp.views import private


@csrf_exempt
@require_http_methods(["GET", "POST"])
def stop_reminders(request, token):
    rsvp_id = rsvp_from_stop_token(token)
    rsvp = Rsvp.objects.filter(pk=rsvp_id).first() if rsvp_id else None
    if rsvp is None:
        response = TemplateResponse(request, "rsvp/public/invalid_link.html", {}, status=404)
        return private(response)
    stopped = False
    if request.method == "POST":
        outbox.stop_reminders(rsvp)
        stopped = True
    response = TemplateResponse(
        request, "rsvp/public/stop_reminders.html", {"stopped": stopped, "token": token}
    )
    return private(response)
