"""django-ratelimit's count of a POST, with a third answer: not counted, because the
cache could not be reached. Each form decides what that means for its limits — open
or closed — where it asks (docs/deploy.md#cache-outage).

django-ratelimit alone answers "over the limit" when its cache calls fail (or "under"
with RATELIMIT_FAIL_OPEN, for every limit at once), and cannot say it did not count.
"""

import enum

from django_ratelimit.core import is_ratelimited

from core import cache


class Count(enum.Enum):
    UNDER = "under"
    OVER = "over"
    NOT_COUNTED = "not counted"


def count(request, group, key, rate):
    """Count this request (POST only) in `group` and say where it stands."""
    failures = cache.failures()
    over = is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True)
    if cache.failures() != failures:
        return Count.NOT_COUNTED
    return Count.OVER if over else Count.UNDER
