"""A report table as CSV or XLSX, with the same cells — "< 5" included — as the page.

XLSX is written with openpyxl (already what Wagtail's own exports use): numbers stay
numbers in the spreadsheet, and "< 5" stays text.
"""

import csv
import io

from django.http import HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from rsvp.admin_views.rsvps import csv_safe

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filename(organization_name, table, period, extension):
    """e.g. aide-month-2026-04-01_2027-03-31.csv"""
    return f"{slugify(organization_name)}-{table.slug}-{period.slug}.{extension}"


def lines(table):
    """Heading line, then each row and the total, as the outputs write them."""
    yield [table.heading, *[str(label) for label in table.columns]]
    for row in [*table.rows, table.total]:
        yield [row.label, *[cell.shown for cell in row.in_order()]]


def csv_response(table, name):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # lets spreadsheet programs read the accents as UTF-8
    writer = csv.writer(response)
    for line in lines(table):
        writer.writerow([csv_safe(value) for value in line])
    return response


def xlsx_response(table, name, note):
    book = Workbook()
    sheet = book.active
    sheet.title = table.title[:31]
    for number, line in enumerate(lines(table)):
        sheet.append([value if isinstance(value, int) else str(value) for value in line])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # a label starting with "=" is text, never a formula
                cell.data_type = "s"
            if number == 0:
                cell.font = Font(bold=True)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([])
    sheet.append([str(note)])
    sheet.column_dimensions["A"].width = 32
    output = io.BytesIO()
    book.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
