"""Reading a text message someone sent: which action, in which language (docs/replies.md).

Accents, case and punctuation do not matter ("Sí", "si", "SI!" are one word). A reply
is a keyword alone, or a keyword and a number ("ANNULER 2"), or a number alone (the
answer to a numbered choice); ACTIVITÉS may be followed by a region, by its number
("ACTIVITES 05") or its name ("ACTIVIDADES Estrie"), or by a town or a postal code
("ACTIVIDADES Saint-Rémi", "ACTIVITIES J0L"), kept as written for the places lookup.
Anything else is not understood rather than guessed: "non merci, j'y serai" must not
cancel a registration.
"""

import dataclasses
import unicodedata

from organizations.models import Region

CANCEL, CONFIRM, ACTIVITIES, CHOOSE = "cancel", "confirm", "activities", "choose"

# Keyword → the language it says the person reads ("" when fr/es/en share it).
KEYWORDS = {
    CANCEL: {"annuler": "fr", "annule": "fr", "non": "fr", "cancelar": "es", "cancel": "en"}
    | {"no": ""},
    CONFIRM: {"oui": "fr", "si": "es", "yes": "en"},
    ACTIVITIES: {
        "activites": "fr",
        "activite": "fr",
        "actividades": "es",
        "actividad": "es",
        "activities": "en",
        "activity": "en",
    },
}
MIN_REGION_PREFIX = 4


@dataclasses.dataclass(frozen=True)
class Parsed:
    action: str = ""  # "" when the message is not understood
    language: str = ""
    number: int | None = None
    region: str = ""
    near: str = ""  # the words after ACTIVITÉS when they name no region


def plain(text):
    """Lowercase ASCII words: accents dropped, punctuation a space."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else " " for c in text.lower()).split()


def parse(body):
    words = plain(body)
    if not words:
        return Parsed()
    first, rest = words[0], words[1:]
    if first.isdigit() and not rest:
        return Parsed(CHOOSE, number=int(first))
    for action in (CANCEL, CONFIRM):
        if first in KEYWORDS[action]:
            language = KEYWORDS[action][first]
            if not rest:
                return Parsed(action, language)
            if len(rest) == 1 and rest[0].isdigit():
                return Parsed(action, language, number=int(rest[0]))
            return Parsed()
    if first in KEYWORDS[ACTIVITIES]:
        region = region_in(rest)
        near = "" if region or not rest else _after_first_word(body)
        return Parsed(ACTIVITIES, KEYWORDS[ACTIVITIES][first], region=region, near=near)
    return Parsed()


def _after_first_word(body):
    """The text after the keyword, accents and apostrophes kept ("Saint-Rémi")."""
    parts = (body or "").strip().split(None, 1)
    return parts[1].strip(" .!?") if len(parts) > 1 else ""


def region_in(words):
    """The region named by `words` (its number, or its name or the start of it), or ""
    for all regions when there is none or it is not one we know."""
    if not words:
        return ""
    if len(words) == 1 and words[0].zfill(2) in Region.values:
        return words[0].zfill(2)
    wanted = " ".join(words)
    for code, label in Region.choices:
        # The names are the regions' official French ones whatever the language.
        name = " ".join(plain(str(label)))
        if wanted == name or (len(wanted) >= MIN_REGION_PREFIX and name.startswith(wanted)):
            return code
    return ""
