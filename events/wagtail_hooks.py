from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "pictogram", "locale"]


register_snippet(CategoryViewSet)
