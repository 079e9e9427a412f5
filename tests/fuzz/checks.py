"""What every fuzz example checks: no 5xx, and nothing half written."""

from django.core.cache import cache
from django.forms.models import model_to_dict

from digest.models import DigestSubscription
from events.models import EventDate
from partner_feeds.models import PartnerFeed
from rsvp.models import OutboxMessage, Rsvp

COUNTED = (Rsvp, OutboxMessage, DigestSubscription, EventDate, PartnerFeed)


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def row(instance):
    """The stored values of a row, to compare before and after a refused change."""
    fresh = type(instance).objects.get(pk=instance.pk)
    return model_to_dict(fresh)


def fresh_example():
    """Each example starts with empty rate limits, so it reaches the form."""
    cache.clear()


def no_server_error(response, request=""):
    assert response.status_code < 500, f"{response.status_code} for {request!r}"
    return response


def refused(response):
    """A 4xx, or the form shown again (a 200 on a POST that saves redirects or says so)."""
    return response.status_code >= 400


def unchanged(before, *models):
    after = counts()
    names = [m.__name__ for m in models] or list(before)
    assert {n: after[n] for n in names} == {n: before[n] for n in names}
