import pytest
from django.core.management import call_command
from wagtail.models import Page

from events.models import Category, EventDate, EventPage, OrganizationPage, PickupPoint

pytestmark = pytest.mark.django_db

MODELS = (Page, EventPage, EventDate, OrganizationPage, PickupPoint, Category)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_loads_three_languages_and_runs_twice_without_duplicates():
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first
    for lang in ("fr", "es", "en"):
        assert EventPage.objects.filter(locale__language_code=lang, live=True).count() >= 12
    # One set of dates per event, whatever the number of languages.
    originals = EventPage.objects.filter(locale__language_code="fr")
    assert set(EventDate.objects.values_list("event_id", flat=True)) <= set(
        originals.values_list("pk", flat=True)
    )


def test_demo_has_something_this_weekend(client):
    call_command("load_demo", verbosity=0)
    from wagtail.models import Locale

    from events.services.listing import upcoming
    from events.services.when import this_weekend

    start, end = this_weekend()
    assert upcoming(Locale.objects.get(language_code="es"), now=start, until=end)
