"""Two organizations with an event each, for report tests."""

import pytest

from tests.factories import EventFactory, OrganizationFactory


@pytest.fixture
def orgs(site_tree):
    aide = OrganizationFactory(title="AIDE", slug="aide")
    sana = OrganizationFactory(title="SANA", slug="sana", municipality="Shawinigan", region="04")
    return aide, sana


@pytest.fixture
def events(orgs):
    aide, sana = orgs
    return (
        EventFactory(parent=aide, title="Randonnée", slug="randonnee"),
        EventFactory(parent=sana, title="Soccer", slug="soccer", region="04"),
    )
