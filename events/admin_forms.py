"""The activity's edit form in the admin: coordinates filled in from the place on save.

Set as EventPage.base_form_class in EventsConfig.ready(), since models may not
import forms (docs/architecture.md#apps).
"""

from django.forms.formsets import DELETION_FIELD_NAME
from wagtail.admin.forms import WagtailAdminPageForm

from events.services.coordinates import EVENT_PLACE_FIELDS, PICKUP_PLACE_FIELDS, after_edit


def _apply(form, place_fields):
    coordinates = after_edit(form.cleaned_data, form.changed_data, place_fields)
    if coordinates is None:
        return
    for name, value in zip(("latitude", "longitude"), coordinates, strict=True):
        form.cleaned_data[name] = value
        setattr(form.instance, name, value)


class EventPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        if not self.has_error("latitude") and not self.has_error("longitude"):
            _apply(self, EVENT_PLACE_FIELDS)
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        # Pickup forms are cleaned with their formset, after this form's clean().
        for form in self.formsets.get("pickup_points", ()) if valid else ():
            if form.cleaned_data and not form.cleaned_data.get(DELETION_FIELD_NAME):
                _apply(form, PICKUP_PLACE_FIELDS)
        return valid
