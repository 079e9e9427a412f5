"""Staff see their dates' message history and can send a failed message again."""

import pytest
from django.urls import reverse

from events.models import EventDate
from rsvp.models import MessageStatus
from tests.factories import EventFactory, OrganizationFactory, UserFactory, staff_of
from tests.rsvp_helpers import ask

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(site_tree):
    aide = OrganizationFactory(title="AIDE", slug="aide")
    sana = OrganizationFactory(title="SANA", slug="sana", region="04")
    event = EventFactory(parent=aide)
    date = EventDate.objects.for_event(event).get()
    rsvp = ask(date, first_name="Guadalupe").rsvp
    row = rsvp.messages.get(kind="confirmed")
    row.status, row.attempts, row.last_error = MessageStatus.FAILED, 4, "SmsSendError 30003"
    row.save()
    return {"aide": aide, "sana": sana, "event": event, "date": date, "row": row}


def test_staff_see_history_and_retry(setup, client):
    client.force_login(staff_of(setup["aide"]))
    event, date, row = setup["event"], setup["date"], setup["row"]
    response = client.get(reverse("events_date_messages", args=[event.pk, date.pk]))
    assert response.status_code == 200
    assert b"Guadalupe" in response.content and b"SmsSendError 30003" in response.content
    client.post(reverse("events_message_retry", args=[event.pk, date.pk, row.pk]))
    row.refresh_from_db()
    assert (row.status, row.attempts) == (MessageStatus.PENDING, 0)


def test_other_organization_refused(setup, client):
    client.force_login(staff_of(setup["sana"]))
    event, date, row = setup["event"], setup["date"], setup["row"]
    assert client.get(reverse("events_date_messages", args=[event.pk, date.pk])).status_code in (
        302,
        403,
    )
    client.post(reverse("events_message_retry", args=[event.pk, date.pk, row.pk]))
    row.refresh_from_db()
    assert row.status == MessageStatus.FAILED


def test_retry_only_failed(setup, client):
    client.force_login(UserFactory(is_superuser=True))
    event, date, row = setup["event"], setup["date"], setup["row"]
    reminder = row.rsvp.messages.get(kind="reminder_day_before")
    due = reminder.due_at
    client.post(reverse("events_message_retry", args=[event.pk, date.pk, reminder.pk]))
    reminder.refresh_from_db()
    # A pending reminder is not "retried" into being due now.
    assert (reminder.status, reminder.due_at) == (MessageStatus.PENDING, due)
