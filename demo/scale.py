"""Bulk data for benchmarks: many organizations, events and dates (French pages only)."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from events.models import Category, EventPage
from home.models import HomePage
from organizations.models import OrganizationPage, Region
from organizations.services import ensure_staff_access
from rsvp.services.schedule import sync_dates

PLACES = ["Coaticook", "Shawinigan", "Montréal", "Saint-Rémi", "Sherbrooke", "Joliette"]


@transaction.atomic
def load_scale(organizations=100, events=2000, dates=5000, seed=7):
    rng = random.Random(seed)
    fr = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=fr)
    categories = list(Category.objects.filter(locale=fr))
    regions = list(Region.values)
    orgs = []
    for i in range(organizations):
        slug = f"org-echelle-{i}"
        org = OrganizationPage.objects.filter(locale=fr, slug=slug).first()
        if org is None:
            org = home.add_child(
                instance=OrganizationPage(
                    title=f"Organisme {i}",
                    slug=slug,
                    municipality=rng.choice(PLACES),
                    region=rng.choice(regions),
                    phone="+18195550100",
                )
            )
            # Added live without a revision to publish: what publishing does, directly.
            ensure_staff_access(org)
        orgs.append(org)
    existing = EventPage.objects.filter(slug__startswith="activite-echelle-").count()
    today = timezone.localdate()
    # Spread the wanted number of dates over the events: some weekly, most single.
    weekly_extra = max(dates - events, 0)
    for i in range(existing, events):
        first = today + dt.timedelta(days=rng.randrange(0, 60))
        weeks = 1
        if weekly_extra > 0:
            weeks = min(1 + weekly_extra, rng.choice([2, 3, 4]))
            weekly_extra -= weeks - 1
        event = orgs[i % len(orgs)].add_child(
            instance=EventPage(
                title=f"Activité à l'échelle {i}",
                slug=f"activite-echelle-{i}",
                summary="Une activité générée pour les mesures.",
                category=rng.choice(categories),
                first_date=first,
                start_time=dt.time(rng.randrange(8, 18), rng.choice([0, 30])),
                end_time=dt.time(20, 0),
                repeat_weekly_until=first + dt.timedelta(weeks=weeks - 1) if weeks > 1 else None,
                place_name="Salle communautaire",
                municipality=rng.choice(PLACES),
                region=rng.choice(regions),
                capacity=rng.choice([None, 10, 20, 40]),
                spoken_languages=rng.choice(["fr", "es", "fr es", "fr es en"]),
                transport_provided=rng.random() < 0.5,
            )
        )
        sync_dates(event)
