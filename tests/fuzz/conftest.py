"""Hypothesis profiles for the fuzz tests, and the few rows they aim at.

"ci" (the default) runs a bounded, derandomized number of examples, so the folder takes
a couple of minutes on SQLite and fails the same way on every run; HYPOTHESIS_PROFILE=deep
runs many more random ones, for a longer look on a developer's machine.
"""

import os

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, settings

from core.tokens import new_token
from digest.services import subscriptions
from events.models import EventDate, PickupPoint
from notifications import sms
from tests.digest.helpers import subscriber
from tests.factories import EventFactory, staff_of
from tests.rsvp_helpers import ask

# Tests reuse the function's database rows across examples (each example checks its own
# counts before and after), so the function-scoped fixture check does not apply.
_common = dict(
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    print_blob=True,
)
settings.register_profile("ci", max_examples=int(os.environ.get("FUZZ_EXAMPLES", 30)),
                          derandomize=True, database=None, **_common)  # fmt: skip
settings.register_profile("deep", max_examples=2000, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def fresh_limits():
    """Rate limits count in the cache; each test starts from zero."""
    cache.clear()
    sms.outbox = []
    yield
    cache.clear()


class World:
    """An event with a pickup point and a date, a registration with its private link,
    the event's staff, and digest subscriptions (pending and active)."""

    def __init__(self):
        self.event = EventFactory(capacity=6, max_party_size=4)
        PickupPoint(event=self.event, name="Église", time="09:30").save()
        self.event.save_revision().publish()
        self.event.refresh_from_db()
        self.organization = self.event.get_parent().specific
        self.date = EventDate.objects.for_event(self.event).get()
        self.rsvp = ask(self.date, email="ana@example.org").rsvp
        self.token, self.rsvp.token_hash = new_token()
        self.rsvp.save(update_fields=["token_hash"])
        self.staff = staff_of(self.organization)
        self.pending = subscriber(status="pending")
        self.active = subscriber()
        self.confirm_token = subscriptions.confirm_token(self.pending)
        self.unsubscribe_token = subscriptions.unsubscribe_token(self.active)


@pytest.fixture
def world(site_tree):
    return World()


@pytest.fixture
def staff_client(client, world):
    client.force_login(world.staff)
    return client
