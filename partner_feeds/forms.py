from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Category
from partner_feeds.models import PartnerFeed
from partner_feeds.services import fetch
from partner_feeds.services.refusals import Refused, describe


class FeedForm(forms.ModelForm):
    """Staff choose among their own organizations; only site administrators see
    (and so can set) "trusted partner"."""

    class Meta:
        model = PartnerFeed
        fields = ["organization", "url", "category", "trusted"]

    def __init__(self, *args, user, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = self.fields["organization"].queryset.filter(
            pk__in=[page.pk for page in organizations]
        )
        self.fields["organization"].empty_label = None
        self.fields["category"].queryset = Category.objects.filter(
            locale__language_code="fr"
        ).order_by("name")
        if not user.is_superuser:
            del self.fields["trusted"]

    def clean_url(self):
        try:
            return fetch.check_address(self.cleaned_data["url"])
        except Refused as refusal:
            raise forms.ValidationError(describe(refusal.as_record())) from refusal

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("url", _("This organization already imports this calendar."))
