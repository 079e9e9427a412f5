import pytest
from django.core.cache import cache

from events.models import EventDate, PickupPoint
from notifications import sms
from tests.factories import EventFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache: each test starts from zero; so does the SMS outbox."""
    cache.clear()
    sms.outbox = []
    yield
    cache.clear()


@pytest.fixture
def event(site_tree):
    """An event of 4 seats with a pickup point (the RSVP pages' tests)."""
    page = EventFactory(capacity=4, max_party_size=4)
    PickupPoint(event=page, name="Église", time="09:30").save()
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def date(event):
    return EventDate.objects.for_event(event).get()
