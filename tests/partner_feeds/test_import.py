"""Importing real-world calendar shapes into event pages and shared dates."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from core.translations import translate
from events.models import DateStatus, EventDate, EventPage
from partner_feeds.models import ImportedEvent, RunStatus
from partner_feeds.services import importer
from tests.partner_feeds.helpers import FEEDS

pytestmark = pytest.mark.django_db
TORONTO = ZoneInfo("America/Toronto")


def local(*args):
    return dt.datetime(*args, tzinfo=TORONTO)


def dates_of(page):
    return list(EventDate.objects.for_event(page).order_by("start"))


def test_google_export_becomes_draft_pages_with_dates(routes, make_feed, before_the_feeds):
    routes.fixture("/google.ics", "google.ics")
    feed = importer.run(make_feed("/google.ics"))
    assert feed.last_status == RunStatus.OK, feed.last_refusal
    soccer = EventPage.objects.get(title="Soccer du lundi")
    assert not soccer.live
    assert soccer.get_parent().specific == feed.organization
    assert soccer.place_name == "Parc Laurence"
    assert "Apportez de l&#x27;eau." in soccer.body or "Apportez de l'eau." in soccer.body
    starts = [(d.start.astimezone(TORONTO), d.end.astimezone(TORONTO)) for d in dates_of(soccer)]
    # Weekly on Mondays, 17 May excluded (EXDATE), 24 May moved to Wednesday 26 at 19:00.
    assert [s for s, _e in starts] == [
        local(2027, 5, 3, 18),
        local(2027, 5, 10, 18),
        local(2027, 5, 26, 19),
        local(2027, 5, 31, 18),
        local(2027, 6, 7, 18),
    ]
    assert all(e - s == dt.timedelta(hours=2) for s, e in starts)
    # A single event in UTC, read in the calendar's X-WR-TIMEZONE.
    rodeo = EventPage.objects.get(title="Sortie au rodéo")
    assert [d.start.astimezone(TORONTO) for d in dates_of(rodeo)] == [local(2027, 5, 15, 10)]
    assert rodeo.timezone == "America/Toronto"
    # The all-day holiday is not an activity, and staff are told.
    assert not EventPage.objects.filter(title="Fête nationale").exists()
    assert {"code": "all_day", "title": "Fête nationale"} in feed.last_notes
    assert feed.last_counts["created"] == 2


def test_outlook_windows_zone_and_cancelled_override(routes, make_feed, before_the_feeds):
    routes.fixture("/outlook.ics", "outlook.ics")
    feed = importer.run(make_feed("/outlook.ics"))
    assert feed.last_status == RunStatus.OK, feed.last_refusal
    clinic = EventPage.objects.get(title="Clinique permis de travail")
    assert clinic.timezone == "America/Toronto"  # from "Eastern Standard Time"
    starts = [d.start.astimezone(TORONTO) for d in dates_of(clinic)]
    # Tuesdays 4 May to 1 June at 10:00; 11 May excluded; 18 May cancelled in the
    # feed before it was ever imported, so it is not made at all.
    assert starts == [local(2027, 5, 4, 10), local(2027, 5, 25, 10), local(2027, 6, 1, 10)]


def test_trusted_partner_is_published_and_translations_share_dates(
    routes, make_feed, before_the_feeds
):
    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    importer.run(make_feed("/nextcloud.ics", trusted=True))
    page = EventPage.objects.get(title="Atelier de cuisine")
    assert page.live
    assert page.place_name == "Centre CACI"
    assert page.address == "12 rue Lachapelle, Montréal"
    translate(page.get_parent().specific, "es", {})
    spanish = translate(page, "es", {"Atelier de cuisine": "Taller de cocina"})
    assert spanish.pk != page.pk
    assert [d.pk for d in dates_of(spanish)] == [d.pk for d in dates_of(page)]
    assert dates_of(page)[0].start == local(2027, 5, 8, 13)


def test_running_twice_changes_nothing(routes, make_feed, before_the_feeds):
    routes.fixture("/google.ics", "google.ics")
    feed = make_feed("/google.ics")
    importer.run(feed)
    before = {(d.pk, d.start, d.status, d.sequence) for d in EventDate.objects.all()}
    revisions = {p.pk: p.latest_revision_id for p in EventPage.objects.all()}
    feed = importer.run(feed)
    assert feed.last_counts == {
        "created": 0,
        "updated": 0,
        "dates_added": 0,
        "dates_changed": 0,
        "dates_cancelled": 0,
    }
    assert {(d.pk, d.start, d.status, d.sequence) for d in EventDate.objects.all()} == before
    assert {p.pk: p.latest_revision_id for p in EventPage.objects.all()} == revisions
    assert EventPage.objects.count() == 2


def _edited_google(**replacements):
    text = (FEEDS / "google.ics").read_text()
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text.encode()


def test_moved_cancelled_and_removed_occurrences_follow(routes, make_feed, before_the_feeds):
    routes.fixture("/google.ics", "google.ics")
    feed = make_feed("/google.ics")
    importer.run(feed)
    soccer = EventPage.objects.get(title="Soccer du lundi")
    ids = [d.pk for d in dates_of(soccer)]
    # The series moves to 18:30, gets one more EXDATE (31 May), and the rodeo is
    # cancelled; the soccer moved on 24 May keeps its own time.
    routes.calendar(
        "/google.ics",
        _edited_google(
            **{
                "DTSTART;TZID=America/Toronto:20270503T180000": (
                    "DTSTART;TZID=America/Toronto:20270503T183000"
                ),
                "DTEND;TZID=America/Toronto:20270503T200000": (
                    "DTEND;TZID=America/Toronto:20270503T203000"
                ),
                "EXDATE;TZID=America/Toronto:20270517T180000": (
                    "EXDATE;TZID=America/Toronto:20270517T183000,20270531T183000"
                ),
                "RECURRENCE-ID;TZID=America/Toronto:20270524T180000": (
                    "RECURRENCE-ID;TZID=America/Toronto:20270524T183000"
                ),
                "SEQUENCE:0\nSTATUS:CONFIRMED\nSUMMARY:Sortie au rodéo": (
                    "SEQUENCE:1\nSTATUS:CANCELLED\nSUMMARY:Sortie au rodéo"
                ),
            }
        ),
    )
    feed = importer.run(feed)
    assert feed.last_status == RunStatus.OK, feed.last_refusal
    rows = dates_of(soccer)
    by_start = {d.start.astimezone(TORONTO): d for d in rows}
    assert by_start[local(2027, 5, 3, 18, 30)].pk == ids[0]  # same row, same UID
    assert by_start[local(2027, 5, 3, 18, 30)].sequence == 1
    assert by_start[local(2027, 5, 10, 18, 30)].pk == ids[1]
    assert by_start[local(2027, 5, 26, 19)].status == DateStatus.SCHEDULED
    assert by_start[local(2027, 5, 31, 18)].status == DateStatus.CANCELLED
    assert by_start[local(2027, 6, 7, 18, 30)].status == DateStatus.SCHEDULED
    rodeo = EventPage.objects.get(title="Sortie au rodéo")
    assert [d.status for d in dates_of(rodeo)] == [DateStatus.CANCELLED]


def test_stale_sequence_is_ignored(routes, make_feed, before_the_feeds):
    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    feed = make_feed("/nextcloud.ics")
    importer.run(feed)
    older = (FEEDS / "nextcloud.ics").read_text()
    older = older.replace("SEQUENCE:2", "SEQUENCE:1").replace("T130000", "T150000")
    routes.calendar("/nextcloud.ics", older.encode())
    importer.run(feed)
    page = EventPage.objects.get(title="Atelier de cuisine")
    assert dates_of(page)[0].start == local(2027, 5, 8, 13)
    assert ImportedEvent.objects.get(page=page).sequence == 2


def test_pages_and_dates_edited_by_hand_are_left_alone(routes, make_feed, before_the_feeds):
    routes.fixture("/google.ics", "google.ics")
    feed = make_feed("/google.ics")
    importer.run(feed)
    soccer = EventPage.objects.get(title="Soccer du lundi")
    draft = soccer.get_latest_revision_as_object()
    draft.summary = "Soccer amical, écrit par l'équipe."
    draft.save_revision()
    rodeo = EventPage.objects.get(title="Sortie au rodéo")
    from rsvp.services import schedule

    row = dates_of(rodeo)[0]
    schedule.move_date(row, row.start + dt.timedelta(hours=1), row.end + dt.timedelta(hours=1))
    routes.calendar(
        "/google.ics",
        _edited_google(
            **{
                "SUMMARY:Soccer du lundi": "SUMMARY:Soccer du lundi soir",
                "DTSTART:20270515T140000Z": "DTSTART:20270515T150000Z",
                "DTEND:20270515T180000Z": "DTEND:20270515T190000Z",
                "Sortie au rodéo de Saint-Tite en autobus.": "Rodéo de Saint-Tite.",
            }
        ),
    )
    feed = importer.run(feed)
    soccer.refresh_from_db()
    rodeo.refresh_from_db()
    latest = soccer.get_latest_revision_as_object()
    assert latest.title == "Soccer du lundi"
    assert latest.summary == "Soccer amical, écrit par l'équipe."
    assert {"code": "page_edited", "title": "Soccer du lundi"} in feed.last_notes
    assert any(n["code"] == "date_edited" for n in feed.last_notes)
    assert dates_of(rodeo)[0].start.astimezone(TORONTO) == local(2027, 5, 15, 11)
    # The rodeo's page itself was not edited: its new description is imported.
    assert rodeo.get_latest_revision_as_object().summary == "Rodéo de Saint-Tite."
    assert feed.last_counts["updated"] == 1


def test_event_gone_from_feed_is_cancelled(routes, make_feed, before_the_feeds):
    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    feed = make_feed("/nextcloud.ics")
    importer.run(feed)
    empty = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nEND:VCALENDAR\r\n"
    routes.calendar("/nextcloud.ics", empty)
    feed = importer.run(feed)
    page = EventPage.objects.get(title="Atelier de cuisine")
    assert [d.status for d in dates_of(page)] == [DateStatus.CANCELLED]
    assert feed.last_counts["dates_cancelled"] == 1


def test_page_deleted_by_staff_is_not_made_again(routes, make_feed, before_the_feeds):
    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    feed = make_feed("/nextcloud.ics")
    importer.run(feed)
    EventPage.objects.get(title="Atelier de cuisine").delete()
    feed = importer.run(feed)
    assert not EventPage.objects.filter(title="Atelier de cuisine").exists()
    assert feed.last_notes == [{"code": "page_deleted", "title": "Atelier de cuisine"}]


def test_publishing_from_the_editor_is_not_an_edit(routes, make_feed, before_the_feeds):
    """The editor rewrites rich text's markup on save; the words are what count."""
    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    feed = make_feed("/nextcloud.ics")
    importer.run(feed)
    page = EventPage.objects.get(title="Atelier de cuisine")
    draft = page.get_latest_revision_as_object()
    draft.body = draft.body.replace("<p>", '<p data-block-key="k3x9a">')
    draft.save_revision().publish()
    newer = (FEEDS / "nextcloud.ics").read_text()
    newer = newer.replace("Inscription gratuite.", "Inscription gratuite, places limitées.")
    routes.calendar("/nextcloud.ics", newer.replace("SEQUENCE:2", "SEQUENCE:3").encode())
    feed = importer.run(feed)
    page.refresh_from_db()
    assert feed.last_notes == []
    assert "places limitées" in page.get_latest_revision_as_object().body
    assert page.live  # staff published it; the change waits as a draft (not trusted)
    assert page.has_unpublished_changes


def test_command_imports_every_feed_and_says_why_one_was_refused(
    routes, make_feed, before_the_feeds
):
    from io import StringIO

    from django.core.management import call_command

    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    routes.calendar("/page", b"<html></html>", content_type="text/html")
    good, bad = make_feed("/nextcloud.ics"), make_feed("/page")
    out = StringIO()
    call_command("import_partner_feeds", stdout=out)
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.last_status == RunStatus.OK and bad.last_status == RunStatus.REFUSED
    assert "text/html" in out.getvalue()
    assert EventPage.objects.filter(title="Atelier de cuisine").count() == 1


def test_windows_zone_name_without_vtimezone(routes, make_feed, before_the_feeds):
    """Exchange sometimes names its zone without describing it: "Atlantic Standard
    Time" is the Îles-de-la-Madeleine's zone, which Ensemble offers."""
    routes.calendar(
        "/exchange.ics",
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:Microsoft Exchange Server 2010\r\n"
        b"BEGIN:VEVENT\r\nUID:iles-1\r\nSUMMARY:Souper communautaire\r\n"
        b"DTSTART;TZID=Atlantic Standard Time:20270504T170000\r\n"
        b"DTEND;TZID=Atlantic Standard Time:20270504T190000\r\n"
        b"LOCATION:Salle paroissiale\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    importer.run(make_feed("/exchange.ics"))
    page = EventPage.objects.get(title="Souper communautaire")
    assert page.timezone == "America/Halifax"
    assert page.start_time == dt.time(17, 0)
    halifax = ZoneInfo("America/Halifax")
    assert dates_of(page)[0].start == dt.datetime(2027, 5, 4, 17, tzinfo=halifax)


def test_hand_edit_notes_read_in_the_staff_language():
    from django.utils import translation

    from partner_feeds.services.refusals import describe_note

    note = {"code": "date_edited", "title": "Soccer", "when": "2027-05-15T15:00:00+00:00"}
    with translation.override("fr"):
        french = describe_note(note)
    with translation.override("es"):
        spanish = describe_note(note)
    assert "à la main" in french and "11" in french
    assert "a mano" in spanish


def test_drafts_stay_out_of_the_public_feed_until_published(
    client, routes, make_feed, before_the_feeds
):
    routes.fixture("/nextcloud.ics", "nextcloud.ics")
    importer.run(make_feed("/nextcloud.ics"))
    assert "Atelier de cuisine" not in client.get("/feeds/events.ics").content.decode()
    page = EventPage.objects.get(title="Atelier de cuisine")
    page.get_latest_revision().publish()
    feed_text = client.get("/feeds/events.ics").content.decode()
    assert "Atelier de cuisine" in feed_text
    # Publishing made no second date: the rule's row is the imported one.
    assert len(dates_of(page)) == 1


def test_registered_people_hear_of_a_partner_cancelling_or_moving(
    routes, make_feed, before_the_feeds
):
    """Dates change through the schedule services, which queue the notices."""
    from rsvp.models import MessageKind, OutboxMessage
    from tests.rsvp_helpers import ask

    routes.fixture("/google.ics", "google.ics")
    feed = make_feed("/google.ics", trusted=True)
    importer.run(feed)
    soccer = EventPage.objects.get(title="Soccer du lundi")
    rodeo = EventPage.objects.get(title="Sortie au rodéo")
    ask(dates_of(rodeo)[0])
    ask(dates_of(soccer)[1])  # Monday 10 May
    routes.calendar(
        "/google.ics",
        _edited_google(
            **{
                "SEQUENCE:0\nSTATUS:CONFIRMED\nSUMMARY:Sortie au rodéo": (
                    "SEQUENCE:1\nSTATUS:CANCELLED\nSUMMARY:Sortie au rodéo"
                ),
                "DTSTART;TZID=America/Toronto:20270503T180000": (
                    "DTSTART;TZID=America/Toronto:20270503T183000"
                ),
                "DTEND;TZID=America/Toronto:20270503T200000": (
                    "DTEND;TZID=America/Toronto:20270503T203000"
                ),
            }
        ),
    )
    assert not OutboxMessage.objects.filter(
        kind__in=[MessageKind.DATE_CANCELLED, MessageKind.DATE_MOVED]
    ).exists()
    importer.run(feed)
    assert OutboxMessage.objects.filter(
        kind=MessageKind.DATE_CANCELLED, rsvp__date__event=rodeo
    ).exists()
    assert OutboxMessage.objects.filter(
        kind=MessageKind.DATE_MOVED, rsvp__date__event=soccer
    ).exists()
