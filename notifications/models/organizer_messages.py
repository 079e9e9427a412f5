"""Messages staff write to everyone on a date ("the van leaves 30 minutes later").

The texts are the organization's own words in one or more languages, not workers'
data; who gets the message is in its outbox rows, one per registration.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


class OrganizerMessage(models.Model):
    date = models.ForeignKey(
        "events.EventDate",
        on_delete=models.CASCADE,
        related_name="organizer_messages",
        verbose_name=_("date"),
    )
    # {"fr": "…", "es": "…"}: languages the staff wrote it in (at least one).
    texts = models.JSONField(_("texts"), default=dict)
    include_waitlist = models.BooleanField(_("waiting list too"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        db_table = "events_organizermessage"  # kept from before the app split
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message from the organizer")
        verbose_name_plural = _("messages from the organizer")

    def __str__(self):
        return f"Organizer message {self.pk} (date {self.date_id})"

    def text_for(self, language):
        """The text in this language, else French, else the first language given."""
        return text_for(self.texts, language)

    def text_language(self, language):
        return text_language(self.texts, language)

    def text_items(self):
        """(language, text) in the site's language order, for display."""
        return [(code, self.texts[code]) for code in language_codes() if self.texts.get(code)]


def text_language(texts, language):
    """Which language's text goes to someone reading `language`: their own, else
    French (the site's default), else the first language given; None without text."""
    for code in (language, settings.LANGUAGE_CODE[:2], *language_codes()):
        if texts.get(code):
            return code
    return None


def text_for(texts, language):
    code = text_language(texts, language)
    return texts[code] if code else ""
