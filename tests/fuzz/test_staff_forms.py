"""The admin forms Ensemble adds to Wagtail, posted by the event's staff with hostile
values: a date's add, edit and status, the registrations (staff RSVP, walk-ins,
check-in, cancel, exports), messages to everyone, figures for funders, partner
calendars, and the event editor's own fields. Never a 5xx; a refused change leaves the
rows as they were."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from events.models import EventDate
from partner_feeds.models import PartnerFeed
from rsvp.models import OutboxMessage, Rsvp
from tests.events.test_admin_validation import event_form
from tests.fuzz import checks
from tests.fuzz.strategies import hostile_fields, hostile_value, overrides, path_segment

pytestmark = pytest.mark.django_db


def date_form():
    return {"day": "2027-06-05", "start_time": "10:00", "end_time": "12:00", "capacity": "10"}


@given(data=st.data())
def test_date_add(world, staff_client, data):
    form = data.draw(overrides(date_form()))
    before = checks.counts()
    response = staff_client.post(reverse("events_date_add", args=[world.event.pk]), form)
    checks.no_server_error(response, form)
    if response.status_code != 302:
        checks.unchanged(before)


@given(data=st.data())
def test_date_edit(world, staff_client, data):
    form = data.draw(overrides(date_form()))
    before, stored = checks.counts(), checks.row(world.date)
    path = reverse("events_date_edit", args=[world.event.pk, world.date.pk])
    response = staff_client.post(path, form)
    checks.no_server_error(response, form)
    if response.status_code != 302:
        checks.unchanged(before)
        assert checks.row(world.date) == stored


@given(form=hostile_fields(["action", "reason", "notify"]))
def test_date_status(world, staff_client, form):
    other = EventDate.objects.for_event(world.event).exclude(pk=world.date.pk).first()
    target = other or world.date
    path = reverse("events_date_status", args=[world.event.pk, target.pk])
    checks.no_server_error(staff_client.post(path, form), form)


def registrations(world, name, *more):
    return reverse(name, args=[world.event.pk, world.date.pk, *more])


def staff_rsvp_form(world):
    return {
        "first_name": "Luis",
        "phone": "819 555 0177",
        "email": "",
        "party_size": "1",
        "group_label": "",
        "needs_transport": "",
        "pickup": "",
        "reminder": "sms",
        "language": "es",
        "consent": "on",
    }


@given(data=st.data())
def test_staff_rsvp_add(world, staff_client, data):
    form = data.draw(overrides(staff_rsvp_form(world)))
    before = checks.counts()
    response = staff_client.post(registrations(world, "events_rsvp_add"), form)
    checks.no_server_error(response, form)
    if response.status_code != 302:
        checks.unchanged(before, Rsvp, OutboxMessage)


@given(form=hostile_fields(["action", "rsvp", "first_name", "party_size"]),
       walk_in=st.booleans())  # fmt: skip
def test_check_in_and_walk_ins(world, staff_client, form, walk_in):
    if walk_in:
        form["action"] = "walk_in"
    before = checks.counts()
    response = staff_client.post(registrations(world, "events_rsvp_checkin"), form)
    checks.no_server_error(response, form)
    if checks.refused(response):
        checks.unchanged(before)


@given(rsvp=st.one_of(st.integers(0, 2**63), st.just(None)), form=hostile_fields(["notify"]))
def test_staff_cancel(world, staff_client, rsvp, form):
    rsvp_id = world.rsvp.pk if rsvp is None else rsvp
    path = registrations(world, "events_rsvp_cancel", rsvp_id)
    checks.no_server_error(staff_client.post(path, form), path)


@given(fmt=path_segment(), query=hostile_fields(["status", "format", "lang"]))
def test_registration_lists_and_exports(world, staff_client, fmt, query):
    checks.no_server_error(staff_client.get(registrations(world, "events_rsvps"), query))
    checks.no_server_error(staff_client.get(registrations(world, "events_rsvp_export", fmt), query))


@given(form=hostile_fields(["text_fr", "text_es", "text_en", "include_waitlist"]))
def test_message_everyone(world, staff_client, form):
    before = checks.counts()
    response = staff_client.post(registrations(world, "events_message_everyone"), form)
    checks.no_server_error(response, form)
    if response.status_code != 302:
        checks.unchanged(before, OutboxMessage)
    path = registrations(world, "events_message_retry", 2**31)
    checks.no_server_error(staff_client.post(path, form))


@given(scope=path_segment(), table=path_segment(), fmt=st.sampled_from(["csv", "xlsx", "x"]),
       query=hostile_fields(["start", "end", "organization"]))  # fmt: skip
def test_figures_for_funders(world, staff_client, scope, table, fmt, query):
    own = str(world.organization.pk)
    for path in (
        reverse("reports_index"),
        reverse("reports_report", args=[own]),
        reverse("reports_report", args=[scope]),
        reverse("reports_export", args=[own, "month", fmt]),
        reverse("reports_export", args=[scope, table, fmt]),
    ):
        checks.no_server_error(staff_client.get(path, query), (path, query))


def feed_form(world):
    return {
        "organization": str(world.organization.pk),
        "url": "https://calendrier.example.org/activites.ics",
        "category": "",
        "trusted": "",
    }


@given(data=st.data(), edit=st.booleans())
def test_partner_calendars(world, staff_client, data, edit):
    feed = PartnerFeed.objects.filter(organization=world.organization).first()
    form = data.draw(overrides(feed_form(world)))
    before = checks.counts()
    stored = checks.row(feed) if feed else None
    path = reverse("partner_feeds_edit", args=[feed.pk]) if edit and feed else None
    response = staff_client.post(path or reverse("partner_feeds_add"), form)
    checks.no_server_error(response, form)
    if response.status_code != 302:
        checks.unchanged(before, PartnerFeed)
        if path:
            assert checks.row(feed) == stored
    for name in ("partner_feeds_edit", "partner_feeds_run", "partner_feeds_delete"):
        checks.no_server_error(staff_client.get(reverse(name, args=[2**31 - 1])))


EDITOR_FIELDS = [
    "title", "slug", "summary", "first_date", "start_time", "end_time",
    "repeat_weekly_until", "timezone", "place_name", "municipality", "region", "capacity",
    "max_party_size", "spoken_languages", "reminder_day_before_at", "reminder_hours_before",
    "latitude", "longitude", "price", "transport_notes",
]  # fmt: skip


# The editor's POST is the slowest request here (a revision, a publish): a third as many.
@settings(max_examples=max(1, settings().max_examples // 3))
@given(changes=st.dictionaries(st.sampled_from(EDITOR_FIELDS), hostile_value(), min_size=1))
def test_event_editor(world, staff_client, changes):
    form = event_form(**{"title": world.event.title, "slug": world.event.slug, **changes})
    before = checks.counts()
    path = reverse("wagtailadmin_pages:edit", args=[world.event.pk])
    response = staff_client.post(path, form)
    checks.no_server_error(response, changes)
    if response.status_code != 302:
        checks.unchanged(before, EventDate, Rsvp, OutboxMessage)
