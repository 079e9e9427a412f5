"""Report tables: labelled rows of figures, with small counts suppressed.

Every output (page, charts, CSV, XLSX, dashboard) reads these tables, so a count of 1
to 4 shows as "< 5" everywhere: small groups could point at one person.
"""

import dataclasses
import datetime as dt
import uuid

from django.utils import formats
from django.utils.translation import get_language, get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from events.models import Category
from organizations.models import Region
from reports.services.figures import METRICS, figures

SMALL = 5
SUPPRESSED = "< 5"

COLUMN_LABELS = {
    "registrations": _("Registrations"),
    "people": _("People registered"),
    "came": _("People who came"),
    "walk_ins": _("Walk-ins"),
    "waitlisted": _("Waiting list"),
    "cancelled": pgettext_lazy(
        "report column: people whose registration was cancelled", "Cancelled"
    ),
    "reached": _("People reached"),
    "supported": _("People supported"),
}

TABLES = {
    "month": (_("By month"), _("Month")),
    "category": (_("By activity category"), _("Category")),
    "region": (_("By region"), _("Region")),
    "language": (_("By language"), _("Language")),
    "transport": (_("By transport"), _("Transport")),
}


@dataclasses.dataclass(frozen=True)
class Cell:
    value: int

    @property
    def suppressed(self):
        return 0 < self.value < SMALL

    @property
    def shown(self):
        """What any output writes: the number, or "< 5"."""
        return SUPPRESSED if self.suppressed else self.value

    def __str__(self):
        return str(formats.number_format(self.shown, force_grouping=True))


@dataclasses.dataclass
class Row:
    label: str
    cells: dict  # metric → Cell

    def __getitem__(self, metric):
        return self.cells[metric]

    def in_order(self):
        return [self.cells[metric] for metric in METRICS]


@dataclasses.dataclass
class Table:
    slug: str
    title: str
    heading: str
    rows: list
    total: Row

    @property
    def columns(self):
        return [COLUMN_LABELS[metric] for metric in METRICS]


def row(label, figures_row):
    return Row(str(label), {metric: Cell(int(figures_row.get(metric) or 0)) for metric in METRICS})


def totals(period, condition=None):
    """The period's total row alone (one query)."""
    found = figures(period, condition, {"total"})["total"]
    return row(_("All"), found[0] if found else {})


def build(period, condition=None, names=None):
    """{slug: Table} for the period; `names` limits the tables."""
    wanted = None if names is None else {"total", *names}
    found = figures(period, condition, wanted)
    total = row(_("All"), found["total"][0] if found["total"] else {})
    labellers = {
        "month": lambda rows: _month_rows(period, rows),
        "category": _category_rows,
        "region": _region_rows,
        "language": _language_rows,
        "transport": _transport_rows,
    }
    tables = {}
    for slug, (title, heading) in TABLES.items():
        if slug in found:
            rows = labellers[slug](found[slug])
            tables[slug] = Table(slug, str(title), str(heading), rows, total)
    return tables


def _month_rows(period, rows):
    """Every month of the period, in order, also those without a registration."""
    by_month = {(r["dim_year"], r["dim_month"]): r for r in rows}
    result, day = [], period.start.replace(day=1)
    while day <= period.end:
        label = formats.date_format(day, "YEAR_MONTH_FORMAT")
        result.append(row(label, by_month.get((day.year, day.month), {})))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return result


def _category_rows(rows):
    # Raw rows: SQLite gives the UUID as hex text, PostgreSQL as a UUID.
    for r in rows:
        r["dim_category"] = uuid.UUID(str(r["dim_category"]))
    keys = [r["dim_category"] for r in rows]
    names, order = {}, {}
    language = (get_language() or "fr")[:2]
    categories = Category.objects.filter(translation_key__in=keys).select_related("locale")
    for category in categories:
        key = category.translation_key
        if key not in names or category.locale.language_code == language:
            names[key], order[key] = category.name, category.sort_order
    labelled = sorted(
        ((order.get(r["dim_category"], 0), names.get(r["dim_category"], "?"), r) for r in rows),
        key=lambda item: item[:2],
    )
    return [row(name, r) for _order, name, r in labelled]


def _region_rows(rows):
    labels = dict(Region.choices)
    unknown = _("Unknown")
    return sorted(
        (row(labels.get(r["dim_region"], unknown), r) for r in rows), key=lambda r: r.label
    )


def _language_rows(rows):
    def name(code):
        try:
            return get_language_info(code)["name_translated"]
        except KeyError:
            return code

    return sorted((row(name(r["dim_language"]), r) for r in rows), key=lambda r: r.label)


def _transport_rows(rows):
    labels = {True: _("Needed a ride"), False: _("Came by their own means")}
    rides_first = sorted(rows, key=lambda r: not r["dim_transport"])
    return [row(labels[bool(r["dim_transport"])], r) for r in rides_first]


METHOD = _(
    "People reached: distinct people who registered for a date in the period, whatever "
    "became of the registration; people supported: distinct people who came (checked in "
    "or walked in). Each person counts once, with the largest party they registered, "
    "per row and in the total, so rows may add up to more than the total. A person is "
    "recognized by their phone number or e-mail across dates, also after these are "
    "erased (a keyed hash of them is kept); a walk-in without contact counts as a new "
    "person each time. Other columns count registrations and the people in them. "
    "Counts from 1 to 4 show as “< 5”."
)
