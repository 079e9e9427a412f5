"""Pages, reminders and the dispatcher cope with whatever date a row holds, even one
no form lets staff give (a row written straight to the database)."""

import datetime as dt

import pytest
from django.urls import reverse

from events.models import EventDate
from rsvp.models import MessageKind, MessageStatus, OutboxMessage, Rsvp, RsvpStatus
from rsvp.services import schedule
from tests.factories import EventFactory, staff_of
from tests.rsvp_helpers import ask, send_due

pytestmark = pytest.mark.django_db

UTC = dt.UTC
STORED = {
    "9999-12-31": (
        dt.datetime(9999, 12, 31, 22, tzinfo=UTC),
        dt.datetime(9999, 12, 31, 23, tzinfo=UTC),
    ),
    # The first instants Python holds: no clock in Québec read them.
    "0001-01-01": (dt.datetime(1, 1, 1, tzinfo=UTC), dt.datetime(1, 1, 1, 1, tzinfo=UTC)),
    "0001-01-01-quebec": (dt.datetime(1, 1, 1, 6, tzinfo=UTC), dt.datetime(1, 1, 1, 8, tzinfo=UTC)),
}


def stored_date(event, name):
    start, end = STORED[name]
    date = EventDate.objects.create(event=event, start=start, end=end, capacity=5)
    Rsvp.objects.create(
        date=date, first_name="Ana", phone="+18195550199", party_size=1, status=RsvpStatus.CONFIRMED
    )
    return date


@pytest.mark.parametrize("name", STORED)
def test_pages_answer_whatever_date_is_stored(site_tree, client, name):
    event = EventFactory()
    odd = stored_date(event, name)
    for path in (event.url, "/fr/activites/", reverse("events_rsvp", args=[event.pk])):
        assert client.get(path).status_code == 200, path
    client.force_login(staff_of(event.get_parent().specific))
    for view in ("events_date_edit", "events_rsvps", "events_rsvp_add", "events_rsvp_checkin"):
        path = reverse(view, args=[event.pk, odd.pk])
        assert client.get(path).status_code == 200, path
    for export_format in ("csv", "xlsx"):
        path = reverse("events_rsvp_export", args=[event.pk, odd.pk, export_format])
        assert client.get(path).status_code == 200, path
    assert client.get(reverse("events_dates", args=[event.pk])).status_code == 200


@pytest.mark.parametrize("name", STORED)
def test_reminders_and_the_dispatcher_cope_with_whatever_date_is_stored(site_tree, name):
    event = EventFactory()
    odd = stored_date(event, name)
    ask(event.shared_dates().exclude(pk=odd.pk).get())
    # Cancelling and reinstating a date recompute its reminders.
    schedule.cancel_date(odd)
    schedule.reinstate_date(odd)
    reminders = OutboxMessage.objects.filter(
        rsvp__date=odd,
        kind__in=[MessageKind.REMINDER_DAY_BEFORE, MessageKind.REMINDER_HOURS_BEFORE],
        status=MessageStatus.PENDING,
    )
    if odd.start.year == 1:
        assert not reminders.exists()  # they would fall before the calendar begins
    else:
        assert reminders.count() == 2 and all(row.due_at < odd.start for row in reminders)
    send_due()
    sent = OutboxMessage.objects.filter(status=MessageStatus.SENT)
    assert set(sent.values_list("kind", flat=True)) == {
        MessageKind.CONFIRMED,  # the ordinary date's registration
        MessageKind.DATE_CANCELLED,  # and the odd date's notice, its date in words
    }
