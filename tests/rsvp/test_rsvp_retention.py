"""Personal data of RSVPs is erased after the retention period; anonymous counts stay."""

import datetime as dt
import logging

import pytest
from django.core.management import call_command
from django.db.models import Sum

from events.models import EventDate
from rsvp.models import Rsvp
from rsvp.services import retention
from rsvp.tasks import erase_expired_rsvps
from tests.factories import EventFactory
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db

PERSONAL = ("first_name", "phone", "email", "contact_key", "group_label")


def registered_date(site_tree):
    event = EventFactory(capacity=20, max_party_size=4, region="05")
    date = EventDate.objects.for_event(event).get()
    ask(date, 3, first_name="Guadalupe", phone="+18195550101", language="es")
    ask(date, 2, first_name="Jean", phone="", email="jean@example.org", language="fr")
    ask(date, 4, first_name="Luis", phone="+50255512345", is_group=True, group_label="Ferme X")
    Rsvp.objects.filter(first_name="Guadalupe").update(attended=True)
    return date


def age(date, days):
    """Pretend the date ended `days` ago."""
    end = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
    EventDate.objects.filter(pk=date.pk).update(start=end - dt.timedelta(hours=4), end=end)


def counts():
    rows = Rsvp.objects.all()
    return (
        rows.aggregate(seats=Sum("party_size"))["seats"],
        rows.filter(attended=True).count(),
        sorted(rows.values_list("language", flat=True)),
        set(rows.values_list("region", flat=True)),
    )


def test_expired_rsvps_lose_names_and_contacts_but_keep_counts(site_tree, settings):
    settings.ENSEMBLE_RETENTION_DAYS = 30
    date = registered_date(site_tree)
    before = counts()
    age(date, 31)
    assert retention.erase_expired() == 3
    for rsvp in Rsvp.objects.all():
        assert all(getattr(rsvp, name) == "" for name in PERSONAL)
        assert rsvp.token_hash is None and rsvp.erased_at is not None
    assert counts() == before == (9, 1, ["es", "fr", "fr"], {"05"})


def test_recent_rsvps_are_kept(site_tree, settings):
    settings.ENSEMBLE_RETENTION_DAYS = 30
    date = registered_date(site_tree)
    age(date, 29)
    assert retention.erase_expired() == 0
    assert Rsvp.objects.filter(first_name="Guadalupe", phone="+18195550101").exists()


def test_task_and_command_erase(site_tree, settings, capsys):
    settings.ENSEMBLE_RETENTION_DAYS = 1
    date = registered_date(site_tree)
    age(date, 2)
    erase_expired_rsvps.enqueue()
    assert not Rsvp.objects.exclude(first_name="").exists()
    call_command("erase_expired_rsvps")
    assert "0 registration" in capsys.readouterr().out


def test_seat_decisions_log_no_contact_data(site_tree, caplog):
    with caplog.at_level(logging.DEBUG):
        registered_date(site_tree)
    assert "Guadalupe" not in caplog.text and "5550101" not in caplog.text
