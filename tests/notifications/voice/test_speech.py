"""What the voice line says, in each language: days and hours written for a voice,
every sentence translated, and each sentence said in the language of its <Say>."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import polib
import pytest
from django.conf import settings
from django.utils import translation

from notifications.services import voice_text as text
from tests.notifications.voice.calls import Call

QUEBEC = ZoneInfo("America/Toronto")


def at(month, day, hour, minute=0):
    return dt.datetime(2026, month, day, hour, minute, tzinfo=QUEBEC)


@pytest.mark.parametrize(
    "when, language, spoken",
    [
        (at(6, 13, 10, 30), "fr", "samedi 13 juin, à 10 heures 30"),
        (at(8, 1, 9), "fr", "samedi 1er août, à 9 heures"),
        (at(8, 2, 12), "fr", "dimanche 2 août, à midi"),
        (at(6, 13, 10, 30), "es", "el sábado 13 de junio, a las 10 y media de la mañana"),
        (at(6, 13, 13, 15), "es", "el sábado 13 de junio, a la 1 y cuarto de la tarde"),
        (at(6, 13, 19, 45), "es", "el sábado 13 de junio, a las 7 y 45 de la noche"),
        (at(6, 13, 10, 30), "en", "Saturday, June 13, at 10:30 AM"),
        (at(6, 13, 12), "en", "Saturday, June 13, at 12 PM"),
    ],
)
def test_days_and_hours_are_written_for_the_ear(when, language, spoken):
    assert text.spoken_when(when, "America/Toronto", language) == spoken


def test_an_event_in_another_time_zone_is_said_in_its_own_time():
    start = at(7, 4, 10)  # 10:00 in Québec is 11:00 on the Îles-de-la-Madeleine
    assert text.spoken_when(start, "America/Halifax", "fr").endswith("à 11 heures")


# Every sentence the line can say, with example values.
SENTENCES = {
    "greeting": lambda: text.greeting(),
    "language_option": lambda: text.language_option("1"),
    "too_many_calls": lambda: text.too_many_calls(),
    "nothing_heard": lambda: text.nothing_heard(),
    "wrong_key": lambda: text.wrong_key(),
    "no_activities": lambda: text.no_activities(),
    "choose_region": lambda: text.choose_region(),
    "region_option": lambda: text.region_option("Estrie", "1"),
    "navigation": lambda: text.navigation(more=True, more_label=text.more_regions()),
    "next_activity": lambda: text.navigation(more=True, more_label=text.next_activity()),
    "activity_position": lambda: text.activity_position(1, 2),
    "activity": lambda: text.activity("Soccer", "Coaticook", "…", True),
    "state_waitlist": lambda: text.state("waitlist"),
    "state_full": lambda: text.state("full"),
    "state_closed": lambda: text.state("past"),
    "register_option": lambda: text.register_option(),
    "back_to_first": lambda: text.back_to_first(),
    "gone": lambda: text.gone(),
    "hidden_number": lambda: text.hidden_number(),
    "too_many_registrations": lambda: text.too_many_registrations(),
    "confirmed": lambda: text.registered("confirmed"),
    "waitlisted": lambda: text.registered("waitlisted"),
    "sms": lambda: text.confirmation_by_sms(True),
    "no_sms": lambda: text.confirmation_by_sms(False),
    "after_registration": lambda: text.after_registration(),
    "goodbye": lambda: text.goodbye(),
    "back_key": lambda: text.press(text.BACK),
}


# Names filled in, and words French spells as English does.
SAME_WORDS = {"soccer", "estrie", "coaticook", "confirmation"}


def english_words(sentence):
    return set(re.findall(r"[a-z]{4,}", sentence.lower())) - SAME_WORDS


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("name", SENTENCES)
def test_every_sentence_is_translated(name, language):
    with translation.override("en"):
        english = SENTENCES[name]()
    with translation.override(language):
        said = SENTENCES[name]()
    assert said != english
    left = english_words(english) & set(re.findall(r"[a-z]{4,}", said.lower()))
    assert not left, f"English words in the {language} sentence: {said!r}"


def test_the_english_sentences_are_in_the_english_catalog():
    """English speech is the catalog's, not only the source strings: an English
    translation (e.g. "For English, press 3.") must be there too."""
    po = polib.pofile(str(settings.LOCALE_PATHS[0] / "en" / "LC_MESSAGES" / "django.po"))
    voice = [e for e in po if any("voice_text" in path for path, _line in e.occurrences)]
    assert voice and all(e.msgstr for e in voice)
    with translation.override("en"):
        assert text.language_option("3") == "For English, press 3."


@pytest.mark.django_db
@pytest.mark.parametrize("key, locale", [("1", "fr-CA"), ("2", "es-MX"), ("3", "en-US")])
def test_a_whole_call_is_said_in_the_language_chosen(week, client, key, locale):
    call = Call(client, "+18195550123")
    call.start()
    call.press(key)
    languages = set()
    for press in ("8", "1", "9", "9", "1", "0", "*"):
        languages |= set(call.languages())
        call.press(press)
    assert languages == {locale}
    voice = settings.TWILIO_VOICES[locale[:2]]
    assert {say.get("voice") for say in call.twiml.iter("Say")} == {voice}
