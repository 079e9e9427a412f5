"""The demo loader: idempotent, three languages, something this weekend, working logins.

One test on purpose: loading the demo is the slow part, so it is loaded twice once.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from core.when import this_weekend
from events.models import Category, EventDate, EventPage, PickupPoint
from events.services.listing import upcoming
from organizations.models import OrganizationPage
from rsvp.models import Rsvp

pytestmark = pytest.mark.django_db

MODELS = (Page, EventPage, EventDate, OrganizationPage, PickupPoint, Category, Rsvp)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_loads_once_in_three_languages_with_working_staff_logins(client):
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    # Past dates with registrations, for the reports.
    assert Rsvp.objects.filter(attended=True, date__end__lt=timezone.now()).count() > 50

    for lang in ("fr", "es", "en"):
        assert EventPage.objects.filter(locale__language_code=lang, live=True).count() >= 12
    # One set of dates per event, whatever the number of languages.
    originals = EventPage.objects.filter(locale__language_code="fr")
    assert set(EventDate.objects.values_list("event_id", flat=True)) <= set(
        originals.values_list("pk", flat=True)
    )

    # Distance searches find every demo activity, in every language, and its pickups.
    assert not EventPage.objects.filter(latitude__isnull=True).exists()
    assert not PickupPoint.objects.filter(latitude__isnull=True).exists()
    for page in EventPage.objects.exclude(locale__language_code="fr"):
        french = originals.get(translation_key=page.translation_key)
        assert (page.latitude, page.longitude) == (french.latitude, french.longitude)

    # "This weekend" is never empty: dates are relative to today.
    start, end = this_weekend()
    assert upcoming(Locale.objects.get(language_code="es"), now=start, until=end)

    assert client.login(username="aide", password="aide-demo-2026")
    own = EventPage.objects.get(locale__language_code="fr", slug="randonnee-mont-pinacle")
    other = originals.exclude(path__startswith=own.get_parent().path).first()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    refused = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert refused.status_code in (302, 403)
