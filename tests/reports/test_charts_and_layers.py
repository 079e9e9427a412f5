"""Charts share the tables' suppression; events never imports reports."""

import datetime as dt
import re
from pathlib import Path

from django.conf import settings

from reports.services.charts import bar_chart
from reports.services.tables import Cell, Row, Table


def a_table(*values):
    rows = [
        Row(f"row {n}", {"reached": Cell(value), "supported": Cell(value // 2)})
        for n, value in enumerate(values)
    ]
    total = Row("All", {"reached": Cell(sum(values)), "supported": Cell(0)})
    return Table("month", "By month", "Month", rows, total)


def test_suppressed_counts_draw_no_bar_and_read_less_than_five():
    chart = bar_chart(a_table(40, 3, 0))
    big, small, empty = chart.rows
    assert big.bars[0].width > 0 and big.bars[0].text == "40"
    assert small.bars[0].width == 0 and small.bars[0].text == "< 5"
    assert small.reached == "< 5"
    assert empty.bars[0].width == 0 and empty.bars[0].text == "0"
    # The largest shown bar fills the area; a suppressed one never sets the scale.
    assert bar_chart(a_table(4, 2)).rows[0].bars[0].width == 0


def test_cells_from_one_to_four_are_suppressed_and_zero_is_not():
    assert [Cell(n).shown for n in (0, 1, 4, 5, 1234)] == [0, "< 5", "< 5", 5, 1234]


def test_events_never_imports_reports():
    events = Path(settings.BASE_DIR) / "events"
    importing = re.compile(r"^\s*(from|import)\s+reports\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(events))
        for path in events.rglob("*.py")
        if importing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_a_period_covers_whole_local_days():
    from reports.periods import Period, season

    first, after = Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30)).bounds()
    assert (first.hour, after.date()) == (0, dt.date(2026, 5, 1))
    assert season(dt.date(2027, 3, 31)) == Period(dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert season(dt.date(2026, 12, 5)) == Period(dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert season(dt.date(2026, 4, 1)).start == dt.date(2026, 4, 1)
