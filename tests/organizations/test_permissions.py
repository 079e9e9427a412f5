"""Staff of one organization work under it only; another's pages are out of reach."""

import pytest
from django.urls import reverse
from wagtail.models import Collection

from core.translations import translate
from tests.factories import EventFactory, OrganizationFactory, staff_of

pytestmark = pytest.mark.django_db

REFUSED = (302, 403)


@pytest.fixture
def two_orgs(site_tree):
    aide = OrganizationFactory(title="AIDE", slug="aide")
    sana = OrganizationFactory(title="SANA", slug="sana", municipality="Shawinigan", region="04")
    return aide, sana


def test_creating_an_organization_creates_its_group_and_collection(two_orgs):
    aide, sana = two_orgs
    assert aide.staff_group is not None and sana.staff_group is not None
    assert aide.staff_group != sana.staff_group
    assert Collection.objects.filter(name="AIDE").exists()


def test_translations_share_the_group_and_are_editable_by_it(two_orgs):
    aide, _sana = two_orgs
    aide_es = translate(aide, "es", {})
    aide_es.refresh_from_db()
    assert aide_es.staff_group == aide.staff_group
    user = staff_of(aide)
    assert aide_es.permissions_for_user(user).can_edit()


def test_editor_edits_own_event_but_is_refused_on_another_organizations(two_orgs, client):
    aide, sana = two_orgs
    own = EventFactory(parent=aide)
    other = EventFactory(parent=sana)
    client.force_login(staff_of(aide))

    assert client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).status_code == 200
    refused = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    assert refused.status_code in REFUSED
    assert other.title not in refused.content.decode()


def test_editor_can_add_only_under_own_organization(two_orgs, client):
    aide, sana = two_orgs
    client.force_login(staff_of(aide))
    add = "wagtailadmin_pages:add"
    own = client.get(reverse(add, args=["events", "eventpage", aide.pk]))
    other = client.get(reverse(add, args=["events", "eventpage", sana.pk]))
    assert own.status_code == 200
    assert other.status_code in REFUSED


def test_date_views_refuse_other_organizations_staff(two_orgs, client):
    aide, sana = two_orgs
    other = EventFactory(parent=sana)
    date = other.shared_dates().get()
    client.force_login(staff_of(aide))
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard.
    assert client.get(reverse("events_dates", args=[other.pk])).status_code in REFUSED
    assert client.get(reverse("events_date_edit", args=[other.pk, date.pk])).status_code in REFUSED
    response = client.post(
        reverse("events_date_status", args=[other.pk, date.pk]), {"action": "cancel"}
    )
    assert response.status_code in REFUSED
    date.refresh_from_db()
    assert not date.is_cancelled


def test_date_views_let_own_staff_cancel_and_move(two_orgs, client):
    aide, _sana = two_orgs
    event = EventFactory(parent=aide)
    date = event.shared_dates().get()
    client.force_login(staff_of(aide))
    assert client.get(reverse("events_dates", args=[event.pk])).status_code == 200
    client.post(reverse("events_date_status", args=[event.pk, date.pk]), {"action": "cancel"})
    date.refresh_from_db()
    assert date.is_cancelled and date.sequence == 1

    day = date.start.date().isoformat()
    bad = client.post(
        reverse("events_date_edit", args=[event.pk, date.pk]),
        {"day": day, "start_time": "14:00", "end_time": "13:00"},
    )
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()
    date.refresh_from_db()
    assert date.sequence == 1  # nothing saved


def test_staff_access_comes_with_publishing_not_with_saving(site_tree):
    from django.contrib.auth.models import Group

    from home.models import HomePage
    from organizations.models import OrganizationPage
    from tests.factories import french

    home = HomePage.objects.get(locale=french())
    groups = Group.objects.count()
    org = home.add_child(
        instance=OrganizationPage(
            title="CAMO", slug="camo", municipality="Joliette", region="14", live=False
        )
    )
    org.save()
    org.save_revision()
    org.refresh_from_db()
    assert org.staff_group is None
    assert Group.objects.count() == groups
    org.save_revision().publish()
    org.refresh_from_db()
    assert org.staff_group is not None
    assert org.staff_group.page_permissions.filter(page=org).count() == 3
