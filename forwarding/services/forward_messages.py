"""Ready-made messages to forward an activity: WhatsApp, SMS, e-mail, or the bare link.

Plain links that open the phone's own apps with the text filled in; nothing from a
third party is loaded. The message is in the page's language, not the visitor's.
"""

from urllib.parse import quote

from core.formatting import format_range
from core.links import absolute_url


def _q(text):
    return quote(text, safe="")


def share_message(page, next_date, language, newline="\n"):
    lines = [page.title]
    if next_date is not None:
        lines.append(format_range(next_date.start, next_date.end, page.timezone, language))
    lines.append(f"{page.place_name}, {page.municipality}")
    lines.append(absolute_url(page))
    return newline.join(lines)


def share_links(page, next_date=None):
    language = page.locale.language_code
    text = share_message(page, next_date, language)
    mail_body = share_message(page, next_date, language, newline="\r\n")
    return {
        "url": absolute_url(page),
        "text": text,
        "whatsapp": f"https://wa.me/?text={_q(text)}",
        # "?&body=" is the form both Android and iOS messaging apps read.
        "sms": f"sms:?&body={_q(text)}",
        "email": f"mailto:?subject={_q(page.title)}&body={_q(mail_body)}",
    }
