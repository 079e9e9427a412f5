import pytest

from tests.chromium import browser  # noqa: F401  (shared by every browser test)
from tests.factories import build_site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the three-language site skeleton once; each test rolls back on top of it."""
    with django_db_blocker.unblock():
        build_site()


@pytest.fixture
def site_tree(db):
    """Home pages, activities index and categories in fr, es and en.

    Rebuilt when a transactional test has flushed the database.
    """
    return build_site()
