"""Reporting periods: the season (default), this month, and the local bounds of a period.

The season follows Québec's fiscal year, April 1 to March 31, which the funders'
programmes report on: it holds the farm season and the winter activities (Christmas
parties) of the same workers. `ENSEMBLE_REPORT_SEASON_START_MONTH` moves its start.
"""

import dataclasses
import datetime as dt

from django.conf import settings
from django.utils import timezone


@dataclasses.dataclass(frozen=True)
class Period:
    start: dt.date  # first day, inclusive
    end: dt.date  # last day, inclusive

    def bounds(self):
        """Aware datetimes [from, to) of the period's local days."""
        zone = timezone.get_current_timezone()
        first = dt.datetime.combine(self.start, dt.time.min, tzinfo=zone)
        after = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        return first, after

    @property
    def slug(self):
        return f"{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"


def season(today=None):
    """The season holding `today`."""
    today = today or timezone.localdate()
    month = settings.ENSEMBLE_REPORT_SEASON_START_MONTH
    year = today.year if today.month >= month else today.year - 1
    start = dt.date(year, month, 1)
    end = _add_months(start, 12) - dt.timedelta(days=1)
    return Period(start, end)


def month(today=None):
    today = today or timezone.localdate()
    start = today.replace(day=1)
    return Period(start, _add_months(start, 1) - dt.timedelta(days=1))


def _add_months(first_of_month, months):
    index = first_of_month.month - 1 + months
    return dt.date(first_of_month.year + index // 12, index % 12 + 1, 1)
