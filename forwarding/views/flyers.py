"""Printable flyers: one activity, or a region's weekend. The browser's print does the rest."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.languages import LanguageCode
from events.models import EventPage
from forwarding.services import flyers, regional


def _languages(request):
    languages, understood = flyers.parse_languages(request.GET.get("langs"))
    notice = (
        ""
        if understood
        else _("These languages cannot be used for a flyer. Showing Spanish and French.")
    )
    return languages, notice


def _form_context(languages):
    return {
        "langs_value": ",".join(languages),
        "language_choices": flyers.language_choices(),
    }


def event_flyer(request, page_id):
    page = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    languages, notice = _languages(request)
    flyer = flyers.event_flyer(page, languages)
    return render(
        request,
        "forwarding/flyers/event_flyer.html",
        {
            "flyer": flyer,
            "notice": notice,
            "missing_names": [LanguageCode(code).label for code in flyer.missing],
            "cols": len(flyer.columns),
            **_form_context(languages),
        },
    )


def weekend_flyer(request, region):
    if not regional.is_region(region):
        raise Http404
    languages, notice = _languages(request)
    return render(
        request,
        "forwarding/flyers/weekend_flyer.html",
        {
            "flyer": regional.weekend_flyer(region, languages),
            "region_name": regional.region_name(region),
            "digest_region": region,
            "notice": notice,
            "cols": len(languages),
            **_form_context(languages),
        },
    )
