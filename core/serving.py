"""Serving public pages in a fixed, small number of queries.

Wagtail looks each URL segment up with two queries (the base page, then its specific
type) and checks view restrictions with two more. These overrides keep Wagtail's
behaviour and answers while folding those lookups into single queries, so a page
three levels deep stays within the pages' query budget (see tests/test_query_budget.py).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.models import Page, PageViewRestriction


class LeanServingMixin:
    def get_view_restrictions(self):
        """Restrictions on this page or an ancestor (aliases resolved), in one query."""
        step = self.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        targets = (
            Page.objects.filter(path__in=paths)
            .annotate(target=Coalesce("alias_of_id", "id"))
            .values("target")
        )
        return PageViewRestriction.objects.filter(page_id__in=Subquery(targets))

    def route_child_queryset(self, slug):
        """The child page with the given slug, joined to its specific table."""
        names = [
            model._meta.model_name
            for model in self.specific_class.allowed_subpage_models()
            if model._meta.get_parent_list() == [Page]
        ]
        queryset = Page.objects.child_of(self).filter(slug=slug)
        return queryset.select_related("locale", *names), names

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        queryset, names = self.route_child_queryset(path_components[0])
        page = queryset.first()
        if page is None:
            raise Http404
        child = None
        for name in names:
            try:
                child = getattr(page, name)
                break
            except ObjectDoesNotExist:
                continue
        if child is None:
            child = page.specific
        child._cached_parent_obj = self
        # Templates read the page's language (links, feeds, sharing): already joined.
        child.locale = page.locale
        return child.route(request, path_components[1:])
