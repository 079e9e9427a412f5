"""The organization's side of RSVPs: the list, exports, check-in, and adding by hand.

Every view goes through `editable_event` (the event page's edit permission): staff of
another organization get a 403 before anything is read.
"""

from zoneinfo import ZoneInfo

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.formatting import to_local
from core.numbers import whole_number
from rsvp.admin_views.dates import editable_event
from rsvp.forms import ContactFieldsMixin, email_field
from rsvp.models import ReminderChannel, Rsvp, RsvpSource, RsvpStatus
from rsvp.services import checkin as checkins
from rsvp.services import rsvp_lists, seats


def event_and_date(request, page_id, date_id):
    page = editable_event(request, page_id)
    return page, get_object_or_404(page.shared_dates(), pk=date_id)


def rsvp_list(request, page_id, date_id):
    page, date = event_and_date(request, page_id, date_id)
    return TemplateResponse(
        request,
        "rsvp/admin/rsvp_list.html",
        {
            "page": page,
            "date": date,
            "summary": rsvp_lists.summary(date, page),
            "rsvps": rsvp_lists.rows(date, page),
        },
    )


@require_POST
def rsvp_cancel(request, page_id, date_id, rsvp_id):
    _page, date = event_and_date(request, page_id, date_id)
    rsvp = get_object_or_404(date.rsvps, pk=rsvp_id)
    seats.cancel(rsvp)
    messages.success(request, _("The registration was cancelled."))
    return redirect("events_rsvps", page_id=page_id, date_id=date.pk)


def csv_safe(value):
    """Spreadsheet programs run CSV cells starting with = + - @ as formulas (Wagtail
    already writes such XLSX cells as text)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


class RsvpExportView(SpreadsheetExportMixin, View):
    list_export = [
        "status_label",
        "position",
        "first_name",
        "group_label",
        "party_size",
        "phone_display",
        "email",
        "transport_label",
        "pickup_name",
        "reminder_label",
        "coming_label",
        "language",
        "source_label",
        "attended_label",
        "created_at",
    ]
    export_headings = {
        "status_label": gettext_lazy("Status"),
        "position": gettext_lazy("Waiting list position"),
        "first_name": gettext_lazy("First name"),
        "group_label": gettext_lazy("Group"),
        "party_size": gettext_lazy("People"),
        "phone_display": gettext_lazy("Phone"),
        "email": gettext_lazy("E-mail"),
        "transport_label": gettext_lazy("Needs transport"),
        "pickup_name": gettext_lazy("Pickup point"),
        "reminder_label": gettext_lazy("Reminders"),
        "coming_label": gettext_lazy("Confirmed coming"),
        "language": gettext_lazy("Language"),
        "source_label": gettext_lazy("Source"),
        "attended_label": gettext_lazy("Came"),
    }
    custom_field_preprocess = {
        **{
            name: {"csv": csv_safe}
            for name in ("first_name", "group_label", "phone_display", "email", "pickup_name")
        },
        # A spreadsheet cell holds no zone (openpyxl refuses aware datetimes, Wagtail
        # would write UTC): the wall-clock time in the event's zone, named in the heading.
        "created_at": {"xlsx": lambda value: value.replace(tzinfo=None)},
    }

    def get(self, request, page_id, date_id, export_format):
        page, date = event_and_date(request, page_id, date_id)
        if export_format not in self.FORMATS:
            raise Http404
        zone = ZoneInfo(date.event.timezone)
        day = to_local(date.start, zone.key)
        self.export_filename = f"registrations-{page.slug}-{day:%Y-%m-%d}"
        self.export_headings = {
            **self.export_headings,
            "created_at": _("Registered at (%(zone)s)") % {"zone": zone.key},
        }
        items = rsvp_lists.rows(date, page, statuses=[RsvpStatus.CONFIRMED, RsvpStatus.WAITLISTED])
        for item in items:
            item.status_label = item.get_status_display()
            item.reminder_label = item.get_reminder_display()
            item.source_label = item.get_source_display()
            item.transport_label = _("yes") if item.needs_transport else ""
            item.attended_label = _("yes") if item.attended else ""
            item.coming_label = _("yes") if item.coming_confirmed_at else ""
            item.created_at = item.created_at.astimezone(zone).replace(microsecond=0)
        return self.as_spreadsheet(ExportRows(items), export_format)


class ExportRows(list):
    """A list that Wagtail's exporter can ask for headings (it reads `.model`)."""

    model = Rsvp


# -- check-in on the day ----------------------------------------------------------------


class WalkInForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=80, required=False)
    party_size = forms.IntegerField(label=gettext_lazy("People"), min_value=1, initial=1)


@sensitive_post_parameters()
def checkin(request, page_id, date_id):
    page, date = event_and_date(request, page_id, date_id)
    walk_in = WalkInForm()
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "walk_in":
            walk_in = WalkInForm(request.POST)
            if walk_in.is_valid():
                try:
                    checkins.add_walk_in(
                        date,
                        first_name=walk_in.cleaned_data["first_name"],
                        party_size=walk_in.cleaned_data["party_size"],
                        language=get_language()[:2],
                    )
                except seats.SeatError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(request, _("The walk-in was added."))
                    return redirect("events_rsvp_checkin", page_id=page_id, date_id=date.pk)
            status = 400
        else:
            return mark_attended(request, date)
    return TemplateResponse(
        request,
        "rsvp/admin/rsvp_checkin.html",
        {
            "page": page,
            "date": date,
            "summary": rsvp_lists.summary(date, page),
            "rsvps": rsvp_lists.rows(date, page, statuses=[RsvpStatus.CONFIRMED]),
            "walk_in": walk_in,
        },
        status=status,
    )


def mark_attended(request, date):
    rsvp_id = whole_number(request.POST.get("rsvp", ""))
    if rsvp_id is None:
        raise Http404
    rsvp = get_object_or_404(date.rsvps.active(), pk=rsvp_id)
    try:
        checkins.mark_attended(rsvp, request.POST.get("action") == "came")
    except seats.SeatError as error:
        messages.error(request, error.message)
    return redirect(f"{request.path}#rsvp-{rsvp.pk}")


# -- staff add an RSVP by hand (someone who phoned) -------------------------------------------


class StaffRsvpForm(ContactFieldsMixin, forms.Form):
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=80)
    phone = forms.CharField(label=gettext_lazy("Mobile phone"), required=False, max_length=30)
    email = email_field()
    party_size = forms.IntegerField(label=gettext_lazy("People"), min_value=1, initial=1)
    group_label = forms.CharField(
        label=gettext_lazy("Group (farm, crew)"), max_length=120, required=False
    )
    needs_transport = forms.BooleanField(label=gettext_lazy("Needs transport"), required=False)
    pickup = forms.ChoiceField(label=gettext_lazy("Pickup point"), required=False)
    reminder = forms.ChoiceField(label=gettext_lazy("Reminders"), choices=ReminderChannel.choices)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=())
    consent = forms.BooleanField(
        label=gettext_lazy(
            "The person agreed that the organization keeps these details until they are "
            "erased after the activity."
        )
    )

    def __init__(self, *args, pickups=(), **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["pickup"].choices = [("", "—")] + [
            (str(p.translation_key), str(p)) for p in pickups
        ]
        self.fields["language"].choices = settings.LANGUAGES

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error("phone", _("Give a mobile phone number or an e-mail address."))
        # A reminder channel without its contact would leave the person without news.
        self.check_reminder_contact(data)
        return data


@sensitive_post_parameters()
def rsvp_add(request, page_id, date_id):
    page, date = event_and_date(request, page_id, date_id)
    pickups = list(page.pickup_points.all())
    form = StaffRsvpForm(
        request.POST or None, pickups=pickups, initial={"language": page.locale.language_code}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            request_ = seats.SeatRequest(
                first_name=data["first_name"],
                phone=data["phone"],
                email=data["email"],
                party_size=data["party_size"],
                pickup_key=(data["pickup"] or None) if data["needs_transport"] else None,
                needs_transport=data["needs_transport"],
                reminder=data["reminder"],
                language=data["language"],
                is_group=bool(data["group_label"]),
                group_label=data["group_label"],
                source=RsvpSource.STAFF,
            )
            try:
                outcome = seats.take_seat(date, request_)
            except seats.SeatError as error:
                form.add_error(None, error.message)
            else:
                if outcome.confirmed:
                    messages.success(request, _("The registration was added: confirmed."))
                else:
                    messages.warning(request, _("The registration was added to the waiting list."))
                return redirect("events_rsvps", page_id=page_id, date_id=date.pk)
    return TemplateResponse(
        request,
        "rsvp/admin/rsvp_add.html",
        {"page": page, "date": date, "form": form},
        status=status,
    )
