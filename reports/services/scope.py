"""Whose figures a user may see: staff their organization(s), site administrators all.

An organization is its translation group: the report is addressed by the original
page's id, and its events are those under any of its translations.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from core.numbers import whole_number
from organizations.models import OrganizationPage
from organizations.services import organizations_staffed_by

ALL = "all"


def organizations_for(user):
    """Original organization pages whose reports `user` may read, by title (read once
    per request: the menu, the page and its choices all ask)."""
    cached = getattr(user, "_report_organizations", None)
    if cached is None:
        cached = user._report_organizations = organizations_staffed_by(user)
    return cached


def may_see_all(user):
    return user.is_active and user.is_superuser


def organization_for(user, scope):
    """The original page named by `scope` (an id, or ALL: None) if `user` may read it.

    Anything else is the same 403, whether the organization exists or not: staff of
    another organization learn nothing about it.
    """
    if scope == ALL:
        if may_see_all(user):
            return None
        raise PermissionDenied
    wanted = whole_number(scope)
    if wanted is None:
        raise PermissionDenied
    for page in organizations_for(user):
        if page.pk == wanted:
            return page
    raise PermissionDenied


def event_filter(organizations):
    """A Q on RSVPs for the events of these organizations; None means every one."""
    if organizations is None:
        return None
    keys = [page.translation_key for page in organizations]
    paths = OrganizationPage.objects.filter(translation_key__in=keys).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(date__event__path__startswith=path)
    return condition
