"""Production: everything secret or site-specific comes from the environment.

docs/deploy.md lists the variables a deployment sets and the processes it runs;
`manage.py check --deploy` passes with them (tests/deploy/test_production_settings.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config.logs import JSON_FORMATTER

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

# Twilio's webhooks are checked with the account's token, from the environment only
# (empty: every webhook is refused). The development token is public.
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN", "")
if TWILIO_AUTH_TOKEN == TWILIO_DEV_AUTH_TOKEN:  # noqa: F405
    raise ImproperlyConfigured(
        "TWILIO_AUTH_TOKEN is the public development token: set the Twilio account's."
    )

# Static files: collected (`collectstatic`) with content hashes in their names and
# compressed copies, served by WhiteNoise with far-future cache headers.
# Media (uploaded images and documents): the disk of a single server, or S3-compatible
# storage (MEDIA_STORAGE=s3, or a bucket name set) as soon as there are two servers.
MEDIA_STORAGE = env_str(
    "MEDIA_STORAGE", "s3" if os.environ.get("AWS_STORAGE_BUCKET_NAME") else "filesystem"
)
if MEDIA_STORAGE == "s3":
    MEDIA_STORAGE_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN", "") or None,
            # Uploads are public images of activities, served from their own address;
            # the bucket's policy decides who reads, not per-object ACLs.
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE_BACKEND,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS: the proxy in front terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# E-mail through an ESP with anymail: EMAIL_BACKEND=anymail.backends.<esp>.EmailBackend
# and its keys as ANYMAIL_<SETTING> (ANYMAIL_POSTMARK_SERVER_TOKEN=… becomes
# ANYMAIL["POSTMARK_SERVER_TOKEN"]; ANYMAIL_WEBHOOK_SECRET checks the ESP's webhooks).
ANYMAIL = {
    "WEBHOOK_SECRET": "",
    **{
        name.removeprefix("ANYMAIL_"): value
        for name, value in os.environ.items()
        if name.startswith("ANYMAIL_")
    },
}

# One JSON object a line on standard output, contacts masked (config/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": JSON_FORMATTER},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Handled by the root logger, once; "Invalid HTTP_HOST" lines are noise from
        # scanners.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}
