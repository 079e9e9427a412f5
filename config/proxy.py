"""The visitor's address behind a reverse proxy, for the rate limits.

Behind nginx or a load balancer every request comes from the proxy's address, so the
per-IP limits would count all visitors together. ENSEMBLE_CLIENT_IP_HEADER names the
header the proxy sets to the visitor's address (nginx: `proxy_set_header X-Real-IP
$remote_addr;` → HTTP_X_REAL_IP); it must be one the proxy overwrites, never one a
visitor can send through.
"""

from django.conf import settings


def client_ip(request):
    header = settings.ENSEMBLE_CLIENT_IP_HEADER
    value = request.META.get(header, "") if header else ""
    return value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
