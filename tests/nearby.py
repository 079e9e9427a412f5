"""Activities around Saint-Rémi, for the distance tests of the listing, feeds and SMS.

From Saint-Rémi: its market 0 km; the Coaticook party 143 km away but with a pickup
point in Napierville, 19 km; an evening in Montréal 27 km; soccer in Shawinigan
159 km; a workshop with no coordinates at all.
"""

import datetime as dt
from decimal import Decimal

from events.models import PickupPoint
from tests.factories import EventFactory, OrganizationFactory

SAINT_REMI = (Decimal("45.266780"), Decimal("-73.615880"))
NAPIERVILLE = (Decimal("45.186480"), Decimal("-73.404680"))
MONTREAL = (Decimal("45.508840"), Decimal("-73.587810"))
COATICOOK = (Decimal("45.133390"), Decimal("-71.799070"))
SHAWINIGAN = (Decimal("46.566750"), Decimal("-72.749130"))


def at(point, **fields):
    return EventFactory(latitude=point[0], longitude=point[1], repeat_weekly_until=None, **fields)


def nearby_events(first_date):
    org = OrganizationFactory(title="Réseau", slug="reseau", region="16")
    events = {
        "market": at(
            SAINT_REMI,
            parent=org,
            title="Marché de Saint-Rémi",
            municipality="Saint-Rémi",
            region="16",
            first_date=first_date,
        ),
        "party": at(
            COATICOOK,
            parent=org,
            title="Souper à Coaticook",
            region="05",
            first_date=first_date,
            transport_provided=True,
        ),
        "evening": at(
            MONTREAL,
            parent=org,
            title="Soirée à Montréal",
            municipality="Montréal",
            region="06",
            first_date=first_date,
        ),
        "soccer": at(
            SHAWINIGAN,
            parent=org,
            title="Soccer à Shawinigan",
            municipality="Shawinigan",
            region="04",
            first_date=first_date,
        ),
        "nowhere": EventFactory(
            parent=org, title="Atelier sans adresse", region="16", first_date=first_date
        ),
    }
    PickupPoint.objects.create(
        event=events["party"],
        name="Église de Napierville",
        time=dt.time(8, 0),
        latitude=NAPIERVILLE[0],
        longitude=NAPIERVILLE[1],
        locale=events["party"].locale,
    )
    return events
