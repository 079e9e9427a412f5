"""Twilio webhooks: delivery status and incoming replies (STOP, ANNULER…), for SMS
and WhatsApp alike (a WhatsApp sender is "whatsapp:+1…").

Both are authenticated by Twilio's request signature, computed over the public URL
(settings.BASE_URL + path): a bad signature gets 403 and changes nothing.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from notifications.services import sms_conversation, sms_replies
from notifications.sms.webhooks import twilio_signature_is_valid

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _public_url(request):
    return settings.BASE_URL.rstrip("/") + request.get_full_path()


@csrf_exempt
@require_POST
def twilio_status(request):
    if not twilio_signature_is_valid(request, _public_url(request)):
        return HttpResponseForbidden()
    sms_replies.record_status(
        request.POST.get("MessageSid", ""),
        request.POST.get("MessageStatus", ""),
        request.POST.get("ErrorCode", ""),
    )
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
def twilio_incoming(request):
    if not twilio_signature_is_valid(request, _public_url(request)):
        return HttpResponseForbidden()
    # The answer goes through the outbox; the TwiML stays empty. An odd sender
    # number is ignored, not a 500.
    sms_conversation.receive(
        request.POST.get("MessageSid", ""),
        request.POST.get("From", ""),
        request.POST.get("Body", ""),
    )
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")
