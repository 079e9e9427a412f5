from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem


class DigestSummaryItem(SummaryItem):
    """Site administrators see how many people get the weekly digest: a number, never
    a contact (docs/digest.md)."""

    order = 500
    template_name = "digest/admin/digest_summary.html"

    def get_context_data(self, parent_context):
        from digest.models import DigestSubscription, SubscriptionStatus

        active = DigestSubscription.objects.filter(status=SubscriptionStatus.ACTIVE).count()
        return {"active": active}

    def is_shown(self):
        return self.request.user.is_superuser


@hooks.register("construct_homepage_summary_items")
def digest_summary(request, items):
    items.append(DigestSummaryItem(request))
