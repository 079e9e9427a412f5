"""A region's activities over a window of days: the weekend flyer and the kiosk screen.

The dates are read once and then shown in one or two languages (two queries per
language at most, whatever the number of activities).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Locale

from core.formatting import format_day, format_time
from core.links import absolute
from core.when import next_days, this_weekend
from events.models import ActivitiesIndexPage, EventDate
from events.services.listing import group_by_day, localize_dates, upcoming_dates
from forwarding.services.qr import qr_svg
from organizations.models import Region

WEEKEND_FLYER_MAX_ITEMS = 8
KIOSK_DAYS = 7
KIOSK_MAX_ITEMS = 40


def is_region(code):
    return code in Region.values


def region_name(code):
    return Region(code).label


def region_dates(region, start, until, *, now=None, include_cancelled=True):
    qs = upcoming_dates(now).filter(event__region=region, start__gte=start, start__lt=until)
    if not include_cancelled:
        qs = qs.scheduled()
    return list(qs)


@dataclass
class Item:
    time: str
    listed: object

    @property
    def page(self):
        return self.listed.page

    @property
    def date(self):
        return self.listed.date


@dataclass
class Day:
    label: str
    items: list = field(default_factory=list)


def days_in(listed, language):
    """Dates grouped by local day, with day and time written in `language`."""
    days = []
    for _day, items in group_by_day(listed):
        first = items[0]
        days.append(
            Day(
                label=format_day(first.date.start, first.page.timezone, language),
                items=[
                    Item(
                        time=(
                            f"{format_time(i.date.start, i.page.timezone, language)} – "
                            f"{format_time(i.date.end, i.page.timezone, language)}"
                        ),
                        listed=i,
                    )
                    for i in items
                ],
            )
        )
    return days


def listing_url(language, region, when=None):
    """The activities listing of a language, filtered to a region and a window."""
    index = (
        ActivitiesIndexPage.objects.live()
        .filter(locale__language_code=language)
        .only("id", "url_path", "locale_id")
        .first()
    )
    path = index.get_url_parts()[2] if index else f"/{language}/"
    query = f"?region={region}" + (f"&when={when}" if when else "")
    return absolute(path + query)


# -- the weekend flyer --------------------------------------------------------------
#
# One list for both languages: each activity once, its title in each language, so
# that a dozen activities fit on one page.


@dataclass
class Heading:
    language: str
    title: str
    period: str


@dataclass
class WeekendItem:
    time: str
    date: EventDate
    # (language, page) in the flyer's order; the same page twice if not translated.
    versions: list

    @property
    def page(self):
        return self.versions[0][1]


@dataclass
class WeekendDay:
    labels: list  # (language, "samedi 28 novembre")
    items: list = field(default_factory=list)


@dataclass
class WeekendFlyer:
    region: str
    languages: list
    headings: list
    days: list
    count: int
    more: int
    url: str
    qr: str


def weekend_flyer(region, languages, now=None):
    start, until = this_weekend(now)
    dates = region_dates(region, start, until, now=now, include_cancelled=False)
    shown = dates[:WEEKEND_FLYER_MAX_ITEMS]
    locales = {loc.language_code: loc for loc in Locale.objects.filter(language_code__in=languages)}
    listed = {lang: localize_dates(shown, locales[lang]) for lang in languages}
    pages = {lang: {item.date.pk: item.page for item in listed[lang]} for lang in languages}
    first = languages[0]
    days = []
    for _day, items in group_by_day(listed[first]):
        head = items[0]
        days.append(
            WeekendDay(
                labels=[
                    (lang, format_day(head.date.start, head.page.timezone, lang))
                    for lang in languages
                ],
                items=[
                    WeekendItem(
                        time=(
                            f"{format_time(i.date.start, i.page.timezone, first)} – "
                            f"{format_time(i.date.end, i.page.timezone, first)}"
                        ),
                        date=i.date,
                        versions=[(lang, pages[lang][i.date.pk]) for lang in languages],
                    )
                    for i in items
                ],
            )
        )
    headings = []
    for lang in languages:
        with override(lang):
            headings.append(
                Heading(
                    language=lang,
                    title=_("This weekend in %(region)s") % {"region": region_name(region)},
                    period=_("%(first)s and %(last)s")
                    % {
                        "first": format_day(start, None, lang),
                        "last": format_day(until - dt.timedelta(days=1), None, lang),
                    },
                )
            )
    url = listing_url(first, region, "weekend")
    with override(first):
        title = _("QR code: %(url)s") % {"url": url}
    return WeekendFlyer(
        region=region,
        languages=languages,
        headings=headings,
        days=days,
        count=len(dates),
        more=max(len(dates) - len(shown), 0),
        url=url,
        qr=qr_svg(url, title=title),
    )


# -- the kiosk screen ----------------------------------------------------------------


@dataclass
class Kiosk:
    region: str
    days: list
    refreshed: str
    url: str


def kiosk(region, language, now=None):
    now = now or timezone.now()
    start, until = next_days(KIOSK_DAYS, now)
    dates = region_dates(region, start, until, now=now)[:KIOSK_MAX_ITEMS]
    locale = Locale.objects.get(language_code=language)
    return Kiosk(
        region=region,
        days=days_in(localize_dates(dates, locale), language),
        refreshed=f"{format_day(now, None, language)}, {format_time(now, None, language)}",
        url=listing_url(language, region),
    )
