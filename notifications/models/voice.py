"""Calls to the voice line (docs/voice.md), kept only to bound what one number does.

A call is kept under Twilio's CallSid with a keyed hash of the caller's number
(core/person_keys.py), never the number itself: counting a number's calls and
registrations in the last hour needs nothing more. Rows go after a day.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VoiceCall(models.Model):
    call_sid = models.CharField(max_length=64, unique=True)
    # "" for a hidden or unusable number: such a caller may listen, not register.
    caller_key = models.CharField(max_length=64, blank=True, db_index=True)
    # Registrations asked for by keypad during the call (each one, even refused).
    registrations = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("voice call")
        verbose_name_plural = _("voice calls")

    def __str__(self):
        return f"Voice call {self.pk}"
