"""The deploy check that keeps page links and message links on one host."""

import pytest
from wagtail.models import Site

from home.checks import site_matches_base_url

pytestmark = pytest.mark.django_db


def test_the_site_built_for_the_tests_matches_base_url(site_tree):
    assert site_matches_base_url() == []


def test_a_site_on_another_host_is_reported(site_tree):
    Site.objects.filter(is_default_site=True).update(hostname="ensemble.example.org", port=443)
    (warning,) = site_matches_base_url()
    assert warning.id == "ensemble.W001"
    assert "https://ensemble.example.org" in warning.msg
