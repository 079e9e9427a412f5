"""Only publishing changes an event's dates, once per publish (docs/dates.md); saving a
page or a draft queues nothing."""

import datetime as dt

import pytest

from core.translations import translate
from events.models import EventPage
from rsvp.models import OutboxMessage
from rsvp.services import schedule
from tests.factories import EventFactory
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(site_tree):
    event = EventFactory(capacity=1, max_party_size=1)
    date = event.shared_dates().get()
    ask(date)
    ask(date)  # waiting
    return event, date


@pytest.fixture
def syncs(monkeypatch):
    calls = []
    real = schedule.sync_dates

    def counting(page, previous=None):
        calls.append(page.pk)
        return real(page, previous)

    monkeypatch.setattr(schedule, "sync_dates", counting)
    return calls


def edit(event):
    event.start_time = dt.time(12, 0)
    event.place_name = "Salle paroissiale"
    event.capacity = 2
    event.repeat_weekly_until = event.first_date + dt.timedelta(weeks=2)


def state(date):
    date.refresh_from_db()
    return date.start, date.capacity, date.sequence


def test_saving_the_page_or_a_draft_queues_nothing(registered, syncs):
    event, date = registered
    before, messages = state(date), OutboxMessage.objects.count()
    edit(event)
    event.save()
    event.save_revision()
    assert syncs == []
    assert state(date) == before
    assert event.shared_dates().count() == 1
    assert OutboxMessage.objects.count() == messages
    assert date.rsvps.confirmed().count() == 1


def test_publishing_follows_the_rule_once(registered, syncs):
    event, date = registered
    edit(event)
    event.save_revision().publish()
    assert syncs == [event.pk]
    assert event.shared_dates().count() == 3
    assert date.rsvps.confirmed().count() == 2  # the waiting person got the new seat
    assert OutboxMessage.objects.filter(kind="date_moved").count() == 2
    assert OutboxMessage.objects.filter(kind="promoted").count() == 1


def test_publishing_a_translation_leaves_the_dates_to_the_original(registered, syncs):
    event, date = registered
    translate(event.get_parent().specific, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    es.start_time = dt.time(8, 0)
    es.save_revision().publish()
    assert syncs == []
    assert date.start == EventPage.objects.get(pk=event.pk).shared_dates().get().start
    assert not OutboxMessage.objects.filter(kind="date_moved").exists()


def test_a_page_first_published_gets_its_dates(site_tree):
    org = EventFactory().get_parent()
    event = EventPage(
        title="Atelier",
        slug="atelier",
        summary="Un atelier.",
        category_id=EventPage.objects.get().category_id,
        first_date=dt.date.today() + dt.timedelta(days=3),
        start_time=dt.time(10),
        end_time=dt.time(11),
        place_name="Salle",
        municipality="Coaticook",
        region="05",
        spoken_languages="fr",
        live=False,
    )
    org.add_child(instance=event)
    event.save()
    assert not event.shared_dates().exists()
    event.save_revision().publish()
    assert event.shared_dates().count() == 1


def test_publishing_the_same_again_tells_nobody_anything(registered, syncs):
    event, date = registered
    event.place_name = "Salle paroissiale"
    event.save_revision().publish()
    moved = OutboxMessage.objects.filter(kind="date_moved").count()
    assert moved == 2  # the place changed: both people are told once
    event.unpublish()
    event.get_latest_revision().publish()
    event.save_revision().publish()
    assert len(syncs) == 3
    assert OutboxMessage.objects.filter(kind="date_moved").count() == moved
    assert state(date)[2] == 1


def test_a_scheduled_publish_follows_the_rule_when_it_goes_live(registered, syncs, time_machine):
    from django.core.management import call_command
    from django.utils import timezone

    event, date = registered
    event.place_name = "Salle paroissiale"
    event.go_live_at = timezone.now() + dt.timedelta(hours=1)
    event.save_revision().publish()
    assert syncs == []  # scheduled: not the event's schedule yet
    time_machine.move_to(event.go_live_at + dt.timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    assert syncs == [event.pk]
    assert OutboxMessage.objects.filter(kind="date_moved").count() == 2
    page = EventPage.objects.get(pk=event.pk)
    page.save_revision().publish()  # the same place again: nobody is told twice
    assert len(syncs) == 2
    assert OutboxMessage.objects.filter(kind="date_moved").count() == 2
