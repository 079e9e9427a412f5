"""Site administrators see how many people get the digest; nobody sees who."""

import pytest
from django.contrib.auth import get_user_model

from digest.models import SubscriptionStatus
from tests.digest.helpers import subscriber
from tests.factories import OrganizationFactory, staff_of

pytestmark = pytest.mark.django_db


def test_the_dashboard_counts_active_subscribers_for_admins_only(site_tree, client):
    subscriber(contact="ana@example.org")
    subscriber("sms", contact="+18195550142")
    subscriber(contact="bea@example.org", status=SubscriptionStatus.PENDING)
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    html = client.get("/admin/").content.decode()
    assert "2 abonnés au résumé de la semaine" in html
    assert "ana@example.org" not in html and "555" not in html

    client.force_login(staff_of(OrganizationFactory()))
    html = client.get("/admin/").content.decode()
    assert "abonnés au résumé" not in html and "abonné au résumé" not in html
