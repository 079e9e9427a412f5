"""Double opt-in: the e-mail link (GET shows, POST confirms) and the SMS code."""

import re

import pytest
from django.core import mail

from digest.models import DigestSubscription, SubscriptionStatus
from digest.services import digest, subscriptions
from notifications import dispatcher, sms
from tests.digest.helpers import subscribe, subscriber, url

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\w\w/infolettre/confirmer/[^/\s]+/)")
CODE = re.compile(r"\b(\d{6})\b")


def emailed_link(client, lang="es", **fields):
    subscribe(client, lang, **fields)
    dispatcher.dispatch()
    return LINK.search(mail.outbox[-1].body).group(1)


def texted_code(client, phone="+18195550142", lang="es", **fields):
    subscribe(client, lang, email="", phone=phone, **fields)
    dispatcher.dispatch()
    return CODE.search(sms.outbox[-1].body).group(1)


def the_subscription():
    return DigestSubscription.objects.get()


def test_get_shows_a_button_and_changes_nothing(clock, site_tree, client):
    link = emailed_link(client, regions=["05", "16"])
    assert link.startswith("/es/")
    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="post"' in html and "Estrie" in html and "Montérégie" in html
    assert response["Referrer-Policy"] == "same-origin"
    assert the_subscription().status == SubscriptionStatus.PENDING


def test_post_activates_with_the_requested_regions_and_language(clock, site_tree, client):
    link = emailed_link(client, regions=["05", "16"], language="en")
    response = client.post(link)
    assert response.status_code == 200
    subscription = the_subscription()
    assert subscription.status == SubscriptionStatus.ACTIVE
    assert (subscription.regions, subscription.language) == ("05 16", "en")
    assert subscription.requested_regions == ""
    # Sending the form again (a double click) says it is done, and changes nothing.
    assert client.post(link).status_code == 200
    assert client.get(link).status_code == 200


def test_an_altered_link_is_refused(clock, site_tree, client):
    link = emailed_link(client)
    token = link.rstrip("/").rsplit("/", 1)[1]
    altered = link.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    assert client.get(altered).status_code == 404
    assert client.post(altered).status_code == 404
    assert the_subscription().status == SubscriptionStatus.PENDING


def test_an_expired_link_does_nothing(clock, site_tree, client, settings):
    link = emailed_link(client)
    clock.advance(hours=settings.ENSEMBLE_DIGEST_LINK_HOURS, seconds=1)
    assert client.post(link).status_code == 404
    assert the_subscription().status == SubscriptionStatus.PENDING


def test_a_change_to_an_active_subscription_applies_once_confirmed(clock, site_tree, client):
    subscriber(contact="ana@example.org", regions="05", language="fr")
    link = emailed_link(client, "es", regions=["12"])
    client.post(link)
    subscription = the_subscription()
    assert (subscription.status, subscription.regions, subscription.language) == (
        "active",
        "12",
        "es",
    )


def post_code(client, code, phone="+18195550142"):
    return client.post(url("events_digest_code", "es"), {"phone": phone, "code": code})


def wrong(code):
    return f"{(int(code) + 1) % 10**6:06d}"


def test_the_right_code_activates(clock, site_tree, client):
    code = texted_code(client, regions=["05"])
    response = post_code(client, code, phone="819-555-0142")
    assert response.status_code == 200
    assert "confirmada" in response.content.decode()
    assert the_subscription().status == SubscriptionStatus.ACTIVE


def test_a_wrong_code_is_refused_and_counted(clock, site_tree, client):
    code = texted_code(client)
    response = post_code(client, wrong(code))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_code_error"' in html and 'value="+18195550142"' in html
    subscription = the_subscription()
    assert (subscription.status, subscription.code_attempts) == ("pending", 1)


def test_an_expired_code_is_refused(clock, site_tree, client, settings):
    code = texted_code(client)
    clock.advance(minutes=settings.ENSEMBLE_DIGEST_CODE_MINUTES, seconds=1)
    assert post_code(client, code).status_code == 400
    assert the_subscription().status == SubscriptionStatus.PENDING


def test_too_many_tries_void_the_code(clock, site_tree, client, settings):
    code = texted_code(client)
    for _ in range(settings.ENSEMBLE_DIGEST_CODE_ATTEMPTS):
        post_code(client, wrong(code))
    wrong_answer = post_code(client, wrong(code)).content.decode()
    right_answer = post_code(client, code)
    assert right_answer.status_code == 400
    assert the_subscription().status == SubscriptionStatus.PENDING
    # The same words as a wrong code: the page does not say a request exists.
    error = re.compile(r'<ul class="errorlist" id="id_code_error">.*?</ul>', re.S)
    assert error.search(wrong_answer).group(0) == error.search(right_answer.content.decode()).group(
        0
    )


def test_a_new_request_gives_a_new_code_and_fresh_tries(clock, site_tree, client, settings):
    first = texted_code(client)
    for _ in range(settings.ENSEMBLE_DIGEST_CODE_ATTEMPTS):
        post_code(client, wrong(first))
    second = texted_code(client)
    assert post_code(client, first).status_code == 400 or first == second
    assert post_code(client, second).status_code == 200


def test_a_code_for_an_unknown_number_gets_the_same_answer(clock, site_tree, client):
    code = texted_code(client)
    known = post_code(client, wrong(code)).content.decode()
    unknown = post_code(client, code, phone="+18195550111").content.decode()
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|value="\+1819555\d{4}"')
    assert strip.sub("", known).replace(wrong(code), code) == strip.sub("", unknown)


def test_the_code_is_not_stored(clock, site_tree, client):
    code = texted_code(client)
    subscription = the_subscription()
    stored = " ".join(str(v) for v in DigestSubscription.objects.values().get().values())
    assert code not in stored
    assert subscriptions.code_for(subscription) == code


def test_the_code_page_works_alone(clock, site_tree, client):
    response = client.get(url("events_digest_code", "fr"))
    assert response.status_code == 200
    assert 'name="phone"' in response.content.decode()


def test_bad_code_input_is_explained(clock, site_tree, client):
    response = post_code(client, "12ab")
    assert response.status_code == 400
    assert "6 dígitos" in response.content.decode()


def test_confirming_on_friday_still_brings_this_weekend(clock, weekend, client):
    digest.queue_week()  # Thursday: nobody yet
    clock.advance(days=1)
    post_code(client, texted_code(client, regions=["05"]))
    sms.outbox.clear()
    digest.queue_week()
    dispatcher.dispatch()
    assert len(sms.outbox) == 1 and "Estrie" in sms.outbox[0].body
