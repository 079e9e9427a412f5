"""`manage.py check --deploy`: the configured ESP's delivery webhook can start, and only
the ESP can post to it."""

import warnings

from anymail.exceptions import AnymailInsecureWebhookWarning
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

from notifications.views.email_webhooks import configured_esp, tracking_patterns


@register(deploy=True)
def email_webhook_is_ready(app_configs=None, **kwargs):
    esp = configured_esp()
    patterns = tracking_patterns(esp) if esp else []
    if not patterns:
        return []
    address = f"/anymail/{patterns[0].pattern}"
    # anymail's views read their settings when built, that is on every request.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            patterns[0].callback.view_class()
        except ImproperlyConfigured as error:
            return [
                Error(
                    f"The {esp} delivery webhook ({address}) answers 500 to every post: {error}",
                    hint="Set the missing ANYMAIL_… variable (docs/deploy.md#outside-services).",
                    id="ensemble.E001",
                )
            ]
    if any(issubclass(warning.category, AnymailInsecureWebhookWarning) for warning in caught):
        return [
            Warning(
                f"The {esp} delivery webhook ({address}) takes events from anyone: "
                "ANYMAIL_WEBHOOK_SECRET is empty.",
                hint=(
                    "Set ANYMAIL_WEBHOOK_SECRET=user:password and give the ESP "
                    f"https://user:password@<site>{address} (docs/deploy.md#outside-services)."
                ),
                id="ensemble.W002",
            )
        ]
    return []
