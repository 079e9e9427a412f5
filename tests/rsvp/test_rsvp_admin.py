"""The organization's RSVP lists: only its own staff see them (invariant 4,
docs/architecture.md#invariant-4)."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from events.models import EventDate, PickupPoint
from rsvp.models import Rsvp, RsvpSource, RsvpStatus
from tests.factories import EventFactory, OrganizationFactory, UserFactory, staff_of
from tests.rsvp_helpers import LONG_EMAIL, ask

pytestmark = pytest.mark.django_db

REFUSED = (302, 403)
SECRETS = ("Guadalupe", "5550123", "guada@example.org", "Ferme Secrète")


@pytest.fixture
def setup(site_tree):
    aide = OrganizationFactory(title="AIDE", slug="aide")
    sana = OrganizationFactory(title="SANA", slug="sana", region="04")
    event = EventFactory(parent=aide, capacity=6, max_party_size=4)
    PickupPoint(event=event, name="Église", time="09:30").save()
    event.save_revision().publish()
    event.refresh_from_db()
    date = EventDate.objects.for_event(event).get()
    pickup = event.pickup_points.get()
    ask(
        date,
        2,
        first_name="Guadalupe",
        phone="+18195550123",
        email="guada@example.org",
        needs_transport=True,
        pickup_key=pickup.translation_key,
    )
    ask(date, 4, first_name="Luis", is_group=True, group_label="Ferme Secrète")
    ask(date, 3, first_name="=HYPERLINK(1)")  # waitlisted
    return {"aide": aide, "sana": sana, "event": event, "date": date}


def urls(event, date):
    rsvp = date.rsvps.first()
    return [
        ("get", reverse("events_rsvps", args=[event.pk, date.pk])),
        ("get", reverse("events_rsvp_export", args=[event.pk, date.pk, "csv"])),
        ("get", reverse("events_rsvp_export", args=[event.pk, date.pk, "xlsx"])),
        ("get", reverse("events_rsvp_checkin", args=[event.pk, date.pk])),
        ("post", reverse("events_rsvp_checkin", args=[event.pk, date.pk])),
        ("get", reverse("events_rsvp_add", args=[event.pk, date.pk])),
        ("post", reverse("events_rsvp_add", args=[event.pk, date.pk])),
        ("post", reverse("events_rsvp_cancel", args=[event.pk, date.pk, rsvp.pk])),
    ]


def body(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def test_other_organizations_staff_are_refused_everywhere(setup, client):
    client.force_login(staff_of(setup["sana"]))
    for method, url in urls(setup["event"], setup["date"]):
        data = {"rsvp": setup["date"].rsvps.first().pk, "action": "came"}
        response = getattr(client, method)(url, data if method == "post" else None)
        assert response.status_code in REFUSED, url
        text = body(response)
        assert not any(secret in text for secret in SECRETS), url
    assert Rsvp.objects.filter(status=RsvpStatus.CONFIRMED, attended=False).count() == 2


def test_anonymous_and_plain_users_are_refused_everywhere(setup, client):
    for user in (None, UserFactory()):
        client.logout()
        if user:
            client.force_login(user)
        for method, url in urls(setup["event"], setup["date"]):
            response = getattr(client, method)(url)
            assert response.status_code in REFUSED, url
            assert not any(secret in body(response) for secret in SECRETS)


def test_own_staff_see_counts_transport_and_contacts(setup, client):
    event, date = setup["event"], setup["date"]
    client.force_login(staff_of(setup["aide"]))
    html = client.get(reverse("events_rsvps", args=[event.pk, date.pk])).content.decode()
    for secret in SECRETS:
        assert secret in html
    summary = client.get(reverse("events_rsvps", args=[event.pk, date.pk])).context["summary"]
    assert (summary.confirmed_seats, summary.capacity, summary.waitlisted_seats) == (6, 6, 3)
    assert summary.transport == [("Église (09:30)", 2)]
    dates_page = client.get(reverse("events_dates", args=[event.pk])).content.decode()
    assert reverse("events_rsvps", args=[event.pk, date.pk]) in dates_page


def test_csv_and_xlsx_exports(setup, client):
    event, date = setup["event"], setup["date"]
    client.force_login(staff_of(setup["aide"]))
    response = client.get(reverse("events_rsvp_export", args=[event.pk, date.pk, "csv"]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(body(response))))
    assert len(rows) == 4  # heading + 3 active RSVPs
    assert any("Guadalupe" in row for row in rows)
    assert any("'=HYPERLINK(1)" in row for row in rows), "formulas are defused in CSV"
    response = client.get(reverse("events_rsvp_export", args=[event.pk, date.pk, "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Guadalupe" in values and "Ferme Secrète" in values


def test_check_in_marks_came_and_adds_walk_ins(setup, client):
    event, date = setup["event"], setup["date"]
    client.force_login(staff_of(setup["aide"]))
    url = reverse("events_rsvp_checkin", args=[event.pk, date.pk])
    rsvp = Rsvp.objects.get(first_name="Guadalupe")
    assert client.post(url, {"rsvp": rsvp.pk, "action": "came"}).status_code == 302
    assert Rsvp.objects.get(pk=rsvp.pk).attended
    # Full: a walk-in is refused with a message, not squeezed in.
    response = client.post(url, {"action": "walk_in", "first_name": "Pedro", "party_size": 1})
    assert response.status_code == 400
    assert not Rsvp.objects.filter(source=RsvpSource.WALK_IN).exists()
    EventDate.objects.filter(pk=date.pk).update(capacity=10)
    response = client.post(url, {"action": "walk_in", "first_name": "Pedro", "party_size": 1})
    walk_in = Rsvp.objects.get(source=RsvpSource.WALK_IN)
    assert walk_in.attended and walk_in.status == RsvpStatus.CONFIRMED


def test_staff_add_an_rsvp_by_hand(setup, client):
    event, date = setup["event"], setup["date"]
    client.force_login(staff_of(setup["aide"]))
    url = reverse("events_rsvp_add", args=[event.pk, date.pk])
    data = {
        "first_name": "Rosa",
        "phone": "+52 55 1234 5678",
        "party_size": 1,
        "reminder": "sms",
        "language": "es",
    }
    assert client.post(url, data).status_code == 400  # consent not ticked
    response = client.post(url, {**data, "consent": "on"})
    assert response.status_code == 302
    rsvp = Rsvp.objects.get(first_name="Rosa")
    assert rsvp.source == RsvpSource.STAFF and rsvp.phone == "+525512345678"
    assert rsvp.status == RsvpStatus.WAITLISTED  # the date was full


@pytest.mark.parametrize(
    "reminder, contact",
    [
        ("whatsapp", {"email": "rosa@example.org"}),
        ("sms", {"email": "rosa@example.org"}),
        ("email", {"phone": "+52 55 1234 5678"}),
    ],
)
def test_staff_cannot_choose_reminders_the_contact_cannot_carry(setup, client, reminder, contact):
    event, date = setup["event"], setup["date"]
    client.force_login(staff_of(setup["aide"]))
    url = reverse("events_rsvp_add", args=[event.pk, date.pk])
    data = {"first_name": "Rosa", "party_size": 1, "reminder": reminder, "language": "es"}
    response = client.post(url, {**data, **contact, "consent": "on"})
    assert response.status_code == 400
    assert response.context["form"].errors["reminder"]
    assert not Rsvp.objects.filter(first_name="Rosa").exists()


def test_staff_typing_an_address_too_long_to_store_get_the_form_back(setup, client):
    # Before the form checked the column's length, PostgreSQL refused the row: a 500.
    event, date = setup["event"], setup["date"]
    client.force_login(staff_of(setup["aide"]))
    url = reverse("events_rsvp_add", args=[event.pk, date.pk])
    data = {"first_name": "Rosa", "party_size": 1, "reminder": "email", "language": "es"}
    response = client.post(url, {**data, "email": LONG_EMAIL, "consent": "on"})
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == [
        "Cette adresse courriel est trop longue : 254 caractères au maximum."
    ]
    html = response.content.decode()
    assert f'value="{LONG_EMAIL}"' in html and 'value="Rosa"' in html
    assert not Rsvp.objects.filter(first_name="Rosa").exists()


@pytest.mark.parametrize("value", ["²", "99999999999999999999"])
def test_check_in_of_a_registration_number_no_database_holds_is_not_found(setup, client, value):
    event, date = setup["event"], setup["date"]
    client.force_login(staff_of(setup["aide"]))
    url = reverse("events_rsvp_checkin", args=[event.pk, date.pk])
    # An admin 404 is sent on to the language-prefixed address.
    assert client.post(url, {"rsvp": value, "action": "came"}).status_code in (302, 404)
    assert not Rsvp.objects.filter(attended=True).exists()


def exported(client, event, date, export_format):
    response = client.get(reverse("events_rsvp_export", args=[event.pk, date.pk, export_format]))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        rows = list(csv.reader(io.StringIO(content.decode())))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return {row[2]: row for row in rows[1:]}, rows[0]


@pytest.mark.parametrize("zone", ["America/Toronto", "America/Halifax"])
def test_exports_give_the_registration_time_in_the_events_zone(setup, client, zone):
    # 14:05 UTC on a winter day is 9:05 in Montréal and 10:05 on the Îles-de-la-Madeleine.
    event, date = setup["event"], setup["date"]
    event.timezone = zone
    event.save_revision().publish()
    Rsvp.objects.filter(first_name="Guadalupe").update(
        created_at=dt.datetime(2026, 1, 15, 14, 5, 30, tzinfo=dt.UTC)
    )
    wall = {"America/Toronto": "09:05:30", "America/Halifax": "10:05:30"}[zone]
    client.force_login(staff_of(setup["aide"]))
    for export_format in ("xlsx", "csv"):
        rows, headings = exported(client, event, date, export_format)
        heading = headings[-1]
        assert zone in heading, (export_format, heading)
        value = rows["Guadalupe"][-1]
        if export_format == "xlsx":
            assert value == dt.datetime.fromisoformat(f"2026-01-15T{wall}")
        else:
            assert value.startswith(f"2026-01-15 {wall}"), value
