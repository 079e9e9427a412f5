"""Organizations, their staff logins and their activities, from demo/content.py."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from demo.site import LANGS, translate_everywhere
from events.models import Category, EventPage, PickupPoint
from events.services.coordinates import coordinates_of
from home.models import HomePage
from organizations.models import OrganizationPage


def first_day(schedule, today):
    days_ahead = (schedule["weekday"] - today.weekday()) % 7
    return today + dt.timedelta(days=days_ahead, weeks=schedule.get("week_offset", 0))


def _time(text):
    return dt.time.fromisoformat(text)


def _html(paragraphs):
    from django.utils.html import escape

    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _pairs(*specs):
    """(French text, {lang: text}) pairs for translatable values given per language."""
    pairs = []
    for spec in specs:
        if not spec:
            continue
        if isinstance(spec.get("fr"), list):
            for i, fr in enumerate(spec["fr"]):
                pairs.append((fr, {lang: spec[lang][i] for lang in LANGS if i < len(spec[lang])}))
        else:
            pairs.append((spec["fr"], spec))
    return pairs


@transaction.atomic
def ensure_staff(org, spec):
    User = get_user_model()
    staff = spec["staff"]
    user, created = User.objects.get_or_create(
        username=staff["username"],
        defaults={
            "first_name": staff.get("first_name", ""),
            "last_name": staff.get("last_name", ""),
            "email": spec.get("email", ""),
        },
    )
    if created:
        user.set_password(staff["password"])
        user.save()
    user.groups.add(org.staff_group)
    return user


@transaction.atomic
def ensure_organization(spec):
    fr = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=fr)
    org = OrganizationPage.objects.filter(locale=fr, slug=spec["slug"]).first()
    if org is None:
        org = home.add_child(
            instance=OrganizationPage(
                title=spec["name"],
                slug=spec["slug"],
                full_name=spec["full_name"],
                intro=f"<p>{spec['intro']['fr']}</p>",
                phone=spec["phone"],
                whatsapp=spec.get("whatsapp", ""),
                email=spec.get("email", ""),
                address=spec.get("address", ""),
                municipality=spec["municipality"],
                region=spec["region"],
                staff_languages=" ".join(spec.get("languages", [])),
            )
        )
        org.save_revision().publish()
    translate_everywhere(org, _pairs({k: [v] for k, v in spec["intro"].items()}))
    org.refresh_from_db()
    ensure_staff(org, spec)
    return org


def _coordinates(spec, *texts):
    """The demo's own coordinates, else those staff would get on saving (the town's)."""
    if spec.get("lat") is not None:
        return Decimal(str(spec["lat"])), Decimal(str(spec["lng"]))
    return coordinates_of(*texts)


@transaction.atomic
def new_event(spec, fr, today):
    """The French page of a demo activity, with its pickup points (not yet saved)."""
    schedule = spec["schedule"]
    start_day = first_day(schedule, today)
    count = schedule.get("weekly_count", 1)
    transport = spec["transport"]
    place = spec["place"]
    latitude, longitude = _coordinates(place, place["municipality"], place.get("address", ""))
    event = EventPage(
        title=spec["title"]["fr"],
        slug=spec["slug"],
        summary=spec["summary"]["fr"],
        body=_html(spec["description"]["fr"]),
        category=Category.objects.get(locale=fr, slug=spec["category"]),
        first_date=start_day,
        start_time=_time(schedule["start"]),
        end_time=_time(schedule["end"]),
        repeat_weekly_until=start_day + dt.timedelta(weeks=count - 1) if count > 1 else None,
        timezone=spec.get("timezone", "America/Toronto"),
        place_name=place["name"],
        address=place.get("address", ""),
        municipality=place["municipality"],
        region=place["region"],
        latitude=latitude,
        longitude=longitude,
        transport_provided=transport["provided"],
        bring_bike=transport["bring_bike"],
        transport_notes=transport["notes"]["fr"],
        capacity=spec["capacity"],
        max_party_size=spec["max_party"],
        waitlist_allowed=spec["waitlist"],
        group_rsvp_allowed=spec.get("group_rsvp", True),
        spoken_languages=" ".join(spec["languages"]),
        price=Decimal(spec["price"]) if spec.get("price") else None,
        what_to_bring=spec["bring"]["fr"],
        accessibility_notes=spec["accessibility"]["fr"],
    )
    for order, pickup in enumerate(transport["pickups"]):
        latitude, longitude = _coordinates(pickup, pickup.get("address", ""), pickup["name"]["fr"])
        event.pickup_points.add(
            PickupPoint(
                sort_order=order,
                name=pickup["name"]["fr"],
                address=pickup.get("address", ""),
                latitude=latitude,
                longitude=longitude,
                time=_time(pickup["time"]),
                notes=pickup.get("notes", {}).get("fr", ""),
                locale=fr,
            )
        )
    return event


def ensure_event(spec, orgs, today):
    fr = Locale.objects.get(language_code="fr")
    event = EventPage.objects.filter(locale=fr, slug=spec["slug"]).first()
    if event is None:
        event = new_event(spec, fr, today)
        orgs[spec["org"]].add_child(instance=event)
        event.save_revision().publish()
    slugs = {lang: slugify(spec["title"][lang]) for lang in LANGS}
    pickups = []
    for pickup in spec["transport"]["pickups"]:
        pickups += [pickup["name"], pickup.get("notes")]
    translate_everywhere(
        event,
        [(spec["slug"], slugs)]
        + _pairs(
            spec["title"],
            spec["summary"],
            spec["description"],
            spec["transport"]["notes"],
            spec["bring"],
            spec["accessibility"],
            *pickups,
        ),
    )
    return event


def load(today=None):
    from demo import content
    from demo.history import add_history
    from demo.site import ensure_categories, ensure_site

    today = today or timezone.localdate()
    ensure_categories()
    ensure_site()
    orgs = {spec["slug"]: ensure_organization(spec) for spec in content.ORGANIZATIONS}
    events = [ensure_event(spec, orgs, today) for spec in content.EVENTS]
    add_history(events, today)
    return orgs, events
