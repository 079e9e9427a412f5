"""The voice line's Twilio webhooks (docs/voice.md): one address per menu, each
answered with TwiML.

Every request is checked against Twilio's signature over the public address
(settings.BASE_URL + path and query, which carries the call's state): a missing or
bad signature gets 403 and changes nothing.
"""

import functools

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.numbers import whole_number
from notifications.services import voice_calls, voice_menu
from notifications.sms.webhooks import twilio_signature_is_valid
from organizations.models import Region


def public_url(request):
    return settings.BASE_URL.rstrip("/") + request.get_full_path()


def number(value):
    return whole_number(value)


def read_step(request):
    """The call's state from the address, Twilio's fields from the form; anything odd
    is dropped (a language not offered is asked again, a region not known too)."""
    query, form = request.GET, request.POST
    language = query.get("lang", "")
    region = query.get("region", "")
    return voice_menu.Step(
        language=language if language in voice_menu.LOCALES else "",
        region=region if region in Region.values else "",
        page=number(query.get("page", "")) or 0,
        date=number(query.get("date", "")),
        again=query.get("again") == "1",
        digits=form.get("Digits"),
        call_sid=form.get("CallSid", ""),
        phone=voice_calls.caller_phone(form.get("From", "")),
    )


def twiml(view):
    @csrf_exempt
    @require_POST
    @functools.wraps(view)
    def checked(request):
        if not twilio_signature_is_valid(request, public_url(request)):
            return HttpResponseForbidden()
        response = view(read_step(request))
        return HttpResponse(str(response), content_type="text/xml; charset=utf-8")

    return checked


def incoming(step):
    allowed = voice_calls.start_call(step.call_sid, step.phone)
    return voice_menu.welcome(step, allowed)


def language(step):
    return voice_menu.language_step(step)


def region(step):
    if not step.language:
        return voice_menu.language_menu(step.but())
    return voice_menu.region_step(step)


def activity(step):
    if not step.language:
        return voice_menu.language_menu(step.but())
    if not step.region:
        return voice_menu.region_menu(step.but(page=0))
    return voice_menu.activity_step(step)


incoming_view = twiml(incoming)
language_view = twiml(language)
region_view = twiml(region)
activity_view = twiml(activity)
