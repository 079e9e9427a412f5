"""Share links on the event page: plain links with a message in the page's language."""

import re
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

pytestmark = pytest.mark.django_db


def links(html):
    section = html[html.index('<section class="forward"') :]
    section = section[: section.index("</section>")]
    return section, {
        name: unescape(re.search(rf'href="({prefix}[^"]*)"', section).group(1))
        for name, prefix in [
            ("whatsapp", r"https://wa\.me/"),
            ("sms", "sms:"),
            ("email", "mailto:"),
            ("flyer", r"/\w\w/flyer/event/"),
            ("weekend", r"/\w\w/flyer/weekend/"),
        ]
    }


def test_spanish_page_shares_a_spanish_message(hike, client):
    _event, es = hike
    html = client.get(es.url).content.decode()
    section, found = links(html)
    url = "http://testserver/es/aide/caminata/"
    text = "\n".join(
        [
            "Caminata al mont Pinacle",
            "sábado 28 de noviembre, 10:30 – 15:00",
            "Parc de la Gorge, Coaticook",
            url,
        ]
    )

    whatsapp = urlsplit(found["whatsapp"])
    assert whatsapp.netloc == "wa.me" and whatsapp.path == "/"
    assert parse_qs(whatsapp.query)["text"] == [text]
    # Properly encoded: no raw space, line break or "&" inside the message.
    assert re.fullmatch(r"text=[A-Za-z0-9%._~-]+", whatsapp.query)

    assert found["sms"].startswith("sms:?&body=")
    assert unquote(found["sms"].removeprefix("sms:?&body=")) == text

    mail = urlsplit(found["email"])
    fields = parse_qs(mail.query)
    assert fields["subject"] == ["Caminata al mont Pinacle"]
    assert fields["body"] == [text.replace("\n", "\r\n")]

    assert f'<input id="share-url" type="url" value="{url}" readonly>' in section
    assert "Copie este enlace" in section
    assert found["flyer"] == f"/es/flyer/event/{es.pk}/"
    assert found["weekend"] == "/es/flyer/weekend/05/"


def test_french_page_shares_a_french_message(hike, client):
    event, _es = hike
    _section, found = links(client.get(event.url).content.decode())
    text = unquote(found["sms"].removeprefix("sms:?&body="))
    assert text.startswith("Randonnée au mont Pinacle\nsamedi 28 novembre, 10 h 30 – 15 h 00\n")
    assert text.endswith("\nhttp://testserver/fr/aide/randonnee/")


def test_no_script_and_no_third_party_resource(hike, client):
    _event, es = hike
    html = client.get(es.url).content.decode()
    # Structured data for search engines is the only script, and it runs nothing.
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts and set(scripts) == {'<script type="application/ld+json">'}
    own_or_allowed = (
        r"(?!testserver/|localhost/|wa\.me/|www\.google\.com/maps/|calendar\.google\.com/)"
    )
    found = re.findall(rf'(?:src|href)="(https?://{own_or_allowed}[^"]*)"', html)
    assert found == []


def test_an_activity_with_no_date_left_still_shares_title_and_link(hike, client):
    event, _es = hike
    event.shared_dates().delete()
    _section, found = links(client.get(event.url).content.decode())
    text = unquote(found["sms"].removeprefix("sms:?&body="))
    assert text.splitlines() == [
        "Randonnée au mont Pinacle",
        "Parc de la Gorge, Coaticook",
        "http://testserver/fr/aide/randonnee/",
    ]
