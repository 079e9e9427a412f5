"""The read-only Wagtail API v2 for partners: live pages, images and documents.

Wagtail answers most bad parameters with a 400 and a message (its BadRequestError);
three it passed on unchecked, and each ended in a 500: an offset larger than the
database's integers (PostgreSQL: "bigint out of range"; SQLite: OverflowError), a
search_operator other than "and" or "or" (the search backend raised ValueError), and
find/?id= with something else than a number (the query raised ValueError).
NUL characters in any parameter are refused before this (config/null_characters.py).
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Far beyond any listing, and offset + limit still fits every database's integers.
MAX_OFFSET = 2**31 - 1
SEARCH_OPERATORS = ("", "and", "or")


class CheckedParameters:
    """Refuses, as Wagtail refuses the others, the parameters Wagtail does not check."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        query = self.request.GET
        try:
            offset = int(query.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own message: "offset must be a positive integer"
        if offset > MAX_OFFSET:
            raise BadRequestError(_("offset cannot be higher than %(max)d") % {"max": MAX_OFFSET})
        operator = query.get("search_operator", "")
        if "search" in query and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator must be “and” or “or”"))

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                int(request.GET["id"])  # as the id lookup reads it
            except ValueError:
                raise BadRequestError(_("id must be an integer")) from None
        return super().find_object(queryset, request)


class Pages(CheckedParameters, PagesAPIViewSet):
    pass


class Images(CheckedParameters, ImagesAPIViewSet):
    pass


class Documents(CheckedParameters, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", Pages)
api_router.register_endpoint("images", Images)
api_router.register_endpoint("documents", Documents)
