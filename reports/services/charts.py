"""Bar charts drawn on the server: the geometry of an SVG that a template writes out.

Two bars per row — people reached, people supported — with their numbers written at
the end of each bar, so the chart reads without colour and without the table beside
it. Suppressed counts draw no bar and read "< 5".
"""

import dataclasses

from django.utils.translation import gettext_lazy as _

LABEL_WIDTH = 190
BAR_AREA = 330
NUMBER_WIDTH = 70
BAR_HEIGHT = 14
ROW_HEIGHT = 2 * BAR_HEIGHT + 14
TOP = 34  # room for the legend
SERIES = (
    ("reached", _("People reached"), "#1d5a85"),
    ("supported", _("People supported"), "#b0471a"),
)


@dataclasses.dataclass
class Bar:
    y: int
    width: int
    colour: str
    text: str
    text_x: int

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT - 3


@dataclasses.dataclass
class ChartRow:
    label: str
    label_y: int
    bars: list

    @property
    def reached(self):
        return self.bars[0].text

    @property
    def supported(self):
        return self.bars[1].text


@dataclasses.dataclass
class Chart:
    slug: str
    title: str
    rows: list
    width: int
    height: int
    legend: list
    label_width: int = LABEL_WIDTH


def bar_chart(table):
    """The chart of a report table (reports.services.tables.Table)."""
    shown = [
        row[metric].value
        for row in table.rows
        for metric, _label, _colour in SERIES
        if not row[metric].suppressed
    ]
    largest = max(shown, default=0) or 1
    rows = []
    for index, row in enumerate(table.rows):
        top = TOP + index * ROW_HEIGHT
        bars = []
        for number, (metric, _label, colour) in enumerate(SERIES):
            cell = row[metric]
            width = 0 if cell.suppressed else round(BAR_AREA * cell.value / largest)
            y = top + number * BAR_HEIGHT
            bars.append(Bar(y, width, colour, str(cell), LABEL_WIDTH + width + 6))
        rows.append(ChartRow(row.label, top + BAR_HEIGHT + 4, bars))
    legend = [
        {"label": str(label), "colour": colour, "x": LABEL_WIDTH + i * 170}
        for i, (_metric, label, colour) in enumerate(SERIES)
    ]
    height = TOP + len(rows) * ROW_HEIGHT + 6
    width = LABEL_WIDTH + BAR_AREA + NUMBER_WIDTH
    return Chart(table.slug, table.title, rows, width, height, legend)
