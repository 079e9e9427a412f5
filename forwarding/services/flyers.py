"""What a printed flyer shows: one column per language, and a QR code to the page.

A flyer hangs on a bunkhouse wall for weeks, so it shows only dates still to come and
not cancelled, and a few of them: the QR code leads to the rest. Every column is
written in its own language, whatever language the visitor reads the site in.
"""

from dataclasses import dataclass, field
from itertools import permutations

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.formatting import format_clock, format_day, format_range, format_time, to_local
from core.links import absolute_url
from events.models import EventDate, EventPage, PickupPoint
from forwarding.services.qr import qr_svg
from organizations.models import OrganizationPage

FLYER_LANGUAGES = ("fr", "es", "en")
# Most readers of a bunkhouse flyer read Spanish; French stays beside it, as large.
DEFAULT_LANGUAGES = ("es", "fr")
MAX_DATES = 4


def language_name(code):
    return dict(settings.LANGUAGES)[code]


def language_choices():
    """Every allowed value of ?langs=: the two-language pairs first, then single languages."""
    pairs = [",".join(p) for p in permutations(FLYER_LANGUAGES, 2)]
    values = pairs + list(FLYER_LANGUAGES)
    return [(v, " + ".join(language_name(c) for c in v.split(","))) for v in values]


def parse_languages(raw):
    """The flyer's languages from ?langs=, and whether the value was understood.

    One or two distinct codes among fr, es, en; anything else gives the default.
    """
    if raw is None:
        return list(DEFAULT_LANGUAGES), True
    codes = [code.strip().lower() for code in raw.split(",")]
    if (
        not 1 <= len(codes) <= 2
        or len(set(codes)) != len(codes)
        or any(code not in FLYER_LANGUAGES for code in codes)
    ):
        return list(DEFAULT_LANGUAGES), False
    return codes, True


def format_price(price, language):
    """'12 $' / '$12', '7,50 $' / '$7.50'."""
    amount = f"{price:.2f}".removesuffix(".00")
    if language == "fr":
        return f"{amount.replace('.', ',')} $"
    return f"${amount}"


@dataclass
class Pickup:
    time: str
    point: PickupPoint


@dataclass
class EventColumn:
    language: str
    page: EventPage
    dates: list = field(default_factory=list)
    # The hours, when every printed date has the same ones (then `dates` holds only days).
    hours: str = ""
    more_dates: int = 0
    pickups: list = field(default_factory=list)
    price: str = ""


@dataclass
class EventFlyer:
    page: EventPage
    columns: list
    organization: OrganizationPage
    url: str
    qr: str
    # Languages asked for that have no translation of this activity yet.
    missing: list

    @property
    def dense(self):
        """Smaller type, and pickup points without their addresses, so that it fits."""
        page = self.columns[0].page
        return (
            max(len(c.pickups) for c in self.columns) > 3
            or len(page.what_to_bring) > 220
            or len(page.title) > 60
        )


def event_flyer(page, languages, now=None):
    translations = {
        p.locale.language_code: p
        for p in EventPage.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code__in=languages)
        .select_related("locale", "category")
    }
    present = [lang for lang in languages if lang in translations]
    missing = [lang for lang in languages if lang not in translations]
    if not present:
        # Not translated into any wanted language: the page itself, in its own language.
        translations = {page.locale.language_code: page}
        present = [page.locale.language_code]

    # A weekly series has at most a few dozen dates: one query for all, a few shown.
    dates = list(EventDate.objects.for_event(page).upcoming(now or timezone.now()).scheduled())
    pickups = {}
    for point in PickupPoint.objects.filter(event__in=translations.values()).order_by(
        "sort_order", "pk"
    ):
        pickups.setdefault(point.event_id, []).append(point)

    shown = dates[:MAX_DATES]
    columns = []
    for lang in present:
        version = translations[lang]
        days, hours = _dates_in_words(shown, version.timezone, lang)
        columns.append(
            EventColumn(
                language=lang,
                page=version,
                dates=days,
                hours=hours,
                more_dates=max(len(dates) - MAX_DATES, 0),
                pickups=[
                    Pickup(time=format_clock(p.time, lang), point=p)
                    for p in pickups.get(version.pk, [])
                ],
                price="" if version.is_free else format_price(version.price, lang),
            )
        )
    organization = OrganizationPage.objects.filter(
        path=page.path[: -page.steplen], depth=page.depth - 1
    ).first()
    first = columns[0].page
    url = absolute_url(first)
    with override(columns[0].language):
        title = _("QR code: %(url)s") % {"url": url}
    return EventFlyer(
        page=page,
        columns=columns,
        organization=organization,
        url=url,
        qr=qr_svg(url, title=title) if url else "",
        missing=missing,
    )


def _dates_in_words(dates, tzname, lang):
    """A weekly series at fixed hours reads better with its hours said once:
    (['samedi 28 novembre', 'samedi 5 décembre'], '10 h 30 – 15 h 00'); other dates get
    their full range each: (['samedi 28 novembre, 10 h 30 – 15 h 00'], '')."""
    same_day = all(
        to_local(d.start, tzname).date() == to_local(d.end, tzname).date() for d in dates
    )
    hours = {(format_time(d.start, tzname, lang), format_time(d.end, tzname, lang)) for d in dates}
    if len(dates) > 1 and same_day and len(hours) == 1:
        start, end = hours.pop()
        return [format_day(d.start, tzname, lang) for d in dates], f"{start} – {end}"
    return [format_range(d.start, d.end, tzname, lang) for d in dates], ""


def _day(value, tzname):
    return to_local(value, tzname).date()
