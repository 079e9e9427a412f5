"""French first, a redirect by browser language, and a switcher that stays on the page."""

import pytest

from core.translations import translate
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "accept, target",
    [("es-MX,es;q=0.9", "/es/"), ("en-CA,en;q=0.8", "/en/"), ("fr-CA", "/fr/"), ("de", "/fr/")],
)
def test_root_redirects_by_browser_language(site_tree, client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize("lang", ["fr", "es", "en"])
def test_home_page_answers_in_each_language(site_tree, client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


def test_switcher_links_to_the_same_event_in_other_languages(site_tree, client):
    event = EventFactory()
    org = event.get_parent().specific
    translate(org, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    html = client.get(event.url).content.decode()
    assert f'href="{es.url}" hreflang="es"' in html
    # No English translation yet: the switcher offers the English home page.
    assert 'href="/en/" hreflang="en"' in html


@pytest.mark.parametrize("lang, text", [("fr", "Page introuvable"), ("es", "no existe")])
def test_missing_page_gets_a_translated_404(site_tree, client, lang, text):
    response = client.get(f"/{lang}/nothing-here/")
    assert response.status_code == 404
    assert text in response.content.decode()
