"""A request whose address or form data holds a null character (NUL) gets a 400.

PostgreSQL cannot hold NUL in a text value ("A string literal cannot contain NUL (0x00)
characters"): whatever view passes such a parameter to a query answers 500 — Wagtail's
API search, its locale and html_path filters, and any view of ours that reads request.GET
without a form (Django's form fields already refuse NUL). No honest request carries one,
so the rule is checked once, here, before any view, rather than in each of them.

A cookie is different: Django decodes a quoted "\\000" in a cookie to NUL, and the session
key then reaches the database. Such a cookie is dropped, not answered with a 400: a broken
cookie left in a browser must not lock its owner out of the site.
"""

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
API_PREFIX = "/api/"


def _form_holds_nul(request):
    if request.method != "POST" or request.content_type not in FORM_TYPES:
        return False
    try:
        form, files = request.POST, request.FILES
    except (BadRequest, SuspiciousOperation, MultiPartParserError):
        # Too many fields, too big, malformed: what the view or Django answered before.
        return False
    return any(
        NUL in name or any(NUL in value for value in values) for name, values in form.lists()
    ) or any(NUL in (upload.name or "") for upload in files.values())


def holds_nul(request):
    # "%00" is the only way to write NUL in a query string ("%2500" is the text "%00").
    query = request.META.get("QUERY_STRING", "")
    return NUL in request.path_info or "%00" in query or NUL in query or _form_holds_nul(request)


def drop_cookies_with_nul(request):
    for name in [name for name, value in request.COOKIES.items() if NUL in name + value]:
        del request.COOKIES[name]


def refusal(request):
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        message = _(
            "The address or the form contains a null character (%(character)s): it is not allowed."
        ) % {"character": "%00"}
    if request.path_info.startswith(API_PREFIX):
        # The shape of the API's own errors (Wagtail's BadRequestError).
        return JsonResponse(
            {"message": message}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    return HttpResponse(message + "\n", status=400, content_type="text/plain; charset=utf-8")


class NullCharacterMiddleware:
    """Before the session middleware, so that a dropped cookie is never read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_nul(request):
            return refusal(request)
        drop_cookies_with_nul(request)
        return self.get_response(request)
