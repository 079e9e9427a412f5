"""An activity's and a pickup point's coordinates: filled from the place when staff save,
kept when staff correct them, shared by every language, filled for older activities."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from core.translations import translate
from events.models import EventPage, PickupPoint
from rsvp.models import OutboxMessage
from tests.events.test_admin_validation import editor_client, event_form  # noqa: F401
from tests.factories import EventFactory
from tests.notifications.helpers import rsvp_on

pytestmark = pytest.mark.django_db

SAINT_REMI = (Decimal("45.266780"), Decimal("-73.615880"))
COATICOOK = (Decimal("45.133390"), Decimal("-71.799070"))


def coordinates(obj):
    obj.refresh_from_db()
    return obj.latitude, obj.longitude


def pickup(**fields):
    return {"name": "Église", "address": "", "time": "08:00", "notes": "", **fields}


def post_new(client, **overrides):
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", client.org.pk])
    response = client.post(url, event_form(**overrides))
    assert response.status_code == 302, response.context["form"].errors
    return EventPage.objects.get(slug=overrides.get("slug", "randonnee"))


def post_edit(client, page, **overrides):
    page.refresh_from_db()
    rows = [
        {
            "id": p.pk,
            "name": p.name,
            "address": p.address,
            "time": p.time.strftime("%H:%M"),
            "notes": p.notes,
            "latitude": "" if p.latitude is None else str(p.latitude),
            "longitude": "" if p.longitude is None else str(p.longitude),
        }
        for p in page.pickup_points.all()
    ]
    values = {
        "title": page.title,
        "slug": page.slug,
        "municipality": page.municipality,
        "address": page.address,
        "place_name": page.place_name,
        "latitude": "" if page.latitude is None else str(page.latitude),
        "longitude": "" if page.longitude is None else str(page.longitude),
        "first_date": page.first_date.isoformat(),
        "pickup_points": inline_formset(rows, initial=len(rows)),
    }
    values.update(overrides)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), event_form(**values))
    assert response.status_code == 302, response.context["form"].errors
    return EventPage.objects.get(pk=page.pk)


def test_a_new_activity_takes_its_towns_coordinates(editor_client):  # noqa: F811
    page = post_new(editor_client, municipality="St-Rémi")
    assert coordinates(page) == SAINT_REMI


def test_coordinates_staff_type_are_kept(editor_client):  # noqa: F811
    page = post_new(editor_client, municipality="Saint-Rémi", latitude="45.3", longitude="-73.7")
    assert coordinates(page) == (Decimal("45.3"), Decimal("-73.7"))
    page = post_edit(editor_client, page, title="Randonnée au mont")
    assert coordinates(page) == (Decimal("45.3"), Decimal("-73.7"))


def test_an_unknown_town_leaves_them_empty_for_staff_to_fill(editor_client):  # noqa: F811
    page = post_new(editor_client, municipality="Compton", address="chemin de Hatley")
    assert coordinates(page) == (None, None)


def test_coordinates_follow_a_new_municipality_or_are_emptied(editor_client):  # noqa: F811
    page = post_new(editor_client, municipality="Saint-Rémi")
    page = post_edit(editor_client, page, municipality="Coaticook")
    assert coordinates(page) == COATICOOK
    page = post_edit(editor_client, page, municipality="Compton")
    assert coordinates(page) == (None, None)


def test_staff_correct_coordinates_and_the_town_does_not_undo_it(editor_client):  # noqa: F811
    page = post_new(editor_client, municipality="Saint-Rémi")
    page = post_edit(editor_client, page, latitude="45.25", longitude="-73.6")
    assert coordinates(page) == (Decimal("45.25"), Decimal("-73.6"))


def test_pickups_take_the_town_or_urban_postal_code_of_their_address(editor_client):  # noqa: F811
    page = post_new(
        editor_client,
        pickup_points=inline_formset(
            [
                pickup(name="Église", address="12, rue Lachapelle, Saint-Rémi, QC J0L 2L0"),
                pickup(name="Aréna", address="150, rue Main, QC J1A 2S4"),
                pickup(name="Ferme", address="rang 3, QC J0B 1L0"),
                pickup(name="Dépanneur", address="Coaticook", latitude="45.2", longitude="-71.9"),
            ]
        ),
    )
    found = {p.name: (p.latitude, p.longitude) for p in page.pickup_points.all()}
    assert found["Église"] == SAINT_REMI
    assert found["Aréna"] == (Decimal("45.156300"), Decimal("-71.809500"))  # J1A's centre
    assert found["Ferme"] == (None, None)  # a rural area's centre could be far off
    assert found["Dépanneur"] == (Decimal("45.2"), Decimal("-71.9"))


def test_every_language_shares_the_originals_coordinates(site_tree):
    event = EventFactory(municipality="Saint-Rémi", latitude=SAINT_REMI[0], longitude=SAINT_REMI[1])
    PickupPoint.objects.create(
        event=event, name="Église", time="08:00", latitude=COATICOOK[0], longitude=COATICOOK[1]
    )
    translate(event.get_parent(), "es", {})
    spanish = translate(event, "es", {"Église": "Iglesia"})
    assert coordinates(spanish) == SAINT_REMI
    [copy] = spanish.pickup_points.all()
    assert (copy.name, copy.latitude, copy.longitude) == ("Iglesia", *COATICOOK)
    for model in (EventPage, PickupPoint):
        fields = {f.field_name: f for f in get_translatable_fields(model)}
        for name in ("latitude", "longitude"):
            assert isinstance(fields[name], SynchronizedField)
            assert not fields[name].is_overridable(spanish)


def test_coordinates_filled_for_the_first_time_send_no_moved_notice(editor_client):  # noqa: F811
    page = post_new(editor_client, municipality="Compton")
    rsvp_on(page.shared_dates().get())
    notices = OutboxMessage.objects.count()
    page = post_edit(editor_client, page, latitude="45.23", longitude="-71.82")
    assert OutboxMessage.objects.count() == notices
    page = post_edit(editor_client, page, latitude="45.30", longitude="-71.90")
    assert OutboxMessage.objects.count() > notices  # a pin moved: the place changed


def test_the_migration_fills_older_activities_and_pickups(site_tree):
    event = EventFactory(municipality="Shawinigan", address="")
    translate(event.get_parent(), "es", {})
    spanish = translate(event, "es", {})
    kept = EventFactory(
        municipality="Coaticook", latitude=Decimal("45.1"), longitude=Decimal("-71.7")
    )
    stop = PickupPoint.objects.create(event=event, name="Arrêt", address="Saint-Rémi", time="08:00")
    EventPage.objects.filter(pk__in=[event.pk, spanish.pk]).update(latitude=None, longitude=None)
    migration = importlib.import_module("events.migrations.0012_fill_coordinates")
    migration.fill(apps, None)
    shawinigan = (Decimal("46.566750"), Decimal("-72.749130"))
    assert coordinates(event) == shawinigan and coordinates(spanish) == shawinigan
    assert coordinates(kept) == (Decimal("45.1"), Decimal("-71.7"))
    assert coordinates(stop) == SAINT_REMI
