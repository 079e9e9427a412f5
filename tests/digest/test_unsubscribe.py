"""Leaving: the one-click link in every digest e-mail, and STOP by SMS."""

import pytest
from django.core import mail
from django.test import Client

from digest.models import DigestSubscription
from digest.services import digest, subscriptions
from notifications import dispatcher, sms
from notifications.services import sms_replies
from rsvp.models import MessageStatus, OutboxMessage, SmsOptOut
from tests.digest.conftest import THURSDAY
from tests.digest.helpers import subscriber, url

pytestmark = pytest.mark.django_db


def link(subscription):
    return url("events_digest_unsubscribe", "fr", subscriptions.unsubscribe_token(subscription))


def test_every_digest_email_has_a_one_click_header(clock, weekend):
    subscription = subscriber()
    digest.queue_week()
    dispatcher.dispatch()
    email = mail.outbox[0]
    assert email.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/fr/infolettre/desabonner/"
    )
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    target = email.extra_headers["List-Unsubscribe"][len("<http://testserver") : -1]
    mail_app = Client(enforce_csrf_checks=True)
    response = mail_app.post(
        target, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed" and subscription.unsubscribed_at


def test_get_shows_a_button_and_changes_nothing(clock, site_tree, client):
    subscription = subscriber()
    response = client.get(link(subscription))
    assert response.status_code == 200 and b'method="post"' in response.content
    subscription.refresh_from_db()
    assert subscription.status == "active"


def test_an_altered_link_is_refused(clock, site_tree, client):
    subscription = subscriber()
    target = link(subscription)
    assert client.post(target.replace("/desabonner/", "/desabonner/x")).status_code == 404
    subscription.refresh_from_db()
    assert subscription.status == "active"


def test_unsubscribing_skips_the_pending_digest(clock, weekend, client):
    subscription = subscriber()
    digest.queue_week()
    client.post(link(subscription))
    assert OutboxMessage.objects.get().status == MessageStatus.SKIPPED
    dispatcher.dispatch()
    assert mail.outbox == []


def test_a_link_to_a_forgotten_subscription_still_says_done(clock, site_tree, client):
    subscription = subscriber()
    target = link(subscription)
    DigestSubscription.objects.all().delete()
    assert client.post(target).status_code == 200


def test_stop_ends_sms_digests(clock, weekend):
    subscription = subscriber("sms", contact="+18195550142")
    email_one = subscriber("email", contact="ana@example.org")
    digest.queue_week()
    assert sms_replies.handle_reply("+18195550142", "Alto") == "stop"
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    assert OutboxMessage.objects.get(subscription=subscription).status == MessageStatus.SKIPPED
    dispatcher.dispatch()
    assert sms.outbox == [] and len(mail.outbox) == 1
    email_one.refresh_from_db()
    assert email_one.status == "active"


def test_no_sms_to_an_opted_out_number_even_if_active(clock, weekend):
    """START lifts the opt-out; an active subscription left from before still gets
    nothing while the number is opted out."""
    subscriber("sms", contact="+18195550142")
    SmsOptOut.objects.create(phone="+18195550142")
    digest.queue_week(now=THURSDAY)
    dispatcher.dispatch()
    assert sms.outbox == []
    assert OutboxMessage.objects.get().status == MessageStatus.SKIPPED


def test_the_digest_sms_says_stop(clock, weekend):
    subscriber("sms", language="es")
    digest.queue_week()
    dispatcher.dispatch()
    assert "STOP" in sms.outbox[0].body
