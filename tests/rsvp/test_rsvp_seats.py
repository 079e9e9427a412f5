"""Seats and waiting list (invariant 2, docs/architecture.md#invariant-2; the rules are
in docs/seats.md)."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.tokens import token_hash
from core.translations import translate
from events.models import EventDate
from rsvp.models import Rsvp, RsvpSource, RsvpStatus
from rsvp.services import seats
from rsvp.services.schedule import cancel_date
from tests.factories import EventFactory
from tests.rsvp_helpers import ask, links_sent_to, phone, send_due

pytestmark = pytest.mark.django_db

CONFIRMED, WAITLISTED, CANCELLED = (
    RsvpStatus.CONFIRMED,
    RsvpStatus.WAITLISTED,
    RsvpStatus.CANCELLED,
)


def a_date(capacity=4, **kwargs):
    event = EventFactory(capacity=capacity, max_party_size=min(4, capacity or 4), **kwargs)
    return event, EventDate.objects.for_event(event).get()


def statuses(date):
    return list(date.rsvps.order_by("pk").values_list("party_size", "status"))


def test_confirms_until_full_then_waitlists(site_tree):
    _event, date = a_date(capacity=4)
    assert ask(date, 3).confirmed
    outcome = ask(date, 2)
    assert outcome.rsvp.status == WAITLISTED
    assert ask(date, 1).confirmed
    assert seats.used_seats(date) == 4
    assert seats.waitlist_position(outcome.rsvp) == 1


def test_the_date_listing_counts_the_seats_the_seat_service_counts(site_tree):
    # EventDate.objects.with_confirmed_seats() names the confirmed status by value
    # (activities does not import rsvp): it must agree with the seat service.
    _event, date = a_date(capacity=4)
    ask(date, 3)
    ask(date, 2)  # waiting list
    cancelled = ask(date, 1).rsvp
    seats.cancel(cancelled)
    listed = EventDate.objects.filter(pk=date.pk).with_confirmed_seats().get()
    assert listed.confirmed_seats == seats.used_seats(date) == 3


def test_full_without_waitlist_refuses_and_saves_nothing(site_tree):
    _event, date = a_date(capacity=2, waitlist_allowed=False)
    ask(date, 2)
    with pytest.raises(seats.SeatError) as error:
        ask(date, 1)
    assert error.value.code == "full"
    assert date.rsvps.count() == 1


def test_unlimited_date_confirms_everyone(site_tree):
    _event, date = a_date(capacity=None)
    for _ in range(10):
        assert ask(date, 4).confirmed


def test_party_larger_than_the_events_limit_is_refused(site_tree):
    _event, date = a_date(capacity=10)
    with pytest.raises(seats.SeatError) as error:
        ask(date, 5)
    assert error.value.code == "too_large"
    assert not date.rsvps.exists()


def test_spanish_and_french_rsvps_take_the_same_seats(site_tree):
    event, date = a_date(capacity=3)
    org = event.get_parent().specific
    translate(org, "es", {})
    es = translate(event, "es", {event.title: "Paseo", event.slug: "paseo"})
    es_date = EventDate.objects.for_event(es).get()
    assert es_date == date
    ask(date, 2, language="fr")
    assert ask(es_date, 2, language="es").rsvp.status == WAITLISTED


def row(rsvp):
    """Every column of the RSVP as stored."""
    return Rsvp.objects.filter(pk=rsvp.pk).values().get()


def test_same_phone_again_on_the_page_changes_nothing(site_tree):
    _event, date = a_date(capacity=10)
    number = phone()
    first = ask(date, 2, phone=number, first_name="Ana").rsvp
    before = row(first)
    again = ask(date, 4, phone=number, first_name="Intrus", email="x@example.org", reminder="email")
    assert again.already_registered and again.rsvp.pk == first.pk
    assert row(first) == before, "whoever typed the number changed nothing"
    assert date.rsvps.count() == 1 and seats.used_seats(date) == 2


def test_same_email_in_other_case_is_the_same_contact(site_tree):
    _event, date = a_date(capacity=10)
    ask(date, 1, phone="", email="ana@example.org")
    assert ask(date, 2, phone="", email="Ana@Example.org").already_registered


def test_same_contact_on_a_full_date_is_refused_like_a_new_one(site_tree):
    _event, date = a_date(capacity=2, waitlist_allowed=False)
    number = phone()
    owner = ask(date, 2, phone=number).rsvp
    send_due()  # the confirmation (with the link) went
    for contact in (phone(), number):  # someone new, then the one already registered
        with pytest.raises(seats.SeatError) as error:
            ask(date, 1, phone=contact)
        assert error.value.code == "full"
    assert date.rsvps.count() == 1 and seats.used_seats(date) == 2
    # The refusal came after the commit: the owner is still sent their link.
    assert owner.messages.filter(kind="manage_link").count() == 1


def test_staff_entering_the_same_contact_again_update_it_and_keep_the_link(site_tree):
    _event, date = a_date(capacity=10)
    number = phone()
    first = ask(date, 2, phone=number).rsvp
    send_due()
    token = links_sent_to(number)[-1]
    again = ask(date, 3, phone=number, first_name="Ana María", source=RsvpSource.STAFF)
    assert again.updated and again.rsvp.pk == first.pk
    assert date.rsvps.count() == 1 and seats.used_seats(date) == 3
    assert Rsvp.objects.get(token_hash=token_hash(token)).first_name == "Ana María"


def test_database_refuses_two_active_rsvps_for_one_contact(site_tree):
    _event, date = a_date(capacity=10)
    ask(date, 1, phone="+18195550001")
    with pytest.raises(IntegrityError), transaction.atomic():
        Rsvp.objects.create(date=date, contact_key="+18195550001", status=CONFIRMED, language="fr")


def test_database_refuses_an_empty_party(site_tree):
    _event, date = a_date()
    with pytest.raises(IntegrityError), transaction.atomic():
        Rsvp.objects.create(date=date, party_size=0, status=CONFIRMED, language="fr")


def test_only_a_hash_of_the_token_is_stored(site_tree):
    _event, date = a_date()
    number = phone()
    rsvp = ask(date, phone=number).rsvp
    assert row(rsvp)["token_hash"] is None, "no link exists before the message carrying it"
    send_due()
    token = links_sent_to(number)[-1]
    assert len(token) >= 32  # 24 random bytes in base64
    stored = row(rsvp)
    assert stored["token_hash"] == token_hash(token)
    assert not any(token in str(value) for value in stored.values())


def test_cancelled_and_past_dates_are_closed(site_tree):
    _event, date = a_date()
    with pytest.raises(seats.SeatError) as error:
        seats.take_seat(
            date, seats.SeatRequest(phone=phone()), now=date.start + dt.timedelta(minutes=1)
        )
    assert error.value.code == "past"
    cancel_date(date)
    with pytest.raises(seats.SeatError) as error:
        ask(date)
    assert error.value.code == "cancelled"


# -- promotion ----------------------------------------------------------------------


def test_cancellation_promotes_the_first_waitlisted_that_fits(site_tree):
    _event, date = a_date(capacity=4)
    holder = ask(date, 4).rsvp
    family = ask(date, 3).rsvp
    single = ask(date, 1).rsvp
    seats.cancel(holder)
    assert Rsvp.objects.get(pk=family.pk).status == CONFIRMED
    assert Rsvp.objects.get(pk=single.pk).status == CONFIRMED


def test_a_later_smaller_party_passes_only_a_party_that_cannot_fit(site_tree):
    _event, date = a_date(capacity=4)
    a = ask(date, 2).rsvp
    ask(date, 2)
    family = ask(date, 3).rsvp  # waiting first
    single = ask(date, 1).rsvp  # waiting second
    seats.cancel(a)  # 2 seats free: the family cannot fit, the single can
    assert Rsvp.objects.get(pk=family.pk).status == WAITLISTED
    assert Rsvp.objects.get(pk=single.pk).status == CONFIRMED
    assert seats.waitlist_position(Rsvp.objects.get(pk=family.pk)) == 1


def test_a_family_never_passes_an_earlier_smaller_party(site_tree):
    _event, date = a_date(capacity=4)
    holder = ask(date, 4).rsvp
    single = ask(date, 1).rsvp
    family = ask(date, 4).rsvp
    seats.cancel(holder)  # 4 free: the single (earlier) goes first, the family no longer fits
    assert Rsvp.objects.get(pk=single.pk).status == CONFIRMED
    assert Rsvp.objects.get(pk=family.pk).status == WAITLISTED


def test_smaller_party_frees_seats_for_the_waitlist(site_tree):
    _event, date = a_date(capacity=4)
    holder = ask(date, 4).rsvp
    waiting = ask(date, 2).rsvp
    seats.change(holder, party_size=2)
    assert Rsvp.objects.get(pk=waiting.pk).status == CONFIRMED


def test_larger_party_is_refused_when_seats_are_missing(site_tree):
    _event, date = a_date(capacity=4)
    holder = ask(date, 2).rsvp
    ask(date, 2)
    with pytest.raises(seats.SeatError) as error:
        seats.change(holder, party_size=3)
    assert error.value.code == "not_enough_seats"
    assert Rsvp.objects.get(pk=holder.pk).party_size == 2


def test_raising_capacity_promotes(site_tree):
    _event, date = a_date(capacity=2)
    ask(date, 2)
    waiting = ask(date, 2).rsvp
    EventDate.objects.filter(pk=date.pk).update(capacity=4)
    seats.promote(date)
    assert Rsvp.objects.get(pk=waiting.pk).status == CONFIRMED


def test_no_promotion_after_the_cutoff(site_tree, settings):
    settings.ENSEMBLE_PROMOTION_CUTOFF_HOURS = 2
    _event, date = a_date(capacity=2)
    holder = ask(date, 2).rsvp
    waiting = ask(date, 2).rsvp
    seats.cancel(holder, now=date.start - dt.timedelta(hours=1))
    assert Rsvp.objects.get(pk=waiting.pk).status == WAITLISTED
    seats.promote(date, now=date.start - dt.timedelta(hours=3))
    assert Rsvp.objects.get(pk=waiting.pk).status == CONFIRMED


def test_walk_in_is_accepted_during_the_activity_but_never_waitlisted(site_tree):
    _event, date = a_date(capacity=2)
    during = date.start + dt.timedelta(minutes=30)
    request = seats.SeatRequest(phone="", party_size=1, source=RsvpSource.WALK_IN)
    assert seats.take_seat(date, request, now=during).confirmed
    ask_full = seats.SeatRequest(phone="", party_size=2, source=RsvpSource.WALK_IN)
    with pytest.raises(seats.SeatError):
        seats.take_seat(date, ask_full, now=during)


def test_messages_are_queued_with_the_decision_and_rolled_back_with_it(site_tree):
    from rsvp.models import OutboxMessage

    _event, date = a_date(capacity=1)
    first = ask(date, 1, reminder="sms").rsvp
    second = ask(date, 1, reminder="sms").rsvp
    assert set(first.messages.values_list("kind", flat=True)) >= {"confirmed"}
    assert list(second.messages.values_list("kind", flat=True)) == ["waitlisted"]
    before = OutboxMessage.objects.count()

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        seats.cancel(first)
        assert second.messages.filter(kind="promoted").exists()
        raise Undo
    assert OutboxMessage.objects.count() == before
    assert Rsvp.objects.get(pk=second.pk).status == RsvpStatus.WAITLISTED

    seats.cancel(first)
    assert second.messages.filter(kind="promoted").count() == 1
    assert not first.messages.filter(status="pending").exists()


def test_str_has_no_personal_data(site_tree):
    _event, date = a_date()
    rsvp = ask(date, 1, first_name="Guadalupe", phone="+18195550177").rsvp
    assert "Guadalupe" not in str(rsvp) and "555" not in str(rsvp)
    assert timezone.now() >= rsvp.consent_at


def test_seat_annotation_keeps_dates_in_time_order(site_tree):
    """Aggregating queries drop Meta.ordering; PostgreSQL then returns any order."""
    import datetime as dt

    from events.models import EventDate
    from tests.factories import EventFactory

    event = EventFactory()
    event.repeat_weekly_until = event.first_date + dt.timedelta(weeks=5)
    event.save_revision().publish()
    # Rows created in reverse time order, so insertion order cannot pass for time order.
    dates = list(EventDate.objects.for_event(event))
    for date in dates:
        EventDate.objects.filter(pk=date.pk).delete()
    for date in reversed(dates):
        date.pk = None
        date.save()
    starts = [d.start for d in EventDate.objects.for_event(event).with_confirmed_seats()]
    assert starts == sorted(starts)
