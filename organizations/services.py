"""Each organization gets a staff group whose rights stop at its own pages and images."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from core.originals import original_page
from organizations.models import OrganizationPage

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")
# Reaching the admin, and asking wagtail-localize to translate their pages.
GLOBAL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
)


def staff_group_name(page):
    return f"{page.title} — staff"


@transaction.atomic
def ensure_staff_access(page):
    """Give the organization's group add/edit/publish on this page (any translation).

    Idempotent: runs once per publish of an organization page in any language
    (organizations/signals.py), so a translation is covered as soon as it is published.
    """
    original = original_page(page) or page
    group = original.staff_group
    collection = original.collection
    if group is None:
        name = staff_group_name(original)
        if Group.objects.filter(name=name).exists():
            name = f"{name} ({original.pk})"
        group = Group.objects.create(name=name)
        for app_label, codename in GLOBAL_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission:
                group.permissions.add(permission)
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=original.title)
        for codename in IMAGE_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailimages", codename=codename
                ),
            )

    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    # Every translation points at the same group and collection.
    type(page).objects.filter(translation_key=page.translation_key).exclude(
        staff_group=group, collection=collection
    ).update(staff_group=group, collection=collection)
    page.staff_group, page.collection = group, collection
    return group


def organizations_staffed_by(user):
    """The original pages of the organizations `user` is staff of (every one for a site
    administrator), by title: an organization is its translation group."""
    pages = OrganizationPage.objects.order_by("pk").only(
        "pk", "title", "slug", "path", "translation_key", "staff_group_id"
    )
    if not user.is_superuser:
        pages = pages.filter(staff_group__in=user.groups.all())
    originals = {}
    for page in pages:
        originals.setdefault(page.translation_key, page)
    return sorted(originals.values(), key=lambda page: page.title.lower())
