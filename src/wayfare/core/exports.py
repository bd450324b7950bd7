"""Files exported from the server (CSV, XLSX): cells that a spreadsheet would run as formulas are made
inert (issue #11, "formula injection").

A spreadsheet treats a cell beginning with ``=``, ``+``, ``-`` or ``@`` as a formula (and tab and carriage
return can hide such a start), so a record named ``=HYPERLINK(...)`` became a live link in the export.
``safe_cell()`` prefixes such text with a single quote, the spreadsheets' own mark for "this is text"; XLSX
cells holding text are also written as text (type ``s``, number format ``@``), never as formulas. Numbers,
dates and booleans stay what they are: a negative number is a number, not a formula. Every server-side
export goes through this module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def safe_cell(value: Any) -> Any:
    """``value`` ready for a spreadsheet cell: text that would start a formula gets a leading quote."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """Rows (the first one the header) as CSV text with every cell made safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(safe_row(row))
    return buffer.getvalue()


def _excel_value(value: Any) -> Any:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)  # Excel has no time zones
    if value is None or isinstance(value, int | float | dt.date | dt.time | dt.timedelta):
        return value
    return str(value)


def xlsx_bytes(rows: Iterable[Sequence[Any]], *, title: str = "Export") -> bytes:
    """Rows (the first one the header) as an XLSX workbook; text cells are text, never formulas."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (title or "Export")[:31]  # Excel's limit on sheet names
    for r, row in enumerate(rows, start=1):
        for c, raw in enumerate(row, start=1):
            value = _excel_value(safe_cell(raw))
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                cell.value = value  # safe_cell() already took away a leading "=", so no formula
                cell.data_type = "s"  # not an error code ("#N/A") either: text
                cell.number_format = "@"
            else:
                cell.value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(
    rows: Iterable[Sequence[Any]], *, export_format: str, filename: str, title: str = ""
) -> HttpResponse:
    """A download of ``rows`` as CSV or XLSX."""
    if export_format == "xlsx":
        content: bytes | str = xlsx_bytes(rows, title=title)
    else:
        content = csv_text(rows)
    response = HttpResponse(content, content_type=CONTENT_TYPES[export_format])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def table_rows(table: Any) -> list[list[Any]]:
    """A django-tables2 table's header and rows as exported values (``Column.value``)."""
    return [list(row) for row in table.as_values()]
