from django.utils.translation import get_language

from home.navigation import site_navigation


def navigation(request):
    return {"nav": site_navigation(get_language() or "fr")}
