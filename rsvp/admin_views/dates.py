"""Admin views to move, cancel or add single dates of an event.

Rights follow the page: whoever may edit the event page (its organization's staff)
may change its dates; everyone else gets a 403.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from core.formatting import to_local
from events import date_limits
from events.forms import DateInput
from events.models import EventPage
from rsvp.services import schedule
from rsvp.services.seats import SeatError


def editable_event(request, page_id):
    page = get_object_or_404(EventPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M:%S")


class DateForm(forms.Form):
    # The browser's date and time inputs read and send ISO values, whatever the
    # language: a French date (26/12/2026) shows as an empty field. Times keep their
    # seconds, so that saving the seats of a date imported at 10:30:15 does not move it.
    day = forms.DateField(label=gettext_lazy("Date"), widget=DateInput())
    start_time = forms.TimeField(label=gettext_lazy("Starts at"), widget=TimeInput())
    end_time = forms.TimeField(label=gettext_lazy("Ends at"), widget=TimeInput())
    capacity = forms.IntegerField(
        label=gettext_lazy("Seats"),
        required=False,
        min_value=1,
        max_value=date_limits.MAX_SEATS,
        help_text=gettext_lazy("Empty means no limit."),
    )

    def __init__(self, *args, tzname, **kwargs):
        self.tzname = tzname
        super().__init__(*args, **kwargs)
        self.fields["capacity"].error_messages["max_value"] = date_limits.seats_message()

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The activity must end after it starts."))
        elif day and self.moves():
            if message := date_limits.day_error(day):
                self.add_error("day", message)
                return data
            for name, time in (("start_time", start), ("end_time", end)):
                if time and (message := date_limits.skipped_time_error(day, time, self.tzname)):
                    self.add_error(name, message)
        return data

    def moves(self):
        """A new date, or another day or time for this one: only then is the day checked
        against the window (docs/dates.md, "Sane dates"), so a date recorded long ago
        can still have its seats changed."""
        return not self.initial or bool({"day", "start_time", "end_time"} & set(self.changed_data))

    def times(self):
        day = self.cleaned_data["day"]
        return (
            schedule.local_datetime(day, self.cleaned_data["start_time"], self.tzname),
            schedule.local_datetime(day, self.cleaned_data["end_time"], self.tzname),
        )


def initial_for(date, tzname):
    start, end = to_local(date.start, tzname), to_local(date.end, tzname)
    return {
        "day": start.date(),
        "start_time": start.time(),
        "end_time": end.time(),
        "capacity": date.capacity,
    }


def date_list(request, page_id):
    page = editable_event(request, page_id)
    dates = list(page.shared_dates())
    return TemplateResponse(
        request,
        "rsvp/admin/date_list.html",
        {"page": page, "dates": dates, "add_form": DateForm(tzname=page.timezone)},
    )


def date_edit(request, page_id, date_id):
    page = editable_event(request, page_id)
    date = get_object_or_404(page.shared_dates(), pk=date_id)
    form = DateForm(
        request.POST or None, initial=initial_for(date, page.timezone), tzname=page.timezone
    )
    if request.method == "POST" and form.is_valid():
        start, end = form.times()
        try:
            change = schedule.edit_date(date, start, end, form.cleaned_data["capacity"])
        except (SeatError, schedule.DateRefused) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The date was saved."))
            if change.over_capacity:
                messages.warning(request, over_capacity_message(change))
            return redirect("events_dates", page_id=page.pk)
    return TemplateResponse(
        request, "rsvp/admin/date_edit.html", {"page": page, "date": date, "form": form}
    )


def over_capacity_message(change):
    return ngettext(
        "%(count)s person is already confirmed, more than the new number of seats. "
        "Nobody was removed; new registrations go to the waiting list.",
        "%(count)s people are already confirmed, more than the new number of seats. "
        "Nobody was removed; new registrations go to the waiting list.",
        change.confirmed,
    ) % {"count": change.confirmed}


@require_POST
def date_add(request, page_id):
    page = editable_event(request, page_id)
    form = DateForm(request.POST, tzname=page.timezone)
    if form.is_valid():
        start, end = form.times()
        try:
            schedule.add_date(page.original(), start, end, form.cleaned_data["capacity"])
        except schedule.DateRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The date was added."))
            return redirect("events_dates", page_id=page.pk)
    return TemplateResponse(
        request,
        "rsvp/admin/date_list.html",
        {"page": page, "dates": list(page.shared_dates()), "add_form": form},
        status=400,
    )


@require_POST
def date_status(request, page_id, date_id):
    page = editable_event(request, page_id)
    date = get_object_or_404(page.shared_dates(), pk=date_id)
    action = request.POST.get("action")
    try:
        if action == "cancel":
            schedule.cancel_date(date)
            messages.success(request, _("The date was cancelled."))
        elif action == "reinstate":
            schedule.reinstate_date(date)
            messages.success(request, _("The date is back on."))
    except SeatError as error:
        messages.error(request, error.message)
    return redirect("events_dates", page_id=page.pk)
