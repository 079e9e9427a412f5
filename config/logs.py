"""Logs as JSON lines, with phone numbers and e-mail addresses hidden.

Contact data must never reach a log (DESIGN.md, "Known traps"): views already log
errors by code, but a database error, a provider's error message or a third-party
library can quote a value. So every formatted line — message, extra fields and
traceback — goes through the same masks as the pages that show contacts back
(core/masking.py): the last four digits of a phone, the first letter and the domain
of an address.
"""

import logging
import re

from pythonjsonlogger.json import JsonFormatter

from core.masking import mask_email, mask_phone

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# E.164 (+18195550142, +52 55 1234 5678) and North American numbers as people type
# them (819 555-0142, (819) 555.0142, 1-819-555-0142).
PHONE = re.compile(
    r"(?<![\w+])(?:\+\d[\d\s().-]{6,18}\d"
    r"|(?:1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})(?!\w)"
)


# The JSON formatter as logging.config takes it: production.py and gunicorn's config.
JSON_FORMATTER = {
    "()": "config.logs.RedactingJsonFormatter",
    "fmt": "{asctime}{levelname}{name}{message}{process}",
    "style": "{",
    "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
}


def redact(text):
    text = EMAIL.sub(lambda m: mask_email(m.group()), text)
    return PHONE.sub(lambda m: mask_phone(m.group()), text)


class RedactingJsonFormatter(JsonFormatter):
    """python-json-logger's formatter, masking contacts in the whole line."""

    def format(self, record):
        return redact(super().format(record))


class RedactingFormatter(logging.Formatter):
    """For plain-text handlers (development consoles): the same masks."""

    def format(self, record):
        return redact(super().format(record))
