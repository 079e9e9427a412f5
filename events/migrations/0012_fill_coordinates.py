"""Coordinates for the activities and pickup points saved before they were filled in.

Each activity takes those of its municipality (or a town or urban postal code in its
address) when it is a known Québec town; every language version of a page gets its
original's. Pickup points take those of a town or postal code in their address.
Nothing already set changes, and nothing unknown is guessed.
"""

from decimal import Decimal

from django.db import migrations

from events.places import locate


def _decimal(value):
    return Decimal(f"{value:.6f}")


def fill(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    PickupPoint = apps.get_model("events", "PickupPoint")
    originals = {}
    for page in EventPage.objects.order_by("pk").only(
        "pk", "translation_key", "municipality", "address", "place_name", "latitude"
    ):
        originals.setdefault(page.translation_key, page)
    for key, page in originals.items():
        if page.latitude is not None:
            continue
        place = locate(page.municipality, page.address, page.place_name)
        if place is not None:
            EventPage.objects.filter(translation_key=key, latitude__isnull=True).update(
                latitude=_decimal(place.latitude), longitude=_decimal(place.longitude)
            )
    for pickup in PickupPoint.objects.filter(latitude__isnull=True):
        place = locate(pickup.address, pickup.name)
        if place is not None:
            pickup.latitude = _decimal(place.latitude)
            pickup.longitude = _decimal(place.longitude)
            pickup.save(update_fields=["latitude", "longitude"])


class Migration(migrations.Migration):
    dependencies = [("events", "0011_pickup_coordinates")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
