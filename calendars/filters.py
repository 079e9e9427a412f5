"""Reading a feed's query string: which dates, in which language.

Anything unexpected (an unknown name or value, a repeated parameter, junk of
any length) raises :class:`BadParameter`, whose message names the parameter and
lists what it accepts, for a plain-text 400.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest
from django.utils.translation import gettext as _

from events.models import Category
from events.places import DEFAULT_KM, MAX_KM
from events.services.nearby import Origin, origin_for, place_problem, read_km
from organizations.models import OrganizationPage, Region

LANGUAGES = ("fr", "es", "en")
DEFAULT_LANGUAGE = "fr"
FEED_PARAMETERS = ("region", "category", "organization", "lang", "near", "km")
# Wagtail slugs (WAGTAIL_ALLOW_UNICODE_SLUGS is off); longer values are junk.
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,255}")
# Beyond this, an error message lists the format rather than every value.
_MAX_LISTED = 40


class BadParameter(Exception):
    def __init__(self, name: str, problem: str, accepted: str):
        self.name = name
        super().__init__(f"{problem}\n{accepted}\n")


class NotFound(Exception):
    """The feed named by the path does not exist (or is not published)."""


@dataclass(frozen=True)
class FeedFilters:
    lang: str = DEFAULT_LANGUAGE
    region: str | None = None
    # Every language version of the chosen category / organization.
    categories: tuple[Category, ...] = field(default=(), compare=False)
    organizations: tuple[OrganizationPage, ...] = field(default=(), compare=False)
    near: Origin | None = None

    def key(self) -> tuple:
        """What identifies the selection, for cache keys and ETags."""
        return (
            self.lang,
            self.region,
            tuple(sorted(c.translation_key.hex for c in self.categories)),
            tuple(sorted(o.pk for o in self.organizations)),
            (self.near.place.label, self.near.km) if self.near else None,
        )


def single_values(request: HttpRequest, allowed: Iterable[str]) -> dict[str, str]:
    """One value per parameter; an empty value counts as absent (as a blank form field)."""
    allowed = tuple(allowed)
    try:
        query = request.GET  # parsed on first access
        names = list(query)
    except TooManyFieldsSent:
        raise BadParameter("?", _("Too many parameters."), _accepted_parameters(allowed)) from None
    values = {}
    for name in names:
        if name not in allowed:
            raise BadParameter(
                name[:40],
                _("Unknown parameter “%(name)s”.") % {"name": _printable(name)},
                _accepted_parameters(allowed),
            )
        given = query.getlist(name)
        if len(given) > 1:
            raise BadParameter(
                name,
                _("Parameter “%(name)s” is given more than once.") % {"name": name},
                _accepted_values(name),
            )
        if given[0]:
            values[name] = given[0]
    return values


def parse_lang(value: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    if value is None:
        return default
    if value not in LANGUAGES:
        raise _bad_value("lang")
    return value


def parse_filters(request: HttpRequest) -> FeedFilters:
    """The filters of /feeds/events.ics (region, category, organization, lang)."""
    values = single_values(request, FEED_PARAMETERS)
    lang = parse_lang(values.get("lang"))
    region = values.get("region")
    if region is not None and region not in Region.values:
        raise _bad_value("region")
    categories = ()
    if "category" in values:
        categories = find_categories(values["category"])
    organizations = ()
    if "organization" in values:
        organizations = find_organization(values["organization"], lang)
        if not organizations:
            raise _bad_value("organization")
    return FeedFilters(
        lang=lang,
        region=region,
        categories=categories,
        organizations=organizations,
        near=parse_near(values),
    )


def parse_near(values: dict[str, str]) -> Origin | None:
    """`near` (a Québec town or postal code) and `km` (its radius); the listing's rule
    that a town replaces the region would silently widen a feed, so both is an error."""
    if "km" in values and "near" not in values:
        raise BadParameter("km", _("“km” needs “near”."), _accepted_values("near"))
    if "near" not in values:
        return None
    if "region" in values:
        raise BadParameter(
            "near", _("Give “near” or “region”, not both."), _accepted_values("near")
        )
    km = DEFAULT_KM
    if "km" in values:
        km = read_km(values["km"])
        if km is None:
            raise _bad_value("km")
    origin, found = origin_for(values["near"][:200], km)
    if origin is None:
        accepted = _accepted_values("near")
        if found.choices:
            accepted = _("Accepted values: %(values)s.") % {
                "values": ", ".join(p.label for p in found.choices)
            }
        raise BadParameter("near", place_problem(found), accepted)
    return origin


def find_categories(slug: str) -> tuple[Category, ...]:
    found = (
        tuple(Category.objects.filter(slug=slug).select_related("locale"))
        if _SLUG.fullmatch(slug)
        else ()
    )
    if not found:
        raise _bad_value("category")
    return found


def find_organization(slug: str, lang: str) -> tuple[OrganizationPage, ...]:
    """Every language version of the published organization with this slug (in any language).

    Slugs may be translated; when two organizations share one, the one whose
    page in the feed's language has it wins, then the oldest.
    """
    if not _SLUG.fullmatch(slug):
        return ()
    candidates = list(
        OrganizationPage.objects.filter(
            translation_key__in=OrganizationPage.objects.live()
            .filter(slug=slug)
            .values("translation_key")
        )
        .select_related("locale")
        .order_by("pk")
    )
    matches = [p for p in candidates if p.slug == slug and p.live]
    if not matches:
        return ()
    chosen = next((p for p in matches if p.locale.language_code == lang), matches[0])
    return tuple(p for p in candidates if p.translation_key == chosen.translation_key)


def in_language(pages: Iterable, lang: str):
    """The version of a translated object in ``lang``, else the oldest (its original)."""
    pages = sorted(pages, key=lambda p: p.pk)
    return next((p for p in pages if p.locale.language_code == lang), pages[0] if pages else None)


def _bad_value(name: str) -> BadParameter:
    return BadParameter(
        name, _("Unknown value for “%(name)s”.") % {"name": name}, _accepted_values(name)
    )


def _accepted_parameters(allowed: tuple[str, ...]) -> str:
    return _("Accepted parameters: %(values)s.") % {"values": ", ".join(allowed)}


def _accepted_values(name: str) -> str:
    if name == "lang":
        values = list(LANGUAGES)
    elif name == "region":
        values = [f"{code} ({label})" for code, label in Region.choices]
    elif name == "category":
        values = sorted(set(Category.objects.values_list("slug", flat=True)))
    elif name == "organization":
        values = sorted(set(OrganizationPage.objects.live().values_list("slug", flat=True)))
    elif name == "near":
        return _(
            "Accepted values: a Québec town, such as Saint-Rémi, or a postal code, such as J0L."
        )
    elif name == "km":
        return _("Accepted values: a whole number of kilometres from 1 to %(max)s.") % {
            "max": MAX_KM
        }
    else:
        values = []
    if name == "organization" and len(values) > _MAX_LISTED:
        return _("Accepted values: the slug of a published organization, such as %(example)s.") % {
            "example": values[0]
        }
    return _("Accepted values: %(values)s.") % {"values": ", ".join(values)}


def _printable(name: str) -> str:
    text = "".join(c if c.isprintable() else "?" for c in name)
    return text if len(text) <= 40 else text[:40] + "…"
