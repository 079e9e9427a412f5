"""The stop-reminders link in every e-mail: signed, and only a POST changes anything."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from notifications import dispatcher
from notifications.services.render import rsvp_from_stop_token, stop_token
from rsvp.models import MessageStatus
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on

pytestmark = pytest.mark.django_db


def url_for(token):
    with translation.override("fr"):
        return reverse("events_stop_reminders", args=[token])


def test_get_shows_a_button_and_changes_nothing(site_tree, client):
    rsvp = rsvp_on(a_date(), reminder="email")
    response = client.get(url_for(stop_token(rsvp)))
    assert response.status_code == 200
    assert b'method="post"' in response.content
    rsvp.refresh_from_db()
    assert rsvp.reminder == "email"
    assert rsvp.messages.filter(kind="reminder_day_before", status="pending").exists()


def test_post_stops_reminders_and_keeps_the_seat(site_tree, client):
    rsvp = rsvp_on(a_date(), reminder="email")
    response = client.post(url_for(stop_token(rsvp)))
    assert response.status_code == 200
    rsvp.refresh_from_db()
    assert (rsvp.reminder, rsvp.status) == ("none", "confirmed")
    reminders = rsvp.messages.filter(kind__startswith="reminder")
    assert set(reminders.values_list("status", flat=True)) == {MessageStatus.SKIPPED}
    assert rsvp.messages.get(kind="confirmed").status == MessageStatus.PENDING


def test_altered_token_is_refused(site_tree, client):
    rsvp = rsvp_on(a_date(), reminder="email")
    token = stop_token(rsvp)
    response = client.post(url_for(token[:-2] + ("AA" if not token.endswith("AA") else "BB")))
    assert response.status_code == 404
    rsvp.refresh_from_db()
    assert rsvp.reminder == "email"


def test_emails_carry_a_one_click_unsubscribe_header(site_tree):
    rsvp = rsvp_on(a_date(), reminder="email")
    dispatcher.dispatch(now=past_quiet_hours())
    headers = mail.outbox[0].extra_headers
    # The token is signed with a timestamp, so it is read back rather than rebuilt: a
    # second passing between sending and checking changes its bytes.
    link = headers["List-Unsubscribe"]
    token = link.rstrip("/>").rsplit("/", 1)[-1]
    assert link == f"<http://testserver{url_for(token)}>"
    assert rsvp_from_stop_token(token) == rsvp.pk
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_click_post_from_a_mail_app_needs_no_csrf_token(site_tree):
    rsvp = rsvp_on(a_date(), reminder="email")
    mail_app = Client(enforce_csrf_checks=True)
    response = mail_app.post(
        url_for(stop_token(rsvp)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    rsvp.refresh_from_db()
    assert rsvp.reminder == "none"
