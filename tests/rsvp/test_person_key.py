"""The person key: set from the contact at registration, kept by every erase."""

import hashlib
import importlib

import pytest

from core.person_keys import person_key
from events.models import EventDate
from rsvp.models import Rsvp
from rsvp.services import retention
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db


def test_registration_stores_a_keyed_hash_of_the_contact_not_the_contact(date):
    first = ask(date, phone="+18195550199").rsvp
    by_mail = ask(date, phone="", email=" Ana@Example.org ").rsvp
    first.refresh_from_db()
    by_mail.refresh_from_db()
    assert first.person_key == person_key("+18195550199")
    assert by_mail.person_key == person_key("ana@example.org")
    assert len(first.person_key) == 64 and "8195550199" not in first.person_key
    # Not a plain hash anyone could compute from a phone number.
    assert first.person_key != hashlib.sha256(b"+18195550199").hexdigest()


def test_the_same_contact_gets_the_same_key_on_another_date(date):
    other = EventDate.objects.create(
        event=date.event,
        start=date.start.replace(year=date.start.year + 1),
        end=date.end.replace(year=date.end.year + 1),
    )
    one = ask(date, phone="+18195550177").rsvp
    two = ask(other, phone="+18195550177").rsvp
    assert Rsvp.objects.get(pk=one.pk).person_key == Rsvp.objects.get(pk=two.pk).person_key


def test_a_walk_in_without_contact_has_no_key(date):
    assert person_key("") == ""


def test_erasing_keeps_the_person_key(date):
    rsvp = ask(date, phone="+18195550155").rsvp
    retention.erase(Rsvp.objects.get(pk=rsvp.pk))
    rsvp.refresh_from_db()
    assert rsvp.phone == "" and rsvp.contact_key == ""
    assert rsvp.person_key == person_key("+18195550155")


def test_migration_fills_keys_of_rows_that_still_have_their_contact(date):
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    # The models as the migration saw them (Rsvp was in the events app then).
    apps = MigrationLoader(connection).project_state(("events", "0009_rsvp_person_key")).apps
    kept = ask(date, phone="+18195550144").rsvp
    erased = ask(date, phone="+18195550133").rsvp
    Rsvp.objects.update(person_key="")
    retention.erase(Rsvp.objects.get(pk=erased.pk))
    migration = importlib.import_module("events.migrations.0009_rsvp_person_key")
    migration.fill_person_keys(apps, None)
    assert Rsvp.objects.get(pk=kept.pk).person_key == person_key("+18195550144")
    assert Rsvp.objects.get(pk=erased.pk).person_key == ""
