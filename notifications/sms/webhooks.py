"""Checking that a webhook really comes from Twilio (X-Twilio-Signature)."""

from django.conf import settings
from twilio.request_validator import RequestValidator


def twilio_signature_is_valid(request, url):
    """`url` is the public URL Twilio called (behind a proxy it differs from the request's)."""
    signature = request.headers.get("X-Twilio-Signature", "")
    token = settings.TWILIO_AUTH_TOKEN
    if not signature or not token:
        return False
    # Anyone can sign with the public development token: only a DEBUG server takes it.
    if token == settings.TWILIO_DEV_AUTH_TOKEN and not settings.DEBUG:
        return False
    validator = RequestValidator(token)
    return validator.validate(url, request.POST.dict(), signature)
