"""The period a report covers: the season unless the user picks other days."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from events.forms import DateInput
from reports.periods import Period, season

LONGEST = dt.timedelta(days=3 * 366)
# Far enough for any real report, and far from the calendar's ends (no date overflow).
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


class PeriodForm(forms.Form):
    # ISO values whatever the language: a browser shows "01/04/2026" as an empty box.
    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To (included)"), widget=DateInput())

    def __init__(self, data=None, **kwargs):
        # Without dates in the address, the season: a bound form only when asked.
        if data is not None and not (data.get("start") or data.get("end")):
            data = None
        default = season()
        kwargs.setdefault("initial", {"start": default.start, "end": default.end})
        super().__init__(data, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        for name, day in (("start", start), ("end", end)):
            if day and not EARLIEST <= day <= LATEST:
                self.add_error(name, _("Choose a date between 2000 and 2100."))
                return data
        if start and end and end < start:
            self.add_error("end", _("The end of the period must not come before its start."))
        elif start and end and end - start > LONGEST:
            self.add_error("end", _("Choose a period of at most three years."))
        return data

    def period(self):
        """The chosen period, or the season when the form was not filled or is invalid."""
        if self.is_bound and self.is_valid():
            return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return season()

    def query(self):
        """The form's dates for links (exports), as they were sent."""
        if not self.is_bound:
            return ""
        from urllib.parse import urlencode

        return "?" + urlencode(
            {"start": self.data.get("start", ""), "end": self.data.get("end", "")}
        )
