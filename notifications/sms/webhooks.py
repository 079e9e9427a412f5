"""Checking that a webhook really comes from Twilio (X-Twilio-Signature)."""

from django.conf import settings
from twilio.request_validator import RequestValidator


def twilio_signature_is_valid(request, url):
    """`url` is the public URL Twilio called (behind a proxy it differs from the request's)."""
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature or not settings.TWILIO_AUTH_TOKEN:
        return False
    validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
    return validator.validate(url, request.POST.dict(), signature)
