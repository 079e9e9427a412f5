"""A database migrated before the app split upgrades in place and keeps its rows.

The test builds data with today's code, takes the database back to the last migration
before the split (events 0009: every model in the events app, content types labelled
`events`), checks that it now looks like that, and migrates forward again. Nothing is
copied: the same tables must serve the moved models (docs/architecture.md, "Moving a
model").
"""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page

from digest.models import DigestSubscription
from notifications.models import OrganizerMessage
from notifications.services import organizer_messages
from organizations.models import OrganizationPage
from rsvp.models import OutboxMessage, Rsvp, SmsOptOut
from tests.digest.helpers import subscriber
from tests.factories import EventFactory, build_site, staff_of
from tests.rsvp_helpers import ask

BEFORE_SPLIT = ("events", "0009_rsvp_person_key")
MOVED = {
    "organizationpage": "organizations",
    "rsvp": "rsvp",
    "outboxmessage": "rsvp",
    "smsoptout": "rsvp",
    "digestsubscription": "digest",
    "organizermessage": "notifications",
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def labels_of_moved():
    rows = ContentType.objects.filter(model__in=MOVED).values_list("model", "app_label")
    return dict(rows)


def counts():
    return {
        "rsvps": Rsvp.objects.count(),
        "outbox": OutboxMessage.objects.count(),
        "opt_outs": SmsOptOut.objects.count(),
        "subscriptions": DigestSubscription.objects.count(),
        "staff_messages": OrganizerMessage.objects.count(),
        "organizations": OrganizationPage.objects.count(),
    }


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_split_upgrades_and_keeps_its_rows():
    build_site()
    event = EventFactory()
    organization = event.get_parent().specific
    staff = staff_of(organization)
    date = event.shared_dates().first()
    ask(date, party=2)
    ask(date, email="ana@example.org", phone="")
    organizer_messages.post(date, {"fr": "Le bus part à 9 h."}, author=staff)
    subscriber(channel="sms")
    SmsOptOut.objects.create(phone="+18195550142")
    before = counts()
    assert all(before.values()), before
    assert set(labels_of_moved().values()) == set(MOVED.values())

    old_apps = migrate([BEFORE_SPLIT])
    # Now it is the database as main had it: the models and content types in `events`.
    assert labels_of_moved() == dict.fromkeys(MOVED, "events")
    assert old_apps.get_model("events", "Rsvp").objects.count() == before["rsvps"]
    assert old_apps.get_model("events", "OutboxMessage").objects.count() == before["outbox"]
    old_page = Page.objects.get(pk=organization.pk)
    assert old_page.content_type.app_label == "events"

    migrate(leaves())

    assert labels_of_moved() == MOVED
    assert counts() == before
    page = Page.objects.get(pk=organization.pk)
    assert page.specific_class is OrganizationPage
    assert page.specific.full_name == organization.full_name
    # Permissions follow their content type: staff keep editing their organization.
    change = Permission.objects.get(codename="change_organizationpage")
    assert change.content_type.app_label == "organizations"
    assert page.permissions_for_user(staff).can_edit()
    # The tables' sequences carry on: a new registration gets a new row.
    ask(date, phone="+18195550199")
    assert Rsvp.objects.count() == before["rsvps"] + 1
