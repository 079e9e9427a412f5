"""The digest's words: per language, public data only, SMS within two segments."""

import pytest
from django.utils import timezone

from notifications.services.render import render
from notifications.sms.segments import UCS2, analyse
from rsvp.models import MessageKind, OutboxMessage
from tests.digest.conftest import WEEK
from tests.digest.helpers import subscriber

pytestmark = pytest.mark.django_db


def digest_row(subscription):
    return OutboxMessage(
        subscription=subscription,
        kind=MessageKind.DIGEST,
        channel=subscription.channel,
        date_version=WEEK,
        due_at=timezone.now(),
    )


def test_french_email_lists_the_weekend_in_the_regions(weekend):
    rendered = render(digest_row(subscriber(regions="05 16", language="fr")))
    assert rendered.subject == "Cette fin de semaine près de chez vous : 2 activités"
    text = rendered.text
    assert "samedi 28 novembre" in text.lower() and "dimanche 29 novembre" in text.lower()
    assert "Randonnée au mont Pinacle" in text and "Match de soccer" in text
    assert "10 h 30" in text and "Parc de la Gorge, Coaticook" in text
    assert "http://testserver/fr/aide/randonnee/" in text
    assert "Transport offert" in text
    # Not next week's workshop, not the cancelled party.
    assert "Atelier" not in text and "annulée" not in text
    assert "?region=05&when=weekend" in text and "?region=16&when=weekend" in text
    assert "/fr/infolettre/desabonner/" in text
    assert rendered.unsubscribe_url and rendered.unsubscribe_url in rendered.html
    assert rendered.html.startswith("<!DOCTYPE html>")
    assert '<a href="http://testserver/fr/aide/randonnee/">Randonnée au mont Pinacle</a>' in (
        rendered.html
    )


def test_spanish_email_uses_the_spanish_pages(weekend):
    rendered = render(digest_row(subscriber(regions="05", language="es")))
    assert rendered.subject == "Este fin de semana cerca de usted: 1 actividad"
    assert "sábado 28 de noviembre" in rendered.text
    assert "Caminata al mont Pinacle" in rendered.text
    assert "/es/" in rendered.text and "/fr/aide/" not in rendered.text
    assert "Soccer" not in rendered.text  # Montérégie is not one of the regions
    assert rendered.html.startswith('<!DOCTYPE html>\n<html lang="es">')


def test_english_email(weekend):
    rendered = render(digest_row(subscriber(regions="16", language="en")))
    assert rendered.subject == "This weekend near you: 1 activity"
    assert "Sunday, November 29" in rendered.text
    # Not translated into English: the original is shown rather than nothing.
    assert "Match de soccer" in rendered.text


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_sms_gives_count_regions_link_and_stop(weekend, language):
    text = render(digest_row(subscriber("sms", regions="05 16", language=language))).text
    assert "2 " in text and "(Estrie, Mont" in text and "STOP" in text
    assert f"http://testserver/{language}/" in text and "when=weekend" in text
    assert analyse(text).segments <= 2, text


def test_sms_links_to_the_region_when_there_is_one(weekend):
    text = render(digest_row(subscriber("sms", regions="05", language="es"))).text
    assert "?region=05&when=weekend" in text
    assert text.startswith("Ensemble: 1 actividad este fin de semana (Estrie):")


LONG_REGIONS = "02 08 11 12"  # Saguenay–Lac-Saint-Jean, Abitibi-Témiscamingue…


@pytest.mark.parametrize("language", ["fr", "es"])
def test_sms_with_long_region_names_still_fits(weekend, language, settings):
    settings.BASE_URL = "https://ensemble.communautaire.example.org"
    subscription = subscriber("sms", regions=LONG_REGIONS + " 05", language=language)
    text = render(digest_row(subscription)).text
    info = analyse(text)
    assert info.segments <= 2, (info, text)
    assert "STOP" in text and "when=weekend" in text


def test_spanish_sms_in_ucs2_fits(weekend, settings):
    """One region name outside GSM-7 (the en dash, Î) makes the whole text UCS-2:
    67 characters a segment. The names are cut, then left out, to stay in two."""
    subscription = subscriber("sms", regions="05 11", language="es")
    text = render(digest_row(subscription)).text
    assert analyse(text).segments <= 2, text
    shortest = "Ensemble: 1 actividad este fin de semana (Estrie, Gaspésie–Îles-de-la-Madeleine):"
    assert analyse(shortest).encoding == UCS2
    assert "STOP" in text and "http://testserver/es/" in text


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_confirmations_in_each_language(site_tree, language):
    from digest.services import subscriptions

    for channel, contact in (("sms", "+18195550142"), ("email", "ana@example.org")):
        subscriptions.request(channel, contact, ["11", "02", "08"], language)
    for row in OutboxMessage.objects.filter(kind=MessageKind.SUBSCRIPTION_CONFIRM):
        rendered = render(row)
        subscription = row.subscription
        if row.channel == "sms":
            assert subscriptions.code_for(subscription) in rendered.text
            assert "STOP" in rendered.text and "30" in rendered.text
            assert analyse(rendered.text).segments <= 2, rendered.text
        else:
            assert f"/{language}/infolettre/confirmer/" in rendered.text
            assert "Gaspésie–Îles-de-la-Madeleine" in rendered.text
            assert rendered.html.startswith("<!DOCTYPE html>")
            assert f'<html lang="{language}">' in rendered.html
            assert not rendered.unsubscribe_url
    texts = {r.channel: render(r).text for r in OutboxMessage.objects.all()}
    words = {"fr": "code est", "es": "código es", "en": "code is"}
    assert words[language] in texts["sms"]
