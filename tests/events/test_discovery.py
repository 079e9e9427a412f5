"""The activities listing: filters in the address, search, pagination, remembered region."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import timezone

from core.languages import LanguageCode
from core.translations import translate
from events.models import Category
from events.services.discovery import Filters, matching_dates, read_filters, search
from events.services.region_choice import REGION_COOKIE
from tests.factories import EventFactory, OrganizationFactory, french, next_saturday

pytestmark = pytest.mark.django_db

LISTING = "/fr/activites/"


def titles(response):
    return [item.page.title for _day, items in response.context["days"] for item in items]


def query(text):
    return QueryDict(text)


@pytest.fixture
def events(site_tree):
    estrie = OrganizationFactory(title="AIDE", slug="aide", region="05")
    mauricie = OrganizationFactory(title="SANA", slug="sana", region="04")
    sport = Category.objects.get(locale=french(), slug="sport")
    return {
        "hike": EventFactory(
            parent=estrie,
            title="Randonnée au mont Pinacle",
            transport_provided=True,
            spoken_languages="fr es",
        ),
        "soccer": EventFactory(
            parent=mauricie,
            title="Soccer du dimanche",
            category=sport,
            region="04",
            municipality="Shawinigan",
            price=Decimal("5"),
            spoken_languages="fr",
            first_date=next_saturday() + dt.timedelta(days=1),
        ),
        "later": EventFactory(
            parent=estrie,
            title="Cabane à sucre",
            place_name="Érablière Lapointe",
            spoken_languages="fr",
            first_date=next_saturday(weeks=5),
        ),
    }


@pytest.mark.parametrize(
    "params, expected",
    [
        ("", {"hike", "soccer", "later"}),
        ("region=05", {"hike", "later"}),
        ("category=sport", {"soccer"}),
        ("organization=sana", {"soccer"}),
        ("language=es", {"hike"}),
        ("transport=1", {"hike"}),
        ("free=1", {"hike", "later"}),
        ("q=pinacle", {"hike"}),
        ("q=LAPOINTE", {"later"}),  # place name, any case
        ("q=shawinigan", {"soccer"}),  # municipality
        ("q=soccer+dimanche", {"soccer"}),  # every word must match
        ("q=soccer+pinacle", set()),
        ("region=05&free=1&transport=1", {"hike"}),
    ],
)
def test_filters_narrow_the_dates(events, client, params, expected):
    response = client.get(f"{LISTING}?{params}")
    assert response.status_code == 200
    assert set(titles(response)) == {events[key].title for key in expected}


def test_a_date_range_keeps_the_days_inside_it(events, client):
    later = events["later"].shared_dates().get().start.date()
    response = client.get(f"{LISTING}?when=range&from={later}&to={later + dt.timedelta(days=1)}")
    assert titles(response) == [events["later"].title]
    # Dates alone mean a range too.
    response = client.get(f"{LISTING}?from={later + dt.timedelta(days=2)}")
    assert titles(response) == []


def test_search_reads_the_visitors_language(events, client):
    org = events["hike"].get_parent().specific
    translate(org, "es", {})
    translate(events["hike"], "es", {events["hike"].title: "Caminata en la montaña"})
    response = client.get("/es/actividades/?q=caminata")
    assert titles(response) == ["Caminata en la montaña"]


def test_filtering_runs_in_one_query_on_dates(events, django_assert_num_queries):
    filters = Filters(region="05", q="cabane", language="fr", free=True, organization="aide")
    locale = french()
    with django_assert_num_queries(2):  # the organization's paths, then the dates
        dates = list(matching_dates(filters, locale))
    assert [d.event.title for d in dates] == [events["later"].title]


@pytest.fixture
def thursday_evening(time_machine):
    """Thursday 18:00 before the factories' Saturday: the worker planning the weekend."""
    thursday = next_saturday() - dt.timedelta(days=2)
    now = timezone.make_aware(dt.datetime.combine(thursday, dt.time(18, 0)))
    time_machine.move_to(now, tick=False)
    return now


@pytest.mark.parametrize(
    "when, expected",
    [
        ("today", set()),
        ("weekend", {"hike", "soccer"}),
        ("week", {"hike", "soccer"}),
        ("", {"hike", "soccer", "later"}),
    ],
)
def test_named_windows(events, thursday_evening, when, expected):
    dates = matching_dates(Filters(when=when), french())
    assert {d.event.title for d in dates} == {events[key].title for key in expected}


def test_this_month_ends_with_the_month(events, thursday_evening):
    dates = matching_dates(Filters(when="month"), french())
    month = timezone.localdate(thursday_evening).month
    assert {timezone.localdate(d.start).month for d in dates} <= {month}


def test_results_are_paginated_with_the_filters_kept(site_tree, client):
    org = OrganizationFactory()
    for i in range(3):
        EventFactory(parent=org, title=f"Atelier {i}", first_date=next_saturday(weeks=i + 1))
    result = search(Filters(q="atelier"), french(), page_number="2", per_page=2)
    assert result.page.number == 2 and result.count == 3
    response = client.get(f"{LISTING}?q=atelier&page=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Page" in html or "page" in html


def test_pagination_links_keep_the_filters(site_tree, client, settings):
    org = OrganizationFactory()
    for i in range(22):
        EventFactory(parent=org, title=f"Cours {i}", first_date=next_saturday() + dt.timedelta(i))
    html = client.get(f"{LISTING}?q=cours&free=1").content.decode()
    assert 'href="?q=cours&amp;free=1&amp;page=2" rel="next"' in html
    page_two = client.get(f"{LISTING}?q=cours&free=1&page=2")
    assert len(titles(page_two)) == 2


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(events, client):
    html = client.get(f"{LISTING}?q=introuvable", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Aucune activité ne correspond à ces filtres." in html
    assert 'href="/fr/activites/?region="' in html


BAD_QUERIES = [
    "from=2026-02-31&to=demain",
    "from=9999-12-31",
    "from=0001-01-01&to=0001-01-02",
    "region=99",
    "region=05&region=06",
    "category=%3Cscript%3Ealert(1)%3C/script%3E",
    "organization=nobody",
    "language=xx",
    "when=yesterday&when=today",
    "transport=maybe&free=",
    "q=" + "a" * 10_000,
    "q=%27%3B%20DROP%20TABLE%20events_eventdate%3B--",
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "q=100%25_off",
    "q=%01%02%1b",  # (NUL gets a 400 everywhere: tests/home/test_null_characters.py)
    "page=-1",
    "page=abc",
    "page=" + "9" * 5000,
    "to=2026-01-10&from=2026-03-01",
]


@pytest.mark.parametrize("params", BAD_QUERIES)
def test_bad_filters_never_break_the_page(events, client, params):
    response = client.get(f"{LISTING}?{params}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "a" * 200 not in html  # the long search is not echoed back whole


def test_ignored_filters_are_explained_in_the_visitors_language(events, client):
    response = client.get("/es/actividades/?region=99&from=2026-02-31&category=nada")
    html = response.content.decode()
    assert "«Región» no se tomó en cuenta" in html or "“Región” no se tomó en cuenta" in html
    assert "no es una fecha" in html
    # The other filters still apply and results are shown.
    assert response.context["results"].count == 3


def test_a_long_search_is_shortened_not_dropped(events, client):
    response = client.get(f"{LISTING}?q=pinacle{'x' * 10_000}")
    assert response.context["filters"].q == ("pinacle" + "x" * 10_000)[:100]
    assert len(response.context["discovery"].ignored) == 1


def test_repeated_values_are_ignored_but_a_repeated_checkbox_is_not(events):
    discovery = read_filters(query("region=05&region=06&free=1&free=1"), french())
    assert discovery.filters.region == "" and discovery.filters.free
    assert len(discovery.ignored) == 1


def test_the_region_is_remembered_and_can_be_forgotten(events, client):
    response = client.get(f"{LISTING}?region=04")
    assert response.cookies[REGION_COOKIE].value == "04"
    assert "Cookie" in response["Vary"]
    # Later visits default to it…
    response = client.get(LISTING)
    assert set(titles(response)) == {events["soccer"].title}
    assert response.context["discovery"].region_remembered
    # …an address with a region wins…
    assert set(titles(client.get(f"{LISTING}?region=05"))) == {
        events["hike"].title,
        events["later"].title,
    }
    # …and "All regions" forgets it.
    response = client.get(f"{LISTING}?region=")
    assert response.cookies[REGION_COOKIE].value == ""
    assert len(titles(client.get(LISTING))) == 3


def test_an_invalid_cookie_is_ignored(events, client):
    client.cookies[REGION_COOKIE] = "<b>"
    assert len(titles(client.get(LISTING))) == 3


def test_the_home_page_picks_and_remembers_a_region(events, thursday_evening, client):
    response = client.get("/fr/?region=04")
    assert response.cookies[REGION_COOKIE].value == "04"
    weekend = [item.page.title for _d, items in response.context["weekend_days"] for item in items]
    assert weekend == [events["soccer"].title]
    assert "Cette fin de semaine en Mauricie" in response.content.decode()
    response = client.get("/fr/")
    assert response.context["region_choice"].region == "04"
    response = client.get("/fr/?region=nowhere")
    assert response.status_code == 200
    assert response.context["region_choice"].region == "04"  # unchanged


def test_home_shows_this_weekend_first_and_category_buttons(events, client):
    html = client.get("/es/").content.decode()
    assert html.index('id="weekend-heading"') < html.index('id="categories-heading"')
    assert 'href="/es/actividades/?category=sport"' in html


def test_cancelled_dates_are_listed_as_cancelled(events, client):
    from rsvp.services.schedule import cancel_date

    cancel_date(events["hike"].shared_dates().get())
    html = client.get(f"{LISTING}?region=05").content.decode()
    assert "card--cancelled" in html


def test_language_choices_cover_the_model(events):
    discovery = read_filters(query("language=pt"), french())
    assert discovery.filters.language == "pt" and "pt" in LanguageCode.values


def test_the_listing_skips_ended_dates(site_tree, client):
    event = EventFactory(first_date=timezone.localdate() - dt.timedelta(days=3))
    assert event.title not in titles(client.get(LISTING))
