"""Whose partner calendars a user may see and change: staff their organization's,
site administrators every one (docs/permissions.md)."""

from django.core.exceptions import PermissionDenied

from organizations.models import OrganizationPage
from partner_feeds.models import PartnerFeed


def organizations_for(user):
    """Original organization pages whose calendars `user` manages, by title."""
    pages = OrganizationPage.objects.order_by("pk").only(
        "pk", "title", "translation_key", "staff_group_id"
    )
    if not user.is_superuser:
        pages = pages.filter(staff_group__in=user.groups.all())
    originals = {}
    for page in pages:
        originals.setdefault(page.translation_key, page)
    return sorted(originals.values(), key=lambda page: page.title.lower())


def feeds_for(user):
    ids = [page.pk for page in organizations_for(user)]
    return PartnerFeed.objects.filter(organization_id__in=ids).select_related(
        "organization", "category"
    )


def feed_for(user, feed_id):
    """The feed if `user` may manage it; the same 403 whether it exists or not."""
    feed = feeds_for(user).filter(pk=feed_id).first()
    if feed is None:
        raise PermissionDenied
    return feed
