import pytest
from django.core.cache import cache

from notifications import sms


@pytest.fixture(autouse=True)
def fresh_state():
    cache.clear()
    sms.outbox = []
    yield
    cache.clear()
