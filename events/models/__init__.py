from .categories import Category, Pictogram
from .dates import DateStatus, EventDate
from .events import EventPage
from .index import ActivitiesIndexPage
from .pickups import PickupPoint

__all__ = [
    "ActivitiesIndexPage",
    "Category",
    "DateStatus",
    "EventDate",
    "EventPage",
    "PickupPoint",
    "Pictogram",
]
