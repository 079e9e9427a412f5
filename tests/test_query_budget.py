"""Public pages run a fixed number of queries, whatever the amount of data (≤ 10)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.translations import translate
from events.models import Category, PickupPoint
from tests.factories import EventFactory, OrganizationFactory, french, next_saturday

pytestmark = pytest.mark.django_db

BUDGET = 10


def add_events(org, count, start=0):
    categories = list(Category.objects.filter(locale=french()))
    image = get_image_model().objects.first()
    for i in range(start, start + count):
        event = EventFactory(
            parent=org,
            title=f"Activité {i}",
            category=categories[i % len(categories)],
            first_date=next_saturday() + dt.timedelta(days=i % 9),
            repeat_weekly_until=None,
            transport_provided=bool(i % 2),
            image=image,
            # Around Coaticook, so that the distance search finds more as data grows.
            latitude=Decimal("45.13") + Decimal(i) / 1000,
            longitude=Decimal("-71.80"),
        )
        PickupPoint.objects.create(
            event=event,
            name=f"Arrêt {i}",
            time=dt.time(8, 0),
            locale=event.locale,
            latitude=Decimal("45.20"),
            longitude=Decimal("-71.75") - Decimal(i) / 1000,
        )


def counts(client, urls):
    result = {}
    for url in urls:
        assert client.get(url).status_code == 200  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        result[url] = len(queries)
    return result


def test_listing_event_and_home_do_not_grow_with_the_data(site_tree, client):
    get_image_model().objects.create(title="Photo", file=get_test_image_file(size=(800, 600)))
    org = OrganizationFactory(title="AIDE", slug="aide")
    add_events(org, 5)
    event = EventFactory(parent=org, title="Soccer", slug="soccer")
    translate(org, "es", {})
    es_event = translate(event, "es", {"Soccer": "Fútbol"})
    urls = [
        "/fr/",
        "/es/",
        "/fr/activites/",
        "/es/actividades/?when=week&region=05&q=a&transport=1&language=es",
        "/fr/activites/?organization=aide&category=sport&page=2",
        "/fr/activites/?near=Coaticook&km=50&page=2",
        "/es/actividades/?near=J1A&when=week",
        event.url,
        es_event.url,
        org.url,
    ]
    small = counts(client, urls)

    other = OrganizationFactory(title="SANA", slug="sana", region="04")
    add_events(org, 20, start=5)
    add_events(other, 15, start=25)
    large = counts(client, urls)

    assert large == small
    over = {url: count for url, count in large.items() if count > BUDGET}
    assert over == {}
    # A distance search costs what a page of the plain listing does.
    assert large["/fr/activites/?near=Coaticook&km=50&page=2"] == large["/fr/activites/"]
