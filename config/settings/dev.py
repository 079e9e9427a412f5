"""Local development: debug on, mail and SMS printed to the console, Twilio webhooks
checked with a development token (docs/replies.md, "Trying replies locally")."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]
# Without a real token, webhooks are signed and checked with the public development
# one: `manage.py try_sms_reply` posts a reply to this server as Twilio would.
TWILIO_AUTH_TOKEN = env_str("TWILIO_AUTH_TOKEN", TWILIO_DEV_AUTH_TOKEN)  # noqa: F405
