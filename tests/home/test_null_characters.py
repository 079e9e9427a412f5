"""A null character (NUL, %00) in an address or a form gets a 400 with a message.

PostgreSQL refuses text holding NUL, so each of these requests was a 500 there (SQLite
stores NUL: there the same requests went through as if nothing were wrong). Run the
file with DATABASE_URL set to see the PostgreSQL side.
"""

from urllib.parse import urlencode

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse
from twilio.request_validator import RequestValidator

from config.null_characters import NullCharacterMiddleware
from digest.models import DigestSubscription
from tests.digest.helpers import form as digest_form
from tests.factories import staff_of
from tests.notifications.twilio_posts import TOKEN

pytestmark = pytest.mark.django_db

FRENCH = "L'adresse ou le formulaire contient un caractère nul (%00) : ce n'est pas permis."
SPANISH = "La dirección o el formulario contiene un carácter nulo (%00): no está permitido."


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?search=%00",
        "/api/v2/pages/?locale=%00",
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/documents/?search=%00",
        "/api/v2/images/?search=%00",
        "/api/v2/pages/?search=caf%C3%A9%00",
    ],
)
def test_api_parameters_holding_nul_get_a_400_in_the_apis_shape(site_tree, client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 400
    assert response.json() == {"message": SPANISH}


@pytest.mark.parametrize(
    "path",
    [
        "/fr/activites/?q=%00",
        "/fr/activites/?region=05&q=a%00",
        "/fr/infolettre/?region=%00",
        "/feeds/events.ics?lang=es%00",
        "/fr/a%00b/",
        "/sitemap.xml?p=%00",
        "/admin/login/?next=%00",
    ],
)
def test_pages_and_feeds_holding_nul_get_a_plain_400(site_tree, client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == FRENCH + "\n"


def test_the_text_percent_zero_zero_is_no_nul(site_tree, client):
    response = client.get("/fr/activites/", {"q": "%00"})  # sent as q=%2500
    assert response.status_code == 200


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_a_signed_webhook_holding_nul_gets_a_400(site_tree, client, encoding):
    # The status webhook reads request.POST itself: the NUL went on to the query.
    data = {"MessageSid": "SM\x00", "MessageStatus": "delivered"}
    signature = RequestValidator(TOKEN).compute_signature(
        "http://testserver/sms/twilio/status/", data
    )
    body = urlencode(data) if encoding == "urlencoded" else data
    kind = {"content_type": "application/x-www-form-urlencoded"} if encoding == "urlencoded" else {}
    with override_settings(TWILIO_AUTH_TOKEN=TOKEN):
        response = client.post(
            "/sms/twilio/status/", body, HTTP_X_TWILIO_SIGNATURE=signature, **kind
        )
    assert response.status_code == 400
    assert "%00" in response.content.decode()


def test_a_public_form_holding_nul_gets_a_400_and_saves_nothing(site_tree, client):
    with_nul = digest_form(email="ana\x00@example.org")
    response = client.post(reverse("events_digest_subscribe"), with_nul)
    assert response.status_code == 400
    assert not DigestSubscription.objects.exists()


def test_a_cookie_holding_nul_is_dropped_not_read():
    seen = {}

    def view(request):
        seen.update(request.COOKIES)
        return HttpResponse()

    request = RequestFactory().get("/fr/", HTTP_COOKIE='sessionid="\\000abcdefgh"; region=05')
    assert request.COOKIES["sessionid"] == "\x00abcdefgh"  # how Django decodes it
    NullCharacterMiddleware(view)(request)
    assert seen == {"region": "05"}


def test_a_session_cookie_holding_nul_means_signed_out(site_tree, client):
    # The session key went to the session table: a 500 on PostgreSQL.
    from tests.factories import OrganizationFactory

    client.force_login(staff_of(OrganizationFactory()))
    assert client.get("/admin/").status_code == 200
    client.cookies["sessionid"] = "\x00abcdefgh"
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.url
