"""The ESP's delivery webhook: only the configured ESP's is mounted, its secret is checked,
and a body it cannot read gets a 400 (anymail's views answered 500 to both)."""

import base64
import importlib.util
import json

import pytest

from notifications import dispatcher
from notifications.checks import email_webhook_is_ready
from rsvp.models import MessageStatus
from tests.notifications.helpers import a_date, past_quiet_hours, rsvp_on

pytestmark = pytest.mark.django_db
SECRET = "esp:s3cret"
ESPS = [
    "amazon_ses", "brevo", "mailersend", "mailgun", "mailjet", "mailtrap", "mandrill",
    "postal", "postmark", "resend", "sendgrid", "sendinblue", "sparkpost", "unisender_go",
]  # fmt: skip


def use_backend(settings, esp, **anymail):
    """EMAIL_BACKEND names `esp`; the site's URLs are loaded again from these settings."""
    settings.EMAIL_BACKEND = f"anymail.backends.{esp}.EmailBackend"
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET, **anymail}
    spec = importlib.util.find_spec("config.urls")
    urls = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(urls)
    settings.ROOT_URLCONF = urls


def post(client, path, body, secret=SECRET, **extra):
    auth = base64.b64encode(secret.encode()).decode()
    data = body if isinstance(body, bytes) else body.encode()
    return client.post(
        path, data, content_type="application/json", HTTP_AUTHORIZATION=f"Basic {auth}", **extra
    )


def bounce(message_id):
    return json.dumps(
        {
            "RecordType": "Bounce",
            "Type": "HardBounce",
            "MessageID": message_id,
            "Email": "ana@example.org",
            "BouncedAt": "2026-05-01T10:00:00Z",
        }
    )


@pytest.fixture
def sent_row(site_tree):
    """A confirmation e-mail sent (with Django's test backend), as Postmark would know it."""
    rsvp = rsvp_on(a_date(), reminder="email")
    dispatcher.dispatch(now=past_quiet_hours())
    row = rsvp.messages.get(kind="confirmed")
    row.provider_message_id = "esp-123"  # Django's locmem backend gives no id
    row.save()
    return row


def not_found(response):
    """What every unknown address outside a language prefix gets: a redirect to the
    French one (LocaleMiddleware), which is the 404 page."""
    return response.status_code == 404 and [hop for hop, _status in response.redirect_chain]


def test_only_the_configured_esps_webhook_answers(client, settings, site_tree):
    use_backend(settings, "postmark")
    assert post(client, "/anymail/postmark/tracking/", "{}").status_code == 200
    others = [f"/anymail/{esp}/tracking/" for esp in ESPS if esp != "postmark"]
    inbound = ["/anymail/mandrill/", "/anymail/postmark/inbound/", "/anymail/mailgun/inbound/"]
    for path in others + inbound:
        # Each of these was a 500 (or took anyone's events, for ESPs without settings).
        assert not_found(post(client, path, "{}", follow=True)) == [f"/fr{path}"], path


def test_no_webhook_with_djangos_own_mail_backends(client, site_tree):
    # The tests' settings: Django's locmem backend.
    response = post(client, "/anymail/postmark/tracking/", "{}", follow=True)
    assert not_found(response) == ["/fr/anymail/postmark/tracking/"]


def test_a_bounce_marks_the_message_and_a_repeat_changes_nothing(client, settings, sent_row):
    use_backend(settings, "postmark")
    for _ in range(2):
        assert post(client, "/anymail/postmark/tracking/", bounce("esp-123")).status_code == 200
    sent_row.refresh_from_db()
    assert (sent_row.status, sent_row.last_error) == (MessageStatus.BOUNCED, "bounced bounced")


def test_a_wrong_secret_is_refused_and_changes_nothing(client, settings, sent_row):
    use_backend(settings, "postmark")
    response = post(client, "/anymail/postmark/tracking/", bounce("esp-123"), secret="esp:guess")
    assert response.status_code == 400
    sent_row.refresh_from_db()
    assert sent_row.status == MessageStatus.SENT


@pytest.mark.parametrize(
    "body",
    [
        "{",
        "not json",
        "[]",
        b"\xff\xfe{}",
        '"a string"',
        '{"FromFull": {"Email": "x@example.org"}}',  # an inbound message, posted here
    ],
)
def test_a_body_the_webhook_cannot_read_gets_a_400(client, settings, sent_row, body):
    use_backend(settings, "postmark")
    assert post(client, "/anymail/postmark/tracking/", body).status_code == 400
    sent_row.refresh_from_db()
    assert sent_row.status == MessageStatus.SENT


def test_a_message_id_holding_nul_matches_nothing(client, settings, sent_row):
    # PostgreSQL refused the lookup: a 500.
    use_backend(settings, "postmark")
    response = post(client, "/anymail/postmark/tracking/", bounce("esp-123\x00"))
    assert response.status_code == 200
    sent_row.refresh_from_db()
    assert sent_row.status == MessageStatus.SENT


def test_a_body_the_signature_check_cannot_read_gets_a_400(client, settings, site_tree):
    # Mailgun reads the signature block from the JSON before parsing it.
    use_backend(settings, "mailgun", MAILGUN_WEBHOOK_SIGNING_KEY="key")
    for body in ("[]", '{"signature": []}', '{"signature": {"token": "é", "timestamp": "1"}}'):
        assert post(client, "/anymail/mailgun/tracking/", body).status_code == 400, body


def test_deploy_check_names_a_webhook_that_cannot_start(settings):
    settings.EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
    (error,) = email_webhook_is_ready()
    assert error.id == "ensemble.E001" and "/anymail/mailgun/tracking/" in error.msg
    settings.ANYMAIL["MAILGUN_WEBHOOK_SIGNING_KEY"] = "s"
    assert email_webhook_is_ready() == []


def test_deploy_check_warns_of_a_webhook_anyone_can_post_to(settings):
    settings.EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"
    settings.ANYMAIL = {"WEBHOOK_SECRET": ""}
    (warning,) = email_webhook_is_ready()
    assert warning.id == "ensemble.W002"
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}
    assert email_webhook_is_ready() == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert email_webhook_is_ready() == []
