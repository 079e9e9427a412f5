"""The Content-Security-Policy: strict on the public site, relaxed for the Wagtail admin.

Public pages load only their own CSS, icons and images; they have no JavaScript of their
own (they work without it), and the JSON-LD block is data, which CSP does not block.
The one inline style, in the 500 page (which must render even when static files do
not), is allowed by its hash. The Wagtail admin runs inline scripts and style
attributes of its own, so its pages get 'unsafe-inline' for scripts and styles (see
docs/deploy.md, "Security headers").
"""

import base64
import hashlib
import re
from pathlib import Path

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
_ERROR_PAGE = Path(__file__).resolve().parent.parent / "site" / "templates" / "500.html"


def inline_style_hash(template=_ERROR_PAGE):
    """'sha256-…' of a template's <style> block, as browsers hash it (its exact text)."""
    match = re.search(r"<style>(.*?)</style>", template.read_text(encoding="utf-8"), re.S)
    digest = hashlib.sha256(match.group(1).encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def public_directives(media_origin=""):
    media = [media_origin] if media_origin else []
    return {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, inline_style_hash()],
        "img-src": [SELF, "data:", *media],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *media],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_directives(media_origin=""):
    policy = public_directives(media_origin)
    policy.update(
        {
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
            # Image previews are made in the browser from the chosen file (blob:).
            "img-src": [*policy["img-src"], "blob:"],
            "frame-ancestors": [SELF],  # the page preview is an iframe of the admin
            "frame-src": [SELF],
        }
    )
    return policy


class PolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy on the admin's addresses."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIXES):
            # A nonce would make browsers ignore 'unsafe-inline'.
            return PolicyParts(config=settings.ENSEMBLE_ADMIN_CSP, nonce=None)
        return parts
