"""Activities near a place: how far each one is, from its place or its nearest pickup.

An activity is as close as the nearest of its place and its pickup points: a worker
the van picks up in Saint-Rémi can go, wherever the activity is. Distances are
great-circle (haversine) from the coordinates on the original page and on its pickup
points, which every language shares. One query finds what lies in the bounding box
of the circle (events and pickups together); the exact distance is computed here.
"""

from dataclasses import dataclass

from django.db.models import BooleanField, Value
from django.utils.translation import gettext as _

from events.models import EventPage, PickupPoint
from events.places import DEFAULT_KM, MAX_KM, bounding_box, distance_km, find


@dataclass(frozen=True)
class Origin:
    place: object  # events.places.Place
    km: int = DEFAULT_KM


@dataclass(frozen=True)
class Distance:
    km: float
    by_pickup: bool = False

    @property
    def rounded(self):
        """Whole kilometres, and never "0 km": a place in town is "1 km" away."""
        return max(1, round(self.km))


def within(origin):
    """{translation_key: Distance} of the published activities within the radius."""
    south, north, west, east = bounding_box(origin.place.point, origin.km)
    box = {"latitude__range": (south, north), "longitude__range": (west, east)}
    places = (
        EventPage.objects.filter(live=True, **box)
        .order_by()
        .annotate(by_pickup=Value(False, output_field=BooleanField()))
        .values_list("translation_key", "latitude", "longitude", "by_pickup")
    )
    pickups = (
        PickupPoint.objects.filter(event__live=True, **box)
        .order_by()
        .annotate(by_pickup=Value(True, output_field=BooleanField()))
        .values_list("event__translation_key", "latitude", "longitude", "by_pickup")
    )
    best = {}
    for key, lat, lon, by_pickup in places.union(pickups, all=True):
        km = distance_km(origin.place.point, (float(lat), float(lon)))
        if km <= origin.km and (key not in best or km < best[key].km):
            best[key] = Distance(km, bool(by_pickup))
    return best


def read_km(value):
    """A radius in whole kilometres from 1 to MAX_KM, else None."""
    text = str(value or "").strip().removesuffix("km").strip()
    if not text.isdigit() or len(text) > 4:
        return None
    km = int(text)
    return km if 1 <= km <= MAX_KM else None


def place_problem(found):
    """Why nothing was found for what someone typed, in their language."""
    if found.problem == "postal_outside":
        return _("“%(asked)s” is not a Québec postal code: they start with G, H or J.") % {
            "asked": found.asked
        }
    if found.problem == "postal_unknown":
        return _("We do not know the postal code “%(asked)s”.") % {"asked": found.asked}
    if found.choices:
        return _("Several places match “%(asked)s”: choose one.") % {"asked": found.asked}
    return _(
        "We do not know the town “%(asked)s”. Try its postal code (such as J0L 1B0) "
        "or a bigger town nearby."
    ) % {"asked": found.asked}


def origin_for(text, km=None):
    """(Origin or None, Found) for a town or postal code as typed."""
    found = find(text)
    if found.place is None:
        return None, found
    return Origin(found.place, km or DEFAULT_KM), found
