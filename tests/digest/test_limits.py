"""Nobody can flood a stranger's phone or inbox: confirmations per contact are capped,
the page says the same thing over the limit, and nothing more is sent."""

import datetime as dt

import pytest

from digest.models import DigestSubscription
from digest.services import subscriptions
from notifications import dispatcher, sms
from rsvp.models import MessageKind, OutboxMessage
from tests.digest.helpers import subscribe, without_csrf

pytestmark = pytest.mark.django_db

STRANGER = {"email": "", "phone": "+18195550199"}


def confirmations():
    return OutboxMessage.objects.filter(kind=MessageKind.SUBSCRIPTION_CONFIRM)


def test_three_codes_a_day_per_number_from_many_addresses(clock, site_tree, client):
    pages = set()
    for n in range(6):
        response = subscribe(client, "fr", REMOTE_ADDR=f"10.0.0.{n}", **STRANGER)
        assert response.status_code == 200
        pages.add(without_csrf(response))
        dispatcher.dispatch()
    assert len(pages) == 1
    assert len(sms.outbox) == 3 and {m.to for m in sms.outbox} == {"+18195550199"}


def test_the_cap_holds_without_the_cache(clock, site_tree, settings):
    """The cap is counted in the outbox: a cleared (or per-process) cache does not lift it."""
    settings.ENSEMBLE_DIGEST_RATES = {"ip": "1000/h", "contact": "1000/d", "code": "20/h"}
    for _ in range(5):
        subscriptions.request("sms", "+18195550199", ["05"], "fr")
    assert confirmations().count() == 3
    clock.advance(days=1, minutes=1)
    subscriptions.request("sms", "+18195550199", ["05"], "fr")
    assert confirmations().count() == 4


def test_the_ip_limit_shows_the_same_page_and_sends_nothing(clock, site_tree, client, settings):
    settings.ENSEMBLE_DIGEST_RATES = {"ip": "2/h", "contact": "100/d", "code": "20/h"}
    answers = [without_csrf(subscribe(client, "fr", email="ana@example.org")) for _ in range(3)]
    assert answers[0] == answers[2]
    assert confirmations().count() == 2
    other = subscribe(client, "fr", email="bea@example.org")
    assert other.status_code == 200
    assert not DigestSubscription.objects.filter(contact="bea@example.org").exists()


def test_each_request_voids_the_previous_link(clock, site_tree):
    subscriptions.request("email", "ana@example.org", ["05"], "fr")
    first = DigestSubscription.objects.get()
    old_token = subscriptions.confirm_token(first)
    clock.advance(minutes=5)
    subscriptions.request("email", "ana@example.org", ["16"], "fr")
    pk, number = subscriptions.read_confirm_token(old_token)
    assert subscriptions.confirm_link(pk, number) == subscriptions.EXPIRED
    assert DigestSubscription.objects.get().status == "pending"
    # The older confirmation, still unsent, is not sent any more.
    dispatcher.dispatch(now=clock.now + dt.timedelta(seconds=1))
    from django.core import mail

    assert len(mail.outbox) == 1 and "/confirmer/" in mail.outbox[0].body
