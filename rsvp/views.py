"""Public RSVP views: register (POST), the private manage page (GET shows, POST changes).

Contact data never goes to logs: errors are reported by code, never with the input,
and error reports hide every POST field.

A registration is answered with the same page whether the contact was new or already
registered for the date, and never with the private link: that goes by SMS or e-mail
to the contact only (docs/rsvp.md, "Tokens").
"""

import functools

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from core import ratelimits
from core.formatting import format_range
from core.masking import mask_email, mask_phone
from core.originals import original_page
from core.tokens import token_hash
from events.models import EventPage
from rsvp.forms import (
    ChangeForm,
    GroupRsvpForm,
    RsvpForm,
    filled_too_fast,
    is_honeypot_filled,
    make_stamp,
)
from rsvp.models import Rsvp
from rsvp.services import availability, retention, seats


def date_choices(page, slot_list):
    labels = {
        availability.OPEN: _("seats left: %(count)s"),
        availability.WAITLIST: _("full — waiting list"),
    }
    choices = []
    for slot in slot_list:
        if not slot.bookable:
            continue
        text = format_range(slot.date.start, slot.date.end, page.timezone)
        if slot.state == availability.OPEN and slot.free is not None:
            text += " — " + labels[slot.state] % {"count": slot.free}
        elif slot.state == availability.WAITLIST:
            text += " — " + labels[slot.state]
        choices.append((slot.date.pk, text))
    return choices


def booking_forms(page, data=None, kind=None, slot_list=None, pickups=None):
    """The RSVP form (and the group form, when allowed) for a page's upcoming dates."""
    if slot_list is None:
        slot_list = availability.slots(page.shared_dates().upcoming())
    options = {
        "date_choices": date_choices(page, slot_list),
        "pickups": list(page.pickup_points.all()) if pickups is None else pickups,
        "initial": {"stamp": make_stamp()},
    }
    # The original page's rules apply to every language (as in the seat service).
    if slot_list:
        rules = availability.rules_of(slot_list[0].date)
    else:
        rules = page.original()
    form = RsvpForm(
        data if kind == "person" else None,
        max_party=rules.max_party_size,
        prefix="person",
        **options,
    )
    group_form = None
    if rules.group_rsvp_allowed:
        # The seat service checks the chosen date's own seats.
        capacities = [s.date.capacity for s in slot_list if s.date.capacity]
        group_max = min(seats.GROUP_MAX, max(capacities)) if capacities else seats.GROUP_MAX
        group_form = GroupRsvpForm(
            data if kind == "group" else None, max_party=group_max, prefix="group", **options
        )
    return {"slots": slot_list, "form": form, "group_form": group_form}


def limited(request, group, key, rate):
    """Over this limit? Not counted (the cache is down) lets the registration through:
    refusing it would cost a worker their seat, while the seats, one registration per
    contact and date, and the outbox's caps on messages hold without the cache
    (docs/rsvp.md, "Limits and bad input")."""
    return ratelimits.count(request, f"rsvp-{group}", key, rate) is ratelimits.Count.OVER


def render_form(request, page, context, status=200):
    context.setdefault("page", page)
    context.setdefault("organization", page.get_parent().specific)
    return TemplateResponse(request, "rsvp/public/form.html", context, status=status)


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def register(request, page_id):
    page = get_object_or_404(EventPage.objects.live(), pk=page_id)
    if request.method == "GET":
        return render_form(request, page, booking_forms(page))

    kind = "group" if request.POST.get("kind") == "group" else "person"
    context = booking_forms(page, request.POST, kind)
    form = context["form"] if kind == "person" else context["group_form"]
    if form is None:
        context = booking_forms(page)
        context["error"] = _("This activity does not take group registrations.")
        return render_form(request, page, context, status=400)
    raw = {name.removeprefix(f"{kind}-"): value for name, value in request.POST.items()}
    rates = settings.ENSEMBLE_RSVP_RATES

    if is_honeypot_filled(raw):
        context = booking_forms(page)
        context["error"] = _("Your registration could not be sent. Please call the organization.")
        return render_form(request, page, context, status=400)
    if filled_too_fast(raw):
        fresh = booking_forms(page, request.POST, kind)
        fresh["error"] = _("Please check your answers, then send the form again.")
        return render_form(request, page, fresh, status=400)
    if limited(request, "ip", "ip", rates["ip"]):
        return too_many(request, page)
    if not form.is_valid():
        return render_form(request, page, context, status=400)

    date = page.shared_dates().filter(pk=form.cleaned_data["date"]).first()
    if date is None:
        form.add_error("date", _("Choose one of the dates."))
        return render_form(request, page, context, status=400)
    contact = seats.contact_key(form.cleaned_data["phone"], form.cleaned_data["email"])
    if limited(request, "date", lambda g, r: str(date.pk), rates["date"]) or limited(
        request, "contact", lambda g, r: token_hash(contact), rates["contact"]
    ):
        return too_many(request, page)

    try:
        seats.take_seat(date, form.seat_request(get_language()[:2]))
    except seats.SeatError as error:
        context["error"] = error.message
        return render_form(request, page, context, status=409)
    return sent(request, page, form)


def sent(request, page, form):
    """ "Check your phone": the one answer to every registration that went through.
    It shows only what the person typed (partly hidden) — no seat status, no link — so
    it is the same whether or not that contact had already registered for the date."""
    phone = (form["phone"].value() or "").strip()
    email = (form["email"].value() or "").strip()
    context = {
        "page": page,
        "organization": page.get_parent().specific,
        "phone": mask_phone(phone) if phone else "",
        "email": mask_email(email) if email else "",
    }
    return TemplateResponse(request, "rsvp/public/sent.html", context)


def too_many(request, page):
    context = booking_forms(page)
    context["error"] = _(
        "Too many registrations were sent from here. Please wait an hour or call the organization."
    )
    return render_form(request, page, context, status=429)


def localized_event(date):
    """The event page in the visitor's language (the original if not translated)."""
    original = original_page(date)
    return original.get_translation_or_none(Locale.get_active()) or original


def private(response):
    # The token is in the URL: keep it out of caches, other sites' referrers and search
    # engines. Not "no-referrer": browsers then post the page's own forms with
    # `Origin: null`, and the CSRF check refuses them (Cancel gave a 403 in Chromium).
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    rsvp = Rsvp.objects.select_related("date").filter(token_hash=token_hash(token)).first()
    if rsvp is None:
        response = TemplateResponse(request, "rsvp/public/invalid_link.html", {}, status=404)
        return private(response)
    page = localized_event(rsvp.date)
    rules = original_page(rsvp.date)
    pickups = list(page.pickup_points.all())
    max_party = seats.party_limit(rules, rsvp.date, rsvp.is_group)
    initial = {
        "party_size": rsvp.party_size,
        "needs_transport": rsvp.needs_transport,
        "pickup": str(rsvp.pickup_key) if rsvp.pickup_key else "",
    }
    # Pickup points labelled with their time on this registration's date.
    change_form = functools.partial(
        ChangeForm, pickups=pickups, max_party=max_party, date=rsvp.date
    )
    form = change_form(initial=initial)
    context = {"rsvp": rsvp, "page": page, "token": token}
    status = 200

    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "change":
                form = change_form(request.POST)
                if form.is_valid():
                    data = form.cleaned_data
                    seats.change(
                        rsvp,
                        party_size=data["party_size"],
                        needs_transport=data["needs_transport"],
                        pickup_key=data.get("pickup") or None,
                    )
                    context["done"] = _("Your registration was changed.")
                    form = None
                else:
                    status = 400
            elif action == "cancel":
                seats.cancel(rsvp)
                context["done"] = _("Your registration is cancelled.")
            elif action == "erase":
                retention.erase(rsvp)
                response = TemplateResponse(request, "rsvp/public/erased.html", {"page": page})
                return private(response)
            else:
                raise Http404
        except seats.SeatError as error:
            context["error"] = error.message
            status = 409
        rsvp.refresh_from_db()
        if form is None:
            initial["party_size"] = rsvp.party_size
            form = change_form(initial=initial)

    pickup = next((p for p in pickups if p.translation_key == rsvp.pickup_key), None)
    context.update(
        form=form,
        position=seats.waitlist_position(rsvp),
        pickup=pickup,
        pickup_time=pickup.at(rsvp.date, rules).time() if pickup else None,
        manage_url=request.build_absolute_uri(request.path),
        open=seats.closed_reason(rsvp.date, rules, timezone.now()) is None,
    )
    return private(TemplateResponse(request, "rsvp/public/manage.html", context, status=status))
