"""Finding activities: the listing's filters, read from a query string, run in SQL.

Filters come from a shareable GET query string. Nothing in it can break the page:
each bad value (unknown region, bad date, a value given twice…) is dropped with a
translated explanation, and the remaining filters still apply.

Filtering happens on EventDate joined to the event's original page (which carries the
synchronized facts: region, category, languages, transport, price); the text search
looks at the visitor's language version as well as the original, since untranslated
events are listed in their original language.
"""

import datetime as dt
from dataclasses import dataclass, field, fields
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.formatting import to_local
from core.when import _midnight, local_now, next_days, this_weekend
from events.forms import FilterForm
from events.models import Category, EventPage
from events.places import DEFAULT_KM
from events.services.listing import group_by_day, localize_dates, upcoming_dates
from events.services.nearby import origin_for, place_problem, within
from organizations.models import OrganizationPage, Region

PER_PAGE = 20
Q_MAX_LENGTH = 100
Q_MAX_TERMS = 6
# Date ranges further than this from today are ignored rather than searched.
RANGE_LIMIT_DAYS = 2 * 366
# A distance search sorts the dates it reads; beyond this many, the latest are left out.
MAX_NEARBY_DATES = 1000
SEARCHED_FIELDS = ("title", "summary", "place_name", "municipality")


@dataclass(frozen=True)
class Filters:
    when: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    region: str = ""
    category: str = ""
    organization: str = ""
    language: str = ""
    transport: bool = False
    free: bool = False
    q: str = ""
    # A place found for "near" (its label, read back as the same place) and the radius.
    near: str = ""
    km: int = DEFAULT_KM
    origin: object = field(default=None, compare=False)  # nearby.Origin

    @property
    def active(self):
        return any(getattr(self, f.name) for f in fields(self) if f.name not in ("km", "origin"))

    @property
    def has_more(self):
        """Filters kept behind "More filters" are in use: show them open."""
        return any((self.date_from, self.date_to, self.category, self.organization, self.language))

    def params(self):
        """The filters as query-string pairs, in the form's own names."""
        pairs = {
            "q": self.q,
            "when": self.when,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "region": self.region,
            "category": self.category,
            "organization": self.organization,
            "language": self.language,
            "transport": "1" if self.transport else "",
            "free": "1" if self.free else "",
            "near": self.near,
            "km": str(self.km) if self.near and self.km != DEFAULT_KM else "",
        }
        return {name: value for name, value in pairs.items() if value}

    def querystring(self, **extra):
        """'?…' for these filters; extra values replace them, None drops one."""
        params = self.params()
        for name, value in extra.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = str(value)
        return "?" + urlencode(params)


@dataclass
class Discovery:
    filters: Filters
    form: FilterForm
    ignored: list = field(default_factory=list)
    # The region to remember in the visitor's cookie: a code, "" to forget, None to leave.
    region_to_remember: str | None = None
    region_remembered: bool = False
    # Places to choose from when "near" named several: (label, address of the listing).
    near_choices: list = field(default_factory=list)


CHOICES_CACHE_KEY = "filter-choices:{}"
CHOICES_CACHE_SECONDS = 300


def filter_choices(locale):
    """Categories and organizations offered in the filters, cached per language.

    Forgotten whenever a page is published or unpublished or a category changes
    (events/signals.py), like the site navigation.
    """
    locale_id = getattr(locale, "pk", locale)
    key = CHOICES_CACHE_KEY.format(locale_id)
    choices = cache.get(key)
    if choices is None:
        choices = {
            "categories": list(
                Category.objects.filter(locale_id=locale_id).values("slug", "name", "pictogram")
            ),
            "organizations": list(
                OrganizationPage.objects.live()
                .filter(locale_id=locale_id)
                .order_by("title")
                .values_list("slug", "title")
            ),
        }
        cache.set(key, choices, CHOICES_CACHE_SECONDS)
    return choices


def clear_filter_choices():
    from wagtail.models import Locale

    cache.delete_many(
        [CHOICES_CACHE_KEY.format(pk) for pk in Locale.objects.values_list("pk", flat=True)]
    )


def _ignored(label, reason):
    return _("“%(filter)s” was ignored: %(reason)s") % {"filter": label, "reason": reason}


def read_filters(query, locale, remembered_region=""):
    """Filters from a QueryDict; never raises. Bad values are dropped and explained."""
    choices = filter_choices(locale)
    categories = [(c["slug"], c["name"]) for c in choices["categories"]]
    organizations = choices["organizations"]
    probe = FilterForm(categories=categories, organizations=organizations)
    labels = {name: bound.label for name, bound in probe.fields.items()}
    ignored = []

    data = _single_values(query, probe.fields, labels, ignored)
    data["q"] = _readable_search(data.get("q", ""), ignored)
    form = FilterForm(data, categories=categories, organizations=organizations)
    form.is_valid()
    _explain_errors(form, labels, ignored)
    clean = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    when, date_from, date_to = _dates(clean, ignored)
    region, region_to_remember, region_remembered = _region(
        clean, "region" in data and "region" not in form.errors, remembered_region
    )
    origin, choices = _near(clean, ignored)
    if origin is not None:
        # A town is more precise than a region, and distances cross region borders:
        # the region is not used (nor remembered, nor forgotten).
        region, region_to_remember, region_remembered = "", None, False
    filters = Filters(
        when=when,
        date_from=date_from,
        date_to=date_to,
        region=region,
        category=clean.get("category") or "",
        organization=clean.get("organization") or "",
        language=clean.get("language") or "",
        transport=bool(clean.get("transport")),
        free=bool(clean.get("free")),
        q=" ".join((clean.get("q") or "").split()),
        near=origin.place.label if origin else "",
        km=origin.km if origin else DEFAULT_KM,
        origin=origin,
    )
    initial = {**filters.params(), "transport": filters.transport, "free": filters.free}
    initial["near"] = filters.near or clean.get("near") or ""
    initial["km"] = clean.get("km") or filters.km
    display = FilterForm(initial=initial, categories=categories, organizations=organizations)
    return Discovery(
        filters=filters,
        form=display,
        ignored=ignored,
        region_to_remember=region_to_remember,
        region_remembered=region_remembered,
        near_choices=[
            (p.label, filters.querystring(near=p.label, km=clean.get("km"))) for p in choices
        ],
    )


def _near(clean, ignored):
    """(Origin or None, places to choose from) for the "near" filter; what cannot be
    used is explained, and the listing then shows every place."""
    asked = clean.get("near") or ""
    if not asked:
        return None, ()
    origin, found = origin_for(asked, clean.get("km"))
    if origin is None:
        ignored.append(place_problem(found))
    return origin, found.choices


def _single_values(query, fields, labels, ignored):
    """Each filter's one value; a filter given several values is dropped."""
    data = {}
    for name in fields:
        values = {v for v in query.getlist(name)}
        if len(values) > 1:
            ignored.append(_ignored(labels[name], _("it had several values.")))
        elif values:
            data[name] = values.pop()
    return data


def _readable_search(q, ignored):
    q = "".join(ch if ch.isprintable() else " " for ch in q)
    if len(q) > Q_MAX_LENGTH:
        ignored.append(
            _("The search was too long: only its first %(count)s characters were used.")
            % {"count": Q_MAX_LENGTH}
        )
        q = q[:Q_MAX_LENGTH]
    return q


def _explain_errors(form, labels, ignored):
    for name in form.errors:
        if name in ("from", "to"):
            reason = _("it is not a date (use year-month-day).")
        elif name in ("q",):
            reason = _("it could not be read.")
        else:
            reason = _("this choice does not exist.")
        ignored.append(_ignored(labels.get(name, name), reason))


def _dates(clean, ignored):
    """(when, from, to): a named window wins over stray dates; two dates make a range."""
    when = clean.get("when") or ""
    date_from, date_to = clean.get("from"), clean.get("to")
    if (date_from or date_to) and when not in ("", "range"):
        date_from = date_to = None
    elif date_from or date_to:
        when = "range"
        today = local_now().date()
        limit = dt.timedelta(days=RANGE_LIMIT_DAYS)
        if any(d and abs(d - today) > limit for d in (date_from, date_to)):
            ignored.append(_ignored(_("Dates"), _("they are too far from today.")))
            when, date_from, date_to = "", None, None
        elif date_from and date_to and date_to < date_from:
            ignored.append(_ignored(_("Dates"), _("the end is before the start.")))
            when, date_from, date_to = "", None, None
    elif when == "range":
        when = ""  # "between two dates" without dates: any date
    return when, date_from, date_to


def _region(clean, chosen_now, remembered_region):
    """(region, region to remember, whether the remembered one was used): a region
    chosen now ("" meaning all regions) is remembered; else the remembered one applies."""
    if chosen_now:
        region = clean.get("region") or ""
        return region, region, False
    if remembered_region in Region.values:
        return remembered_region, None, True
    return clean.get("region") or "", None, False


def window(filters, now=None):
    """(start, end) of the wanted dates; end None means no upper bound."""
    now = now or timezone.now()
    today = local_now(now).date()
    if filters.when == "today":
        return next_days(1, now)
    if filters.when == "weekend":
        return this_weekend(now)
    if filters.when == "week":
        return next_days(7, now)
    if filters.when == "month":
        first_next = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
        return _midnight(today), _midnight(first_next)
    if filters.when == "range":
        start = _midnight(filters.date_from) if filters.date_from else None
        end = _midnight(filters.date_to + dt.timedelta(days=1)) if filters.date_to else None
        return start, end
    return None, None


def _text_match(q, prefix=""):
    match = Q()
    for term in q.split()[:Q_MAX_TERMS]:
        any_field = Q()
        for name in SEARCHED_FIELDS:
            any_field |= Q(**{f"{prefix}{name}__icontains": term})
        match &= any_field
    return match


def matching_dates(filters, locale, now=None):
    """Upcoming dates (cancelled ones too, so people see them cancelled), in one query."""
    now = now or timezone.now()
    qs = upcoming_dates(now)
    start, end = window(filters, now)
    if start is not None:
        qs = qs.filter(end__gt=start)  # dates that overlap the window
    if end is not None:
        qs = qs.filter(start__lt=end)
    if filters.region:
        qs = qs.filter(event__region=filters.region)
    if filters.category:
        qs = qs.filter(event__category__slug=filters.category)
    if filters.language:
        qs = qs.filter(event__spoken_languages__contains=filters.language)
    if filters.transport:
        qs = qs.filter(event__transport_provided=True)
    if filters.free:
        qs = qs.filter(Q(event__price__isnull=True) | Q(event__price=0))
    if filters.organization:
        organizations = OrganizationPage.objects.filter(
            translation_key__in=OrganizationPage.objects.filter(
                locale=locale, slug=filters.organization
            ).values("translation_key")
        )
        under = Q(pk__in=[])
        for path in organizations.values_list("path", flat=True):
            under |= Q(event__path__startswith=path)
        qs = qs.filter(under)
    if filters.q:
        localized = EventPage.objects.filter(locale=locale).filter(_text_match(filters.q))
        qs = qs.filter(
            Q(event__translation_key__in=localized.values("translation_key"))
            | _text_match(filters.q, prefix="event__")
        )
    return qs


@dataclass
class Results:
    page: object  # a Django Page of EventDate
    days: list
    page_note: str = ""

    @property
    def count(self):
        return self.page.paginator.count


def nearby_dates(filters, locale, now=None):
    """The matching dates within the radius, day by day, the nearest first in a day;
    each date carries its `distance`. Two queries, like counting and reading a page."""
    distances = within(filters.origin)
    dates = list(
        matching_dates(filters, locale, now).filter(event__translation_key__in=list(distances))[
            :MAX_NEARBY_DATES
        ]
    )
    for date in dates:
        date.distance = distances[date.event.translation_key]

    def order(date):
        return (to_local(date.start, date.event.timezone).date(), date.distance.km, date.start)

    return sorted(dates, key=order)


def search(filters, locale, page_number=None, *, now=None, per_page=PER_PAGE):
    """One page of matching dates, localized and grouped by day."""
    if filters.origin is not None:
        dates = nearby_dates(filters, locale, now)
    else:
        dates = matching_dates(filters, locale, now)
    paginator = Paginator(dates, per_page)
    page = paginator.get_page(page_number)
    note = ""
    if page_number not in (None, "", str(page.number)):
        note = _("That page does not exist: here is page %(number)s.") % {"number": page.number}
    days = group_by_day(localize_dates(page.object_list, locale))
    return Results(page=page, days=days, page_note=note)


def pagination_links(results, filters):
    page = results.page
    links = []
    if page.has_previous():
        links.append(("previous", filters.querystring(page=page.previous_page_number())))
    if page.has_next():
        links.append(("next", filters.querystring(page=page.next_page_number())))
    return links


def weekend_for(locale, region="", now=None, limit=20):
    """This weekend's dates for the home page, in the remembered region if any."""
    filters = Filters(when="weekend", region=region)
    dates = matching_dates(filters, locale, now)[:limit]
    return group_by_day(localize_dates(dates, locale))
