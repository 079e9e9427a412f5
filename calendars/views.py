"""HTTP for the calendar feeds: conditional GETs, caching headers, plain-text errors."""

from __future__ import annotations

from django.core.exceptions import TooManyFieldsSent
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from calendars import feeds
from calendars.filters import (
    LANGUAGES,
    BadParameter,
    FeedFilters,
    NotFound,
    find_organization,
    parse_filters,
    parse_lang,
    single_values,
)

CONTENT_TYPE = "text/calendar; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
# Short, so that shared caches pass a correction on quickly; revalidation is cheap.
CACHE_CONTROL = "public, max-age=300"


@require_safe
def events_feed(request):
    return _serve(request, lambda: feeds.events_feed(parse_filters(request)))


@require_safe
def organization_feed(request, slug):
    def feed():
        lang = parse_lang(single_values(request, ["lang"]).get("lang"))
        organizations = find_organization(slug, lang)
        if not organizations:
            raise NotFound
        return feeds.events_feed(FeedFilters(lang=lang, organizations=organizations))

    return _serve(request, feed)


@require_safe
def event_feed(request, page_id):
    def feed():
        lang = parse_lang(single_values(request, ["lang"]).get("lang"), default=None)
        return feeds.event_feed(int(page_id), lang)

    return _serve(request, feed)


@require_safe
def date_feed(request, date_id):
    def feed():
        lang = parse_lang(single_values(request, ["lang"]).get("lang"))
        return feeds.date_feed(int(date_id), lang)

    return _serve(request, feed)


def _serve(request, make_feed):
    # Error messages in the feed's language when it is a valid one, else the browser's.
    with translation.override(_message_language(request)):
        try:
            feed = make_feed()
            print_ = feeds.fingerprint(feed)
        except BadParameter as error:
            return _text(400, str(error))
        except NotFound:
            return _text(404, _("No such calendar.") + "\n")

    last_modified = int(print_.last_modified.timestamp())
    response = get_conditional_response(request, etag=print_.etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(feeds.feed_bytes(feed, print_), content_type=CONTENT_TYPE)
        if feed.filename:
            response["Content-Disposition"] = f'attachment; filename="{feed.filename}"'
    response["ETag"] = print_.etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _message_language(request):
    try:
        lang = request.GET.get("lang")
    except TooManyFieldsSent:
        lang = None
    return lang if lang in LANGUAGES else translation.get_language()


def _text(status, message):
    response = HttpResponse(message, content_type=TEXT, status=status)
    response["Cache-Control"] = "no-store"
    return response
