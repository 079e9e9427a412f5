"""The voice line's menus as TwiML (docs/voice.md): language, region, then this
week's activities one at a time, with registration by keypad.

A call's state lives in the addresses of the next step ("?lang=es&region=05&date=12"):
Twilio signs each request over its full address, so a step can only be reached the
way the previous answer offered it. Each menu is one address; the keypad's answer
comes back to that same address with `Digits`, and a silence comes back once with
`again=1`, then the call ends.
"""

import dataclasses
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from twilio.twiml.voice_response import Gather, VoiceResponse

from core.numbers import whole_number
from notifications.services import voice_calls
from notifications.services import voice_text as text
from notifications.services.voice_text import BACK, NEXT, REGISTER, REPEAT
from organizations.models import Region

# Keypad key of each language, French first.
LANGUAGES = {"1": "fr", "2": "es", "3": "en"}
LOCALES = {"fr": "fr-CA", "es": "es-MX", "en": "en-US"}
# Region choices in one menu: keys 1 to 8, 9 is "other regions".
REGIONS_PER_MENU = 8
GATHER_SECONDS = 6


@dataclasses.dataclass(frozen=True)
class Step:
    """One request of a call, read from its address and Twilio's fields."""

    language: str = ""
    region: str = ""
    page: int = 0
    date: int | None = None
    again: bool = False
    digits: str | None = None
    call_sid: str = ""
    phone: str = ""

    def but(self, **changes):
        return dataclasses.replace(self, **{"again": False, "digits": None, **changes})


def address(name, **params):
    query = urlencode({key: value for key, value in params.items() if value not in ("", None)})
    url = settings.BASE_URL.rstrip("/") + reverse(name)
    return f"{url}?{query}" if query else url


def say(verb, sentence, language):
    voice = settings.TWILIO_VOICES.get(language)
    options = {"voice": voice} if voice else {}
    verb.say(sentence, language=LOCALES[language], **options)


def menu(lines, action, *, again=False, repeat=True, ending=None):
    """A keypad menu: `lines` are (sentence, language). No key: the same menu once
    more (unless `repeat` is False), then `ending` — by default "nothing heard,
    goodbye" in the language of the last line — and the call ends."""
    response = VoiceResponse()
    gather = Gather(
        num_digits=1, action=action, method="POST", timeout=GATHER_SECONDS, finish_on_key=""
    )
    for sentence, language in lines:
        say(gather, sentence, language)
    response.append(gather)
    if repeat and not again:
        separator = "&" if "?" in action else "?"
        response.redirect(f"{action}{separator}again=1", method="POST")
        return response
    if ending is None:
        language = lines[-1][1]
        with translation.override(language):
            ending = [(text.nothing_heard(), language)]
    for sentence, language in ending:
        say(response, sentence, language)
    response.hangup()
    return response


def farewell(lines):
    response = VoiceResponse()
    for sentence, language in lines:
        say(response, sentence, language)
    response.hangup()
    return response


# -- language -----------------------------------------------------------------------


def welcome(step, allowed):
    if not allowed:
        return farewell(in_each_language(text.too_many_calls))
    return language_menu(step)


def in_each_language(sentence):
    """(sentence(), language) in French, Spanish and English: before a language is chosen."""
    lines = []
    for language in LANGUAGES.values():
        with translation.override(language):
            lines.append((sentence(), language))
    return lines


def language_menu(step):
    with translation.override("fr"):
        lines = [(text.greeting(), "fr")]
    for key, language in LANGUAGES.items():
        with translation.override(language):
            lines.append((text.language_option(key), language))
    ending = in_each_language(text.nothing_heard)
    return menu(lines, address("voice_language"), again=step.again, ending=ending)


def language_step(step):
    chosen = LANGUAGES.get(step.digits or "")
    if chosen is None:
        return language_menu(step.but(again=step.again and step.digits is None))
    return region_menu(step.but(language=chosen, page=0))


# -- region -------------------------------------------------------------------------


def region_pages(codes):
    return [codes[i : i + REGIONS_PER_MENU] for i in range(0, len(codes), REGIONS_PER_MENU)]


def page_of(region):
    """The region menu that offers `region` (the first one if none does)."""
    for page, codes in enumerate(region_pages(voice_calls.week_regions())):
        if region in codes:
            return page
    return 0


def region_menu(step, before=()):
    language = step.language
    with translation.override(language):
        pages = region_pages(voice_calls.week_regions())
        if not pages:
            return farewell([(text.no_activities(), language)])
        page = min(max(step.page, 0), len(pages) - 1)
        sentences = [*before, text.choose_region()]
        for key, code in enumerate(pages[page], start=1):
            sentences.append(text.region_option(Region(code).label, str(key)))
        more = page + 1 < len(pages)
        sentences.append(text.navigation(more=more, more_label=text.more_regions()))
        action = address("voice_region", lang=language, page=page or "")
        return menu([(s, language) for s in sentences], action, again=step.again)


def region_step(step):
    if step.digits is None or step.digits == REPEAT:
        return region_menu(step.but(again=step.again and step.digits is None))
    pages = region_pages(voice_calls.week_regions())
    page = min(max(step.page, 0), max(len(pages) - 1, 0))
    shown = pages[page] if pages else []
    if step.digits == BACK:
        if page > 0:
            return region_menu(step.but(page=page - 1))
        return language_menu(step.but())
    if step.digits == NEXT and page + 1 < len(pages):
        return region_menu(step.but(page=page + 1))
    chosen = whole_number(step.digits)
    if chosen and chosen <= len(shown):
        return activity_menu(step.but(region=shown[chosen - 1], date=None))
    with translation.override(step.language):
        return region_menu(step.but(page=page), before=[text.wrong_key()])


# -- activities ---------------------------------------------------------------------


def position(listed, date_id):
    for index, entry in enumerate(listed):
        if entry.date.pk == date_id:
            return index
    return 0


def describe(entry, number, count, language):
    """What is said about one date: where, when, the ride, the seats, the keys."""
    event = entry.date.event  # the original page holds the rules and the transport
    when = text.spoken_when(entry.date.start, entry.page.timezone, language)
    sentences = [
        text.activity_position(number, count),
        text.activity(entry.page.title, entry.page.municipality, when, event.transport_provided),
    ]
    state = voice_calls.seat_state(entry.date)
    if state != "open":
        sentences.append(text.state(state))
    if state in ("open", "waitlist"):
        sentences.append(text.register_option())
    sentences.append(text.navigation(more=count > 1, more_label=text.next_activity()))
    return sentences


def activity_menu(step, before=(), index=None):
    language = step.language
    with translation.override(language):
        listed = voice_calls.week_activities(language, step.region)
        if not listed:
            return region_menu(step.but(page=0))
        if index is None:
            index = position(listed, step.date)
        entry = listed[index % len(listed)]
        sentences = [*before, *describe(entry, index % len(listed) + 1, len(listed), language)]
        action = activity_address(step, entry.date.pk)
        return menu([(s, language) for s in sentences], action, again=step.again)


def activity_address(step, date_id):
    return address("voice_activity", lang=step.language, region=step.region, date=date_id)


def activity_step(step):
    if step.digits is None or step.digits == REPEAT:
        return activity_menu(step.but(again=step.again and step.digits is None))
    if step.digits == BACK:
        return region_menu(step.but(page=page_of(step.region)))
    if step.digits == REGISTER:
        return registration(step)
    with translation.override(step.language):
        if step.digits == NEXT:
            listed = voice_calls.week_activities(step.language, step.region)
            following = position(listed, step.date) + 1
            if listed and following >= len(listed):
                return activity_menu(step.but(), before=[text.back_to_first()], index=0)
            return activity_menu(step.but(), index=following)
        return activity_menu(step.but(), before=[text.wrong_key()])


def registration(step):
    language = step.language
    with translation.override(language):
        result = voice_calls.register(step.call_sid, step.phone, step.date, language)
        if result.status:
            sentences = [
                text.registered(result.status),
                text.confirmation_by_sms(result.sms_allowed),
                text.after_registration(),
            ]
            lines = [(s, language) for s in sentences]
            action = activity_address(step, step.date)
            return menu(lines, action, repeat=False, ending=[(text.goodbye(), language)])
        refusal = {
            "hidden": text.hidden_number,
            "too_many": text.too_many_registrations,
            "gone": text.gone,
        }.get(result.refused)
        if refusal is not None:
            said = refusal()
        elif result.error is not None:
            said = result.error.message
        else:
            said = text.gone()
        return activity_menu(step.but(), before=[said])
