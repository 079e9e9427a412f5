"""Factories for pages, dates and users. Pages are created where the site puts them."""

import datetime as dt
import itertools

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from demo.site import ensure_categories, ensure_site
from events.models import Category, EventPage
from home.models import HomePage
from organizations.models import OrganizationPage

_numbers = itertools.count(1)


def restore_migration_data():
    """Locales, the root page and the root collection come from migrations; a
    transactional test's flush removes them, so tests after it put them back."""
    from django.conf import settings
    from django.core.cache import cache
    from wagtail.models import Collection, Page

    if Page.get_first_root_node() is not None:
        return
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    cache.clear()


def build_site():
    restore_migration_data()
    ensure_categories()
    ensure_site()
    return {lang: HomePage.objects.get(locale__language_code=lang) for lang in ("fr", "es", "en")}


def french():
    return Locale.objects.get(language_code="fr")


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under its parent and publishes it, as an editor would."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class OrganizationFactory(PageFactory):
    class Meta:
        model = OrganizationPage

    title = factory.Sequence(lambda n: f"Organisme {n}")
    slug = factory.Sequence(lambda n: f"organisme-{n}")
    full_name = factory.LazyAttribute(lambda o: f"{o.title} communautaire")
    phone = "+18195550100"
    municipality = "Coaticook"
    region = "05"
    staff_languages = "fr es"
    parent = factory.LazyFunction(lambda: HomePage.objects.get(locale=french()))


def next_saturday(weeks=1):
    today = timezone.localdate()
    return today + dt.timedelta(days=(5 - today.weekday()) % 7, weeks=weeks)


class EventFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Activité {n}")
    slug = factory.Sequence(lambda n: f"activite-{n}")
    summary = "Une sortie pour tout le monde."
    category = factory.LazyFunction(lambda: Category.objects.get(locale=french(), slug="outing"))
    first_date = factory.LazyFunction(next_saturday)
    start_time = dt.time(10, 30)
    end_time = dt.time(15, 0)
    place_name = "Parc de la Gorge"
    municipality = "Coaticook"
    region = "05"
    capacity = 20
    max_party_size = 4
    spoken_languages = "fr es"
    parent = factory.SubFactory(OrganizationFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pw")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()


def staff_of(org):
    """A user in the organization's staff group."""
    org.refresh_from_db()
    return UserFactory(groups=[org.staff_group])
