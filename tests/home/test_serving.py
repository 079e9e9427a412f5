"""The lean routing keeps Wagtail's answers: 404s, drafts and view restrictions."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_unknown_and_draft_pages_are_not_found(site_tree, client):
    event = EventFactory()
    org = event.get_parent().specific
    assert client.get(org.url + "nothing-here/").status_code == 404
    assert client.get("/fr/nothing-here/").status_code == 404
    url = event.url
    event.unpublish()
    assert client.get(url).status_code == 404


def test_a_restriction_on_an_ancestor_still_protects_the_page(site_tree, client):
    event = EventFactory()
    org = event.get_parent().specific
    assert client.get(event.url).status_code == 200
    PageViewRestriction.objects.create(page=org, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(event.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_routed_pages_are_their_specific_type_with_their_parent(site_tree, client):
    event = EventFactory()
    response = client.get(event.url)
    page = response.context["page"]
    assert type(page).__name__ == "EventPage"
    assert page.organization.pk == event.get_parent().pk
    assert client.get("/es/actividades/").context["page"].intro
