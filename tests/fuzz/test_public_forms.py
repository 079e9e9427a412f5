"""The visitor's forms, with hostile values: the RSVP form on an event page, the private
link's manage page, the digest's sign-up, its code and its links, the reminders' stop
link. Never a 5xx; a refused request writes nothing."""

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from rsvp.models import OutboxMessage, Rsvp
from tests.digest.helpers import old_stamp
from tests.fuzz import checks
from tests.fuzz.strategies import hostile_fields, overrides, path_segment

pytestmark = pytest.mark.django_db
LANGS = st.sampled_from(["fr", "es", "en"])


def url(name, lang, *args):
    with translation.override(lang):
        return reverse(name, args=args)


def rsvp_form(world, kind):
    data = {
        "date": str(world.date.pk),
        "first_name": "Ana",
        "phone": "819 555 0142",
        "email": "",
        "party_size": "2",
        "needs_transport": "on",
        "pickup": str(world.event.pickup_points.get().pk),
        "reminder": "sms",
        "consent": "on",
        "website": "",
        "stamp": old_stamp(),
    }
    if kind == "group":
        data["group_label"] = "Ferme Tremblay"
    return {"kind": kind, **{f"{kind}-{k}": v for k, v in data.items()}}


@given(data=st.data(), kind=st.sampled_from(["person", "group"]), lang=LANGS)
def test_rsvp_form(world, client, data, kind, lang):
    checks.fresh_example()
    form = data.draw(overrides(rsvp_form(world, kind)))
    before = checks.counts()
    response = checks.no_server_error(client.post(url("events_rsvp", lang, world.event.pk), form))
    if checks.counts()["Rsvp"] == before["Rsvp"]:
        checks.unchanged(before, Rsvp, OutboxMessage)
    else:
        new = Rsvp.objects.latest("pk")
        assert 1 <= new.party_size <= world.event.max_party_size
        assert len(new.first_name) <= 80 and "\x00" not in new.first_name
        assert response.status_code == 200


@given(form=hostile_fields(["action", "party_size", "needs_transport", "pickup", "reminder"]))
def test_manage_page(world, client, form):
    checks.fresh_example()
    before = checks.counts()
    stored = checks.row(world.rsvp)
    response = checks.no_server_error(
        client.post(url("events_rsvp_manage", "fr", world.token), form)
    )
    if checks.refused(response):
        checks.unchanged(before)
        assert checks.row(world.rsvp) == stored


@given(token=path_segment(), action=st.sampled_from(["change", "cancel", "erase", "x"]))
def test_manage_page_with_a_wrong_link(world, client, token, action):
    checks.fresh_example()
    before = checks.counts()
    path = url("events_rsvp_manage", "es", "t")[: -len("t/")] + token + "/"
    checks.no_server_error(client.get(path), path)
    checks.no_server_error(client.post(path, {"action": action}), path)
    checks.unchanged(before)


def digest_form():
    return {
        "phone": "",
        "email": "nouvelle@example.org",
        "regions": ["05", "04"],
        "language": "es",
        "website": "",
        "stamp": old_stamp(),
    }


@given(data=st.data(), lang=LANGS)
def test_digest_sign_up(world, client, data, lang):
    checks.fresh_example()
    form = data.draw(overrides(digest_form()))
    before = checks.counts()
    path = url("events_digest_subscribe", lang)
    checks.no_server_error(client.get(path, {"region": form.get("regions", "")}))
    response = checks.no_server_error(client.post(path, form))
    if checks.refused(response):
        checks.unchanged(before)


@given(form=hostile_fields(["phone", "code"]), lang=LANGS)
def test_digest_code(world, client, form, lang):
    checks.fresh_example()
    before = checks.counts()
    stored = checks.row(world.pending)
    response = checks.no_server_error(client.post(url("events_digest_code", lang), form))
    checks.unchanged(before, OutboxMessage)
    if checks.refused(response):
        assert checks.row(world.pending) == stored


@given(token=path_segment(), name=st.sampled_from(
    ["events_digest_confirm", "events_digest_unsubscribe", "events_stop_reminders"]))  # fmt: skip
def test_links_in_messages(world, client, token, name):
    checks.fresh_example()
    before = checks.counts()
    stored = checks.row(world.pending), checks.row(world.active), checks.row(world.rsvp)
    path = url(name, "fr", "t")[: -len("t/")] + token + "/"
    checks.no_server_error(client.get(path), path)
    checks.no_server_error(client.post(path), path)
    checks.unchanged(before)
    assert (checks.row(world.pending), checks.row(world.active), checks.row(world.rsvp)) == stored
