"""Staff's "message everyone on this date" form: a text per language, each checked to
fit in two SMS segments with the heading it will carry."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.languages import LanguageCode
from notifications.models.organizer_messages import language_codes, text_language
from notifications.services.organizer_messages import clean_texts
from notifications.services.render import organizer_sms_overflow

MAX_TEXT_LENGTH = 1000


class OrganizerMessageForm(forms.Form):
    include_waitlist = forms.BooleanField(
        label=gettext_lazy("Also send it to the waiting list"), required=False
    )

    def __init__(self, *args, date, **kwargs):
        super().__init__(*args, **kwargs)
        self.date = date
        names = dict(LanguageCode.choices)
        fields = {
            f"text_{code}": forms.CharField(
                label=_("Message (%(language)s)") % {"language": names.get(code, code)},
                required=False,
                max_length=MAX_TEXT_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
            )
            for code in language_codes()
        }
        self.fields = {**fields, "include_waitlist": self.fields["include_waitlist"]}

    def text_fields(self):
        return [self[f"text_{code}"] for code in language_codes()]

    def texts(self):
        return clean_texts(
            {code: self.cleaned_data.get(f"text_{code}") for code in language_codes()}
        )

    def clean(self):
        data = super().clean()
        if any(name.startswith("text_") for name in self.errors):
            return data
        texts = self.texts()
        if not texts:
            raise forms.ValidationError(_("Write the message in at least one language."))
        # Each text goes to readers of its language and, when theirs is missing, to
        # readers of others: it must fit with every heading it will carry.
        over = dict.fromkeys(texts, 0)
        for reader in language_codes():
            code = text_language(texts, reader)
            over[code] = max(over[code], organizer_sms_overflow(self.date, reader, texts[code]))
        for code, count in over.items():
            if count:
                self.add_error(f"text_{code}", too_long(count))
        return data


def too_long(count):
    """The error carries the overflow as data (`params["count"]`, counted on the text
    with its spaces folded, as it is sent), so nothing has to read it from prose."""
    return forms.ValidationError(
        ngettext(
            "Too long for two text messages (SMS): remove %(count)s character.",
            "Too long for two text messages (SMS): remove %(count)s characters.",
            count,
        ),
        code="sms_too_long",
        params={"count": count},
    )
