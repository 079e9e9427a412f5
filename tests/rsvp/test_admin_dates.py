"""The admin's date form (add, edit): what staff type is checked before anything is
stored or anyone told, and the form shows the stored date so a browser displays it."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from core.formatting import to_local
from tests.factories import EventFactory, staff_of

pytestmark = pytest.mark.django_db

TORONTO = ZoneInfo("America/Toronto")


@pytest.fixture
def event(site_tree):
    return EventFactory(capacity=20)


@pytest.fixture
def staff(client, event):
    client.force_login(staff_of(event.get_parent().specific))
    return client


DATE_INPUT = re.compile(r'<input type="date" name="day" value="([^"]*)"')
TIME_INPUT = re.compile(r'<input type="time" name="start_time" value="([^"]*)"')


@pytest.mark.parametrize("language", ["fr", "es", "en"])
def test_the_edit_form_gives_the_browser_an_iso_date(staff, event, language):
    """<input type=date> shows only YYYY-MM-DD: "26/12/2026" would show an empty box,
    and staff changing the seats would have to type the date again."""
    date = event.shared_dates().get()
    user = staff_of(event.get_parent().specific)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    staff.force_login(user)
    html = staff.get(reverse("events_date_edit", args=[event.pk, date.pk])).content.decode()
    local = to_local(date.start, event.timezone)
    assert DATE_INPUT.search(html).group(1) == local.date().isoformat()
    assert dt.time.fromisoformat(TIME_INPUT.search(html).group(1)) == local.time()
