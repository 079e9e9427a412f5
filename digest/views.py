"""The weekly digest's public pages: subscribe, enter the SMS code, confirm the e-mail
link, unsubscribe (docs/digest.md).

A valid subscription request always gets the same page, whether the contact was new,
waiting, subscribed, unsubscribed, over its rate limit or opted out of SMS: nothing
here tells anyone whether a contact is known (only a cache outage changes the page,
for everyone alike). Contacts never go to logs or URLs.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from core import ratelimits
from core.phones import display_phone
from digest.forms import CodeForm, SubscribeForm
from digest.models import DigestSubscription
from digest.services import subscriptions
from events.services.region_choice import remembered_region
from organizations.models import Region
from rsvp.forms import filled_too_fast, is_honeypot_filled, make_stamp
from rsvp.models import MessageChannel
from rsvp.views import private

Count = ratelimits.Count


def limited(request, group, key, rate):
    return ratelimits.count(request, f"digest-{group}", key, rate)


def contact_key(contact):
    # Keyed, so the cache holds no plain (or plainly hashed) phone numbers.
    return salted_hmac("events.digest-rate", contact).hexdigest()


def initial_regions(request):
    """Regions ticked in advance: from the link (?region=05), else the remembered one."""
    asked = [code for code in request.GET.getlist("region") if code in Region.values]
    if asked:
        return asked
    remembered = remembered_region(request)
    return [remembered] if remembered else []


def render_form(request, form, status=200, error=""):
    context = {"form": form, "error": error}
    return TemplateResponse(request, "digest/pages/subscribe.html", context, status=status)


def language():
    return (get_language() or settings.LANGUAGE_CODE)[:2]


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        initial = {
            "language": language(),
            "regions": initial_regions(request),
            "stamp": make_stamp(),
        }
        return render_form(request, SubscribeForm(initial=initial))

    if is_honeypot_filled(request.POST):
        form = SubscribeForm(initial={"language": language(), "stamp": make_stamp()})
        error = _("Your subscription could not be sent. Please try again later.")
        return private(render_form(request, form, status=400, error=error))
    data = request.POST.copy()
    too_fast = filled_too_fast(data)
    data["stamp"] = make_stamp()  # a fresh stamp: sending again in a moment works
    form = SubscribeForm(data)
    if too_fast:
        error = _("Please check your answers, then send the form again.")
        return private(render_form(request, form, status=400, error=error))
    if not form.is_valid():
        return private(render_form(request, form, status=400))

    rates = settings.ENSEMBLE_DIGEST_RATES
    contact = form.contact
    counted = limited(request, "ip", "ip", rates["ip"])
    if counted is Count.UNDER:
        counted = limited(request, "contact", lambda g, r: contact_key(contact), rates["contact"])
    if counted is Count.NOT_COUNTED:
        return paused(request, form)
    # Over a limit, the same page as always, and nothing is sent.
    if counted is Count.UNDER:
        subscriptions.request(
            form.channel, contact, form.cleaned_data["regions"], form.cleaned_data["language"]
        )
    return sent(request, form.channel, contact)


def paused(request, form):
    """Closed while the cache cannot count (docs/digest.md, "Limits"): unlimited sign-ups
    would let anyone have codes texted to any number of strangers, and a sign-up loses
    nothing by waiting a few minutes. The page depends on the outage only, never on the
    contact, and keeps what was typed. A 200, like every answer to a valid request here:
    an error status would add a log line per sign-up to the outage's one."""
    error = _("Sign-ups are paused for a moment. Please try again in a few minutes.")
    return private(render_form(request, form, error=error))


def sent(request, channel, contact):
    shown = display_phone(contact) if channel == MessageChannel.SMS else contact
    context = {"channel": channel, "shown_contact": shown}
    if channel == MessageChannel.SMS:
        context["code_form"] = CodeForm(initial={"phone": contact})
    return private(TemplateResponse(request, "digest/pages/sent.html", context))


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def code(request):
    if request.method == "GET":
        return private(
            TemplateResponse(request, "digest/pages/code.html", {"code_form": CodeForm()})
        )
    form = CodeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        # Open while the cache cannot count: a code still takes at most
        # ENSEMBLE_DIGEST_CODE_ATTEMPTS tries, counted in the database.
        counted = limited(request, "code", "ip", settings.ENSEMBLE_DIGEST_RATES["code"])
        over = counted is Count.OVER
        if not over and subscriptions.confirm_code(data["phone"], data["code"]):
            return confirmed(request)
        # Wrong, expired, unknown or over-tried: one answer for all.
        form.add_error(
            "code",
            _(
                "This code does not work: it is wrong, too old, or was tried too many "
                "times. Check it, or ask for a new code."
            ),
        )
    context = {"code_form": form}
    return private(TemplateResponse(request, "digest/pages/code.html", context, status=400))


def confirmed(request):
    return private(TemplateResponse(request, "digest/pages/confirmed.html", {}))


def link_not_valid(request):
    response = TemplateResponse(request, "digest/pages/link_not_valid.html", {}, status=404)
    return private(response)


@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The e-mail link: GET shows what will be confirmed and a button; POST confirms."""
    parsed = subscriptions.read_confirm_token(token)
    subscription = DigestSubscription.objects.filter(pk=parsed[0]).first() if parsed else None
    if subscription is None:
        return link_not_valid(request)
    pk, number = parsed
    if request.method == "POST":
        state = subscriptions.confirm_link(pk, number)
    else:
        state = subscriptions.link_state(subscription, number, timezone.now())
    if state == subscriptions.CONFIRMED:
        return confirmed(request)
    if state == subscriptions.EXPIRED:
        return link_not_valid(request)
    context = {
        "regions": [Region(code).label for code in subscription.requested_region_codes],
        "language_name": dict(settings.LANGUAGES).get(subscription.requested_language, ""),
    }
    return private(TemplateResponse(request, "digest/pages/confirm.html", context))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link in every digest e-mail and its List-Unsubscribe header.

    The POST needs no CSRF token: mail apps send the RFC 8058 one-click POST without
    one, and the signed link is the only credential. All it can do is unsubscribe.
    """
    pk = subscriptions.read_unsubscribe_token(token)
    if pk is None:
        return link_not_valid(request)
    done = False
    if request.method == "POST":
        # Also when the subscription was already deleted: it is unsubscribed either way.
        subscriptions.unsubscribe_one(pk)
        done = True
    response = TemplateResponse(request, "digest/pages/unsubscribe.html", {"done": done})
    return private(response)
