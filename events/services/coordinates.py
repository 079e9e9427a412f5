"""Where an activity or a pickup point is: filled in when staff save, kept when they correct it.

Coordinates come from the place's own words — the municipality, then a town or an urban
postal code in the address, then the place's name (events.places.locate) — and
follow them: when staff change those words but not the coordinates, the coordinates
are found again, or emptied when the new town is unknown (old coordinates of another
town would be wrong). Coordinates staff typed or emptied themselves are kept.
"""

from decimal import Decimal

from events.places import locate

EVENT_PLACE_FIELDS = ("municipality", "address", "place_name")
PICKUP_PLACE_FIELDS = ("address", "name")
COORDINATES = ("latitude", "longitude")


def _decimal(value):
    return Decimal(f"{value:.6f}")


def coordinates_of(*texts):
    """(latitude, longitude) as stored, or (None, None) when no known place is named."""
    place = locate(*texts)
    if place is None:
        return None, None
    return _decimal(place.latitude), _decimal(place.longitude)


def after_edit(values, changed, place_fields):
    """The (latitude, longitude) to store after an edit, or None to keep what was given.

    `values` are the submitted values by field name, `changed` the names of the fields
    the edit changed.
    """
    if set(COORDINATES) & set(changed):
        return None
    empty = values.get("latitude") is None or values.get("longitude") is None
    if not empty and not set(place_fields) & set(changed):
        return None
    return coordinates_of(*(values.get(name) or "" for name in place_fields))


def fill_missing(page):
    """Give a page built in code (an import) the coordinates of its place, if unset."""
    if page.latitude is None or page.longitude is None:
        page.latitude, page.longitude = coordinates_of(
            *(getattr(page, name) or "" for name in EVENT_PLACE_FIELDS)
        )
