"""Exports write labels as text: a label starting with "=" is never a formula."""

import csv
import io

from openpyxl import load_workbook

from reports.services import exports
from reports.services.tables import METRICS, Cell, Row, Table


def a_table(label):
    cells = {metric: Cell(7) for metric in METRICS}
    return Table("category", "By category", "Category", [Row(label, cells)], Row("All", cells))


def test_xlsx_keeps_a_formula_looking_label_as_text():
    response = exports.xlsx_response(a_table('=HYPERLINK("http://x","y")'), "f.xlsx", "note")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert sheet["B2"].value == 7


def test_csv_defuses_a_formula_looking_label():
    response = exports.csv_response(a_table("=1+1"), "f.csv")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[1][0] == "'=1+1"
