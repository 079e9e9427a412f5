"""The voice line's menus, driven as Twilio drives them: signed requests, the TwiML
read back, each key posted to the menu's action (docs/voice.md)."""

import pytest

from notifications.models import VoiceCall
from tests.notifications.helpers import a_date
from tests.notifications.voice.calls import Call
from tests.notifications.voice.conftest import in_days

pytestmark = pytest.mark.django_db


def test_the_call_starts_with_the_language_menu_french_first(week, client):
    call = Call(client)
    call.start()
    assert call.languages() == ["fr-CA", "fr-CA", "es-MX", "en-US"]
    assert call.said() == [
        "Bonjour. Cette ligne vous présente les activités de la semaine.",
        "Pour le français, faites le 1.",
        "Para español, marque el 2.",
        "For English, press 3.",
    ]
    assert VoiceCall.objects.filter(call_sid=call.sid).exists()


@pytest.mark.parametrize(
    "key, locale, heading",
    [
        ("1", "fr-CA", "Choisissez votre région."),
        ("2", "es-MX", "Elija su región."),
        ("3", "en-US", "Choose your region."),
    ],
)
def test_the_language_chosen_is_the_language_spoken(week, client, key, locale, heading):
    call = Call(client)
    call.start()
    call.press(key)
    assert set(call.languages()) == {locale}
    assert call.said()[0] == heading


def test_only_regions_with_an_activity_this_week_are_offered(week, client):
    call = Call(client)
    call.start()
    call.press("1")
    assert call.said() == [
        "Choisissez votre région.",
        "Estrie : faites le 1.",
        "Montréal : faites le 2.",
        "Pour réécouter, faites le 0. Pour revenir en arrière, faites l'étoile.",
    ]
    call.press("2")
    assert "Soirée montréalaise, à Coaticook" in call.text()
    assert "Soccer" not in call.text()


def test_more_than_eight_regions_go_on_a_second_menu(site_tree, client):
    for code in ("01", "02", "03", "04", "05", "06", "07", "08", "09"):
        a_date(title=f"Activité {code}", first_date=in_days(2), region=code)
    call = Call(client)
    call.start()
    call.press("1")
    assert "Côte-Nord" not in call.text()
    assert "Autres régions : faites le 9." in call.text()
    call.press("9")
    assert call.said()[:2] == ["Choisissez votre région.", "Côte-Nord : faites le 1."]
    call.press("1")
    assert "Activité 09" in call.text()
    call.press("*")  # back to the regions' second menu
    call.press("*")  # back to the first one
    assert "Bas-Saint-Laurent : faites le 1." in call.text()


def test_the_week_is_read_one_activity_at_a_time_with_next_repeat_and_back(week, client):
    call = Call(client)
    call.start()
    call.press("1")
    call.press("1")  # Estrie
    first = call.said()
    assert first[0] == "Activité 1 sur 2."
    assert first[1].startswith("Soccer, à Coaticook, ") and first[1].endswith(
        ", à 10 heures 30. Le transport est offert."
    )
    assert first[2:] == [
        "Pour vous inscrire, faites le 1.",
        "Activité suivante : faites le 9. Pour réécouter, faites le 0. "
        "Pour revenir en arrière, faites l'étoile.",
    ]
    call.press("9")
    assert call.said()[0] == "Activité 2 sur 2."
    assert "Atelier de cuisine, à Sherbrooke" in call.said()[1]
    assert "transport" not in call.said()[1]
    call.press("0")
    assert call.said()[0] == "Activité 2 sur 2."
    call.press("9")
    assert call.said()[:2] == [
        "C'était la dernière activité. Voici de nouveau la première.",
        "Activité 1 sur 2.",
    ]
    call.press("*")
    assert call.said()[0] == "Choisissez votre région."
    call.press("*")
    assert call.said()[1] == "Pour le français, faites le 1."


def test_activities_of_next_month_and_cancelled_dates_are_not_read(week, client):
    week["cooking"].status = "cancelled"
    week["cooking"].save()
    call = Call(client)
    call.start()
    call.press("3")
    call.press("1")
    assert call.said()[0] == "Activity 1 of 1."
    assert "Plus tard" not in call.all_twiml() and "cuisine" not in call.all_twiml()


def test_a_key_that_is_no_choice_is_said_and_the_menu_repeated(week, client):
    call = Call(client)
    call.start()
    call.press("2")
    call.press("7")  # only two regions
    assert call.said()[:2] == ["Esa tecla no corresponde a ninguna opción.", "Elija su región."]
    call.press("1")
    call.press("5")
    assert call.said()[:2] == ["Esa tecla no corresponde a ninguna opción.", "Actividad 1 de 2."]
    call.press("#")
    assert call.said()[0] == "Esa tecla no corresponde a ninguna opción."


def test_the_language_menu_repeats_itself_on_a_wrong_key(week, client):
    call = Call(client)
    call.start()
    call.press("7")
    assert call.said()[1] == "Pour le français, faites le 1."


def test_silence_repeats_the_menu_once_then_says_goodbye(week, client):
    call = Call(client)
    call.start()
    call.press("3")
    assert not call.hung_up and call.twiml.find("Redirect") is not None
    call.wait()
    # The menu once more; if it meets silence again, the call ends.
    assert call.twiml.find("Gather/Say").text == "Choose your region."
    assert call.twiml.find("Redirect") is None
    assert call.said()[-1] == "We did not hear a choice. Thank you for calling. Goodbye."
    assert call.hung_up
    call.press("1")  # a key pressed in time still works
    assert call.said()[0] == "Activity 1 of 2."
    assert call.twiml.find("Redirect") is not None


def test_silence_at_the_language_menu_says_goodbye_in_each_language(week, client):
    call = Call(client)
    call.start()
    call.wait()
    assert call.hung_up
    assert call.languages()[-3:] == ["fr-CA", "es-MX", "en-US"]
    assert call.said()[-3] == "Nous n'avons pas entendu de choix. Merci de votre appel. Au revoir."


def test_a_quiet_week_says_so_and_ends_the_call(site_tree, client):
    a_date(title="Plus tard", first_date=in_days(30))
    call = Call(client)
    call.start()
    call.press("2")
    assert call.said() == ["No hay actividades esta semana. Gracias por llamar. Adiós."]
    assert call.hung_up


def test_an_address_with_an_odd_state_falls_back_to_a_menu(week, client):
    call = Call(client)
    call.post("http://testserver/voice/twilio/activity/?lang=xx&region=05&date=abc")
    assert call.said()[1] == "Pour le français, faites le 1."
    call.post("http://testserver/voice/twilio/activity/?lang=en&region=99&date=99999999999")
    assert call.said()[0] == "Choose your region."
    call.post("http://testserver/voice/twilio/activity/?lang=en&region=05&date=424242", "0")
    assert call.said()[0] == "Activity 1 of 2."
    call.post("http://testserver/voice/twilio/region/?lang=en&page=-1", "1")
    assert call.said()[0] == "Activity 1 of 2."


@pytest.mark.parametrize(
    "path",
    [
        "/voice/twilio/incoming/",
        "/voice/twilio/language/",
        "/voice/twilio/region/?lang=fr",
        "/voice/twilio/activity/?lang=fr&region=05",
    ],
)
def test_an_unsigned_or_badly_signed_request_gets_403_and_changes_nothing(week, client, path):
    call = Call(client, valid=False)
    assert call.post("http://testserver" + path, digits="1").status_code == 403
    response = client.post(path, {"CallSid": call.sid, "From": call.caller, "Digits": "1"})
    assert response.status_code == 403
    assert not VoiceCall.objects.exists()
    assert client.get(path).status_code in (403, 405)


@pytest.mark.parametrize("key", ["²", "①"])
def test_a_key_that_only_looks_like_a_digit_is_a_wrong_key(week, client, key):
    call = Call(client)
    call.start()
    call.press("2")
    call.press(key)
    assert call.said()[:2] == ["Esa tecla no corresponde a ninguna opción.", "Elija su región."]
