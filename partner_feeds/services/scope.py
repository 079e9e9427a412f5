"""Whose partner calendars a user may see and change: staff their organization's,
site administrators every one (docs/permissions.md)."""

from django.core.exceptions import PermissionDenied

from organizations.services import organizations_staffed_by
from partner_feeds.models import PartnerFeed


def feeds_for(user):
    ids = [page.pk for page in organizations_staffed_by(user)]
    return PartnerFeed.objects.filter(organization_id__in=ids).select_related(
        "organization", "category"
    )


def feed_for(user, feed_id):
    """The feed if `user` may manage it; the same 403 whether it exists or not."""
    feed = feeds_for(user).filter(pk=feed_id).first()
    if feed is None:
        raise PermissionDenied
    return feed
