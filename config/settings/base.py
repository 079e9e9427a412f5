"""Settings shared by every environment; the others import from here."""

import json
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.csp import admin_directives, public_directives

from .env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "organizations",
    "events",
    "rsvp",
    "calendars",
    "forwarding",
    "digest",
    "notifications",
    "reports",
    "demo",
    "partner_feeds",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: load balancers call it by the instance's address, over plain HTTP.
    "config.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.csp.PolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before any view or the session: PostgreSQL refuses text holding NUL.
    "config.null_characters.NullCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the zero-setup default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE takes the write lock at BEGIN, so two writers never both read
    # stale seat counts and then collide on upgrade; WAL lets readers go on.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# Transactions are opened where seats or messages are decided, never per request.
DATABASES["default"]["ATOMIC_REQUESTS"] = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
# One Redis for every web and worker process: page-part caches and their purge on
# publish, rate limits and the feed build lock then hold across servers. While Redis is
# down the site answers without it (core/cache.py, docs/deploy.md#cache-outage); the
# short timeouts bound what a Redis that does not answer costs, once every few seconds
# (the sending rates' storage uses them too: notifications/services/rate.py).
REDIS_TIMEOUT_SECONDS = env_float("REDIS_TIMEOUT_SECONDS", 0.5)
CACHES = {
    "default": (
        {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "ensemble"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
            },
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# django-ratelimit's per-IP limits read the visitor's address through config/proxy.py.
RATELIMIT_IP_META_KEY = "config.proxy.client_ip"
ENSEMBLE_CLIENT_IP_HEADER = env_str("ENSEMBLE_CLIENT_IP_HEADER", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# French first: Wagtail creates the first Locale from LANGUAGE_CODE at the
# first migrate, so this must be French before the database exists.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("es", "Español"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Content-Security-Policy (config/csp.py, docs/deploy.md): strict on public pages,
# relaxed on the admin's. MEDIA_ORIGIN is where images come from when not this host.
MEDIA_ORIGIN = env_str("MEDIA_ORIGIN", "")
CONTENT_SECURITY_POLICY = {"DIRECTIVES": public_directives(MEDIA_ORIGIN)}
ENSEMBLE_ADMIN_CSP = admin_directives(MEDIA_ORIGIN)

WAGTAIL_SITE_NAME = "Ensemble"
# No avatars from an outside service: the admin stays within its own policy, and
# editors' addresses are not sent elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor a call to the Wagtail release feed from editors' browsers (updates come with pip).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"jpeg": "webp", "png": "webp", "gif": "webp"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# The task queue (docs/notifications.md, "Task queues"): the database queue needs no
# setup; TASKS_BACKEND=django_tasks_rq.RQBackend sends through RQ on Redis (RQ_REDIS_URL),
# run by `manage.py rqworker --job-class django_tasks_rq.backend.Job QUEUE`. RQ is then
# reached through core/task_queue.py, the same backend, which copes with that Redis
# being down (docs/deploy.md#cache-outage).
ENSEMBLE_OUTBOX_QUEUE = env_str("ENSEMBLE_OUTBOX_QUEUE", "default")
TASK_QUEUES = sorted({"default", ENSEMBLE_OUTBOX_QUEUE})
RQ_TASKS_BACKEND = "core.task_queue.ResilientRQBackend"
TASKS_BACKEND = env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS_ON_RQ = TASKS_BACKEND in ("django_tasks_rq.RQBackend", RQ_TASKS_BACKEND)
TASKS = {
    "default": {
        "BACKEND": RQ_TASKS_BACKEND if TASKS_ON_RQ else TASKS_BACKEND,
        "QUEUES": TASK_QUEUES,
    }
}
# django-tasks-rq enqueues without a result TTL: RQ keeps finished tasks 500 seconds
# and failed ones a year (its defaults), then Redis drops them.
RQ_QUEUES = {
    name: {
        "URL": env_str("RQ_REDIS_URL", "redis://127.0.0.1:6379/0"),
        # RQ stops a task running this long: a batch takes seconds, so only a provider
        # call that hangs gets here; its rows are claimed again once their leases end.
        "DEFAULT_TIMEOUT": 3 * env_int("ENSEMBLE_OUTBOX_LEASE_SECONDS", 300),
        # Enqueues wait at most REDIS_TIMEOUT_SECONDS for Redis (core/task_queue.py).
        "QUEUE_CLASS": "core.task_queue.BoundedQueue",
    }
    for name in TASK_QUEUES
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Ensemble <noreply@ensemble.example>")
ANYMAIL = {
    "WEBHOOK_SECRET": env_str("ANYMAIL_WEBHOOK_SECRET", ""),
}
SMS_BACKEND = env_str("SMS_BACKEND", "notifications.sms.backends.console.SmsBackend")
SMS_FILE_PATH = env_str("SMS_FILE_PATH", "sms-outbox.jsonl")
TWILIO_ACCOUNT_SID = env_str("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN", "")
# What `make run` signs and checks Twilio webhooks with when no real token is set, so
# that replies can be tried locally (`manage.py try_sms_reply`, docs/replies.md). Public,
# so worthless: production refuses to start with it, and webhooks signed with it are
# refused unless DEBUG is on.
TWILIO_DEV_AUTH_TOKEN = "ensemble-development-only-not-a-twilio-token"
TWILIO_FROM_NUMBER = env_str("TWILIO_FROM_NUMBER", "")
# The public address of /sms/twilio/status/, for delivery reports (docs/notifications.md).
TWILIO_STATUS_CALLBACK = env_str("TWILIO_STATUS_CALLBACK", "")
# WhatsApp reminders (docs/replies.md): the backend, Twilio's WhatsApp sender number,
# and the pre-approved templates used outside the 24-hour window, as JSON mapping
# "kind:language" (or "kind") to a Content SID, e.g. {"reminder_day_before:fr": "HX…"}.
WHATSAPP_BACKEND = env_str("WHATSAPP_BACKEND", "notifications.sms.backends.whatsapp.ConsoleBackend")
TWILIO_WHATSAPP_FROM = env_str("TWILIO_WHATSAPP_FROM", "")
TWILIO_WHATSAPP_TEMPLATES = json.loads(env_str("TWILIO_WHATSAPP_TEMPLATES", "") or "{}")
# Voice line (docs/voice.md): the text-to-speech voice of each language; the JSON in
# TWILIO_VOICES replaces these ("" for Twilio's default voice of that language).
TWILIO_VOICES = {
    "fr": "Polly.Chantal",
    "es": "Polly.Mia",
    "en": "Polly.Joanna",
    **json.loads(env_str("TWILIO_VOICES", "") or "{}"),
}

# Personal data of RSVPs is erased this many days after the date.
ENSEMBLE_RETENTION_DAYS = env_int("ENSEMBLE_RETENTION_DAYS", 30)
# Key of the keyed hash that identifies a person in reports after the erase
# (core/person_keys.py); empty: derived from SECRET_KEY.
ENSEMBLE_PERSON_KEY_SECRET = env_str("ENSEMBLE_PERSON_KEY_SECRET", "")
# First month (1-12) of the reporting season: April, Québec's fiscal year (docs/reports.md).
ENSEMBLE_REPORT_SEASON_START_MONTH = env_int("ENSEMBLE_REPORT_SEASON_START_MONTH", 4)
# Waitlisted people are no longer promoted this close to the start: a message
# arriving later would be useless (see docs/seats.md).
ENSEMBLE_PROMOTION_CUTOFF_HOURS = env_int("ENSEMBLE_PROMOTION_CUTOFF_HOURS", 2)
# How long a seat request waits for the date's lock before "please try again".
ENSEMBLE_SEAT_LOCK_TIMEOUT_MS = env_int("ENSEMBLE_SEAT_LOCK_TIMEOUT_MS", 2000)
# Anti-spam for the public RSVP form: a person takes longer than this to fill it.
ENSEMBLE_RSVP_MIN_FILL_SECONDS = env_int("ENSEMBLE_RSVP_MIN_FILL_SECONDS", 3)
# django-ratelimit rates ("count/period") for RSVP submissions.
ENSEMBLE_RSVP_RATES = {
    "ip": env_str("ENSEMBLE_RSVP_RATE_IP", "20/h"),
    "date": env_str("ENSEMBLE_RSVP_RATE_DATE", "300/h"),
    "contact": env_str("ENSEMBLE_RSVP_RATE_CONTACT", "6/h"),
}
# Event time zones offered to editors: most of Québec, the Îles-de-la-Madeleine,
# and the Basse-Côte-Nord, which keeps Atlantic time all year.
ENSEMBLE_EVENT_TIMEZONES = [
    ("America/Toronto", _("Eastern time (most of Québec)")),
    ("America/Halifax", _("Atlantic time (Îles-de-la-Madeleine)")),
    ("America/Blanc-Sablon", _("Atlantic time, no daylight saving (Basse-Côte-Nord)")),
]

# Partner calendars (docs/imports.md): limits on what one feed may bring, how far
# ahead dates are imported, and networks a feed may live on besides the public
# internet (none by default: private and internal addresses are refused).
ENSEMBLE_FEED_MAX_BYTES = env_int("ENSEMBLE_FEED_MAX_BYTES", 2_000_000)
ENSEMBLE_FEED_MAX_EVENTS = env_int("ENSEMBLE_FEED_MAX_EVENTS", 500)
ENSEMBLE_FEED_MAX_DATES = env_int("ENSEMBLE_FEED_MAX_DATES", 1000)
ENSEMBLE_FEED_HORIZON_DAYS = env_int("ENSEMBLE_FEED_HORIZON_DAYS", 180)
ENSEMBLE_FEED_TIMEOUT_SECONDS = env_int("ENSEMBLE_FEED_TIMEOUT_SECONDS", 20)
ENSEMBLE_FEED_ALLOWED_NETWORKS = env_list("ENSEMBLE_FEED_ALLOWED_NETWORKS")

# Contacts are masked in every line (config/logs.py); production writes JSON lines.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"text": {"()": "config.logs.RedactingFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "text"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Reminders (docs/notifications.md): defaults of new activities, which then keep their
# own times — the day before at this local hour, and this many hours before the start.
# No messages in quiet hours (local), except same-day changes.
ENSEMBLE_REMINDER_DAY_BEFORE_HOUR = env_int("ENSEMBLE_REMINDER_DAY_BEFORE_HOUR", 18)
ENSEMBLE_REMINDER_HOURS_BEFORE = env_int("ENSEMBLE_REMINDER_HOURS_BEFORE", 3)
ENSEMBLE_QUIET_HOURS = (21, 8)
# The dispatcher's lease on a claimed message, and the retry delays after an error.
ENSEMBLE_OUTBOX_LEASE_SECONDS = env_int("ENSEMBLE_OUTBOX_LEASE_SECONDS", 300)
ENSEMBLE_OUTBOX_RETRY_MINUTES = (1, 5, 25)
# Rows per sending task, and how many of a task's rows are sent at once (threads).
ENSEMBLE_OUTBOX_BATCH_SIZE = env_int("ENSEMBLE_OUTBOX_BATCH_SIZE", 100)
ENSEMBLE_OUTBOX_THREADS = env_int("ENSEMBLE_OUTBOX_THREADS", 64)
# At most this many rows claimed and not yet sent, over all dispatchers (0: no cap).
# Keep it below what the workers send within one lease: workers × their messages per
# second × ENSEMBLE_OUTBOX_LEASE_SECONDS, halved for safety (docs/notifications.md).
ENSEMBLE_OUTBOX_MAX_IN_FLIGHT = env_int("ENSEMBLE_OUTBOX_MAX_IN_FLIGHT", 2000)
# Messages per second per provider, over all workers (0: no limit): a Twilio long
# code's 1/s holds whatever the number of workers.
ENSEMBLE_SMS_RATE_PER_SECOND = env_float("ENSEMBLE_SMS_RATE_PER_SECOND", 0)
ENSEMBLE_EMAIL_RATE_PER_SECOND = env_float("ENSEMBLE_EMAIL_RATE_PER_SECOND", 0)
# Where those rates are counted: Redis shares them across workers and machines (the
# cache's Redis, else RQ's); "memory://" counts per process.
ENSEMBLE_RATE_LIMIT_STORAGE = env_str(
    "ENSEMBLE_RATE_LIMIT_STORAGE",
    REDIS_URL or (RQ_QUEUES["default"]["URL"] if TASKS_ON_RQ else "memory://"),
)
# dispatch_outbox --loop deletes the database queue's finished task results older than
# this many days, once an hour.
ENSEMBLE_TASK_RESULTS_KEEP_DAYS = env_int("ENSEMBLE_TASK_RESULTS_KEEP_DAYS", 1)

# The weekly digest (docs/digest.md): queued from this local weekday (Monday = 0) and
# hour until the end of the week, one per subscription and ISO week.
ENSEMBLE_DIGEST_WEEKDAY = env_int("ENSEMBLE_DIGEST_WEEKDAY", 3)
ENSEMBLE_DIGEST_HOUR = env_int("ENSEMBLE_DIGEST_HOUR", 15)
# Confirming a subscription: the e-mail link and the SMS code work this long, the code
# takes this many tries, and one contact gets at most this many confirmation messages
# a day (whatever the cache says: counted in the outbox).
ENSEMBLE_DIGEST_LINK_HOURS = env_int("ENSEMBLE_DIGEST_LINK_HOURS", 48)
ENSEMBLE_DIGEST_CODE_MINUTES = env_int("ENSEMBLE_DIGEST_CODE_MINUTES", 30)
ENSEMBLE_DIGEST_CODE_ATTEMPTS = 5
ENSEMBLE_DIGEST_CONFIRMATIONS_PER_DAY = env_int("ENSEMBLE_DIGEST_CONFIRMATIONS_PER_DAY", 3)
# django-ratelimit rates for the subscription forms: sign-ups per IP and per contact,
# code tries per IP.
ENSEMBLE_DIGEST_RATES = {
    "ip": env_str("ENSEMBLE_DIGEST_RATE_IP", "20/h"),
    "contact": env_str("ENSEMBLE_DIGEST_RATE_CONTACT", "3/d"),
    "code": env_str("ENSEMBLE_DIGEST_RATE_CODE", "20/h"),
}
# Unconfirmed requests and unsubscribed contacts are deleted after this many days.
ENSEMBLE_DIGEST_FORGET_DAYS = env_int("ENSEMBLE_DIGEST_FORGET_DAYS", 30)
