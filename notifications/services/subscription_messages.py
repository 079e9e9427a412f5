"""Rendering the messages of a digest subscription, at send time: the confirmation
(a link by e-mail, a code by SMS) and the weekly digest.

The digest is written from public data only (digest/services/digest.py): titles,
days and times, places, links. Nothing in it comes from RSVPs.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.links import absolute, absolute_url
from digest.services import subscriptions
from digest.services.digest import digest_for
from forwarding.services.regional import region_name
from notifications.services.texts import SMS_MAX_SEGMENTS, Rendered, shorten
from notifications.sms.segments import analyse
from rsvp.models import MessageChannel, MessageKind

MESSAGES = "notifications/messages/"


def render_for_subscription(message):
    subscription = message.subscription
    if message.kind == MessageKind.SUBSCRIPTION_CONFIRM:
        return confirmation(message, subscription)
    return digest(message, subscription)


def url(name, language, *args):
    with translation.override(language):
        return absolute(reverse(name, args=args))


def subscribe_url(language):
    return url("events_digest_subscribe", language)


def unsubscribe_url(subscription):
    token = subscriptions.unsubscribe_token(subscription)
    return url("events_digest_unsubscribe", subscription.language, token)


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


# -- confirmation ---------------------------------------------------------------------


def confirmation(message, subscription):
    # In the language of the page the request came from.
    language = subscription.requested_language or subscription.language
    with translation.override(language):
        subject = _("Confirm your subscription to the weekend's activities")
        if message.channel == MessageChannel.SMS:
            text = _(
                "Ensemble: your code is %(code)s. It works for %(minutes)s minutes. "
                "Did not ask for it? Ignore this text. Reply STOP to stop texts."
            ) % {
                "code": subscriptions.code_for(subscription),
                "minutes": settings.ENSEMBLE_DIGEST_CODE_MINUTES,
            }
            return Rendered(subject=subject, text=text)
        context = {
            "regions": ", ".join(
                str(region_name(code)) for code in subscription.requested_region_codes
            ),
            "language_name": language_name(language),
            "confirm_url": url(
                "events_digest_confirm", language, subscriptions.confirm_token(subscription)
            ),
            "hours": settings.ENSEMBLE_DIGEST_LINK_HOURS,
            "title": subject,
            "LANGUAGE_CODE": language,
        }
        # No unsubscribe link: without a confirmation, nothing else is ever sent.
        return Rendered(
            subject=subject,
            text=render_to_string(f"{MESSAGES}subscription_confirm.email.txt", context).strip()
            + "\n",
            html=render_to_string(f"{MESSAGES}subscription_confirm.email.html", context),
        )


# -- the weekly digest ----------------------------------------------------------------


def digest(message, subscription):
    language = subscription.language
    with translation.override(language):
        content = digest_for(subscription, message.date_version)
        subject = ngettext(
            "This weekend near you: %(count)s activity",
            "This weekend near you: %(count)s activities",
            content.count,
        ) % {"count": content.count}
        if message.channel == MessageChannel.SMS:
            return Rendered(subject=subject, text=digest_sms(content))
        context = {
            "title": subject,
            "LANGUAGE_CODE": language,
            "digest": content,
            "regions": ", ".join(content.regions),
            "days": email_days(content),
            "subscribe_url": subscribe_url(language),
            "unsubscribe_url": unsubscribe_url(subscription),
        }
        return Rendered(
            subject=subject,
            text=render_to_string(f"{MESSAGES}digest.email.txt", context).strip() + "\n",
            html=render_to_string(f"{MESSAGES}digest.email.html", context),
            unsubscribe_url=context["unsubscribe_url"],
        )


def email_days(content):
    """Days with what each item shows: time, title, place, tags and its page's address."""
    days = []
    for day in content.days:
        items = []
        for item in day.items:
            page = item.page
            tags = []
            if page.transport_provided:
                tags.append(_("Ride provided"))
            if page.is_free:
                tags.append(_("Free"))
            items.append(
                {
                    "time": item.time,
                    "title": page.title,
                    "place": ", ".join(p for p in (page.place_name, page.municipality) if p),
                    "tags": " · ".join(tags),
                    "url": absolute_url(page),
                }
            )
        days.append({"label": day.label, "items": items})
    return days


def digest_sms(content):
    """Count, regions and the listing's link, within two segments: the region names
    are cut at a word, then left out, before the text grows a third segment."""
    stop = _("Reply STOP to stop these texts.")
    names = ", ".join(content.regions)
    text = ""
    for regions in (names, shorten(names, 24), ""):
        if regions:
            head = ngettext(
                "Ensemble: %(count)s activity this weekend (%(regions)s):",
                "Ensemble: %(count)s activities this weekend (%(regions)s):",
                content.count,
            )
        else:
            head = ngettext(
                "Ensemble: %(count)s activity this weekend:",
                "Ensemble: %(count)s activities this weekend:",
                content.count,
            )
        text = f"{head % {'count': content.count, 'regions': regions}} {content.listing_url} {stop}"
        if analyse(text).segments <= SMS_MAX_SEGMENTS:
            break
    return text
