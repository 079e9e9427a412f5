"""One published date as a calendar entry, in the language of its page.

Call inside ``translation.override(lang)``: labels ("Cancelled", "Pickup
points"…) come from the interface translations. Only public facts go in: what
the event page shows, and the organization's public phone number.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from calendars.ics import CalendarEntry
from core.formatting import format_clock
from events.models import EventDate, EventPage
from organizations.models import OrganizationPage


def calendar_entry(
    date: EventDate,
    page: EventPage,
    organization: OrganizationPage | None,
    url: str,
    lang: str,
    text: str | None = None,
) -> CalendarEntry:
    """``text`` is the description when the caller already has it (one per page, not per date)."""
    summary = page.title
    if date.is_cancelled:
        summary = _("Cancelled: %(title)s") % {"title": page.title}
    stamps = [date.modified_at, page.last_published_at]
    if organization is not None:
        stamps.append(organization.last_published_at)
    geo = None
    if page.latitude is not None and page.longitude is not None:
        geo = (float(page.latitude), float(page.longitude))
    return CalendarEntry(
        uid=date.uid,
        start=date.start,
        end=date.end,
        # The original page's zone: it is the one the dates were computed in.
        tzid=date.event.timezone,
        summary=summary,
        description=text
        if text is not None
        else description(page, organization, url, lang, date=date),
        location=location(page),
        url=url,
        last_modified=max(s for s in stamps if s is not None),
        sequence=date.sequence,
        cancelled=date.is_cancelled,
        geo=geo,
        categories=(page.category.name,),
        created=date.created_at,
    )


def location(page: EventPage) -> str:
    return ", ".join(part for part in (page.place_name, page.address, page.municipality) if part)


def description(
    page: EventPage,
    organization: OrganizationPage | None,
    url: str,
    lang: str,
    date: EventDate | None = None,
) -> str:
    """The entry's text; pickup times are those of `date` (a moved date's pickups
    moved with it), else as written on the page."""
    blocks = [page.summary, _transport(page, lang, date)]
    if page.what_to_bring:
        blocks.append(_labelled(_("What to bring"), page.what_to_bring))
    if organization is not None:
        contact = organization.title
        if organization.phone:
            contact = f"{contact}, {organization.phone_display}"
        blocks.append(_labelled(_("Organized by"), contact))
    blocks.append(url)
    return "\n\n".join(block for block in blocks if block)


def _transport(page: EventPage, lang: str, date: EventDate | None) -> str:
    lines = [_("A ride is provided.") if page.transport_provided else _("No ride is provided.")]
    pickups = list(page.pickup_points.all())
    if pickups:
        lines.append(_labelled(_("Pickup points"), ""))
        lines += [f"• {_pickup(point, lang, date)}" for point in pickups]
    if page.bring_bike:
        lines.append(_("Bring your bike."))
    if page.transport_notes:
        lines.append(page.transport_notes)
    return "\n".join(lines)


def _pickup(point, lang: str, date: EventDate | None) -> str:
    time = point.at(date).time() if date is not None else point.time
    text = f"{format_clock(time, lang)} — {point.name}"
    if point.address:
        text += f", {point.address}"
    if point.notes:
        text += f" ({point.notes})"
    return text


def _labelled(label: str, value: str) -> str:
    # French puts a space before the colon.
    text = pgettext("label and value", "%(label)s: %(value)s") % {"label": label, "value": value}
    return text.rstrip()
