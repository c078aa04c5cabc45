"""CSV and XLSX exports of the shot list and the logs, with the PDF's columns.

CSV files are UTF-8 with a byte-order mark so spreadsheet programs read
Cyrillic and accents correctly; dates are ISO (``2027-03-01``), money has two
decimals, flags are ``yes``/``no``. A text cell starting with ``=``, ``+``,
``-``, ``@`` or a tab is prefixed with an apostrophe so that no spreadsheet
runs it as a formula. XLSX cells are typed (numbers, dates) and strings are
always written as strings.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from scriptdesk.domain.safe_text import clean_text
from scriptdesk.export.atomic import atomic_path
from scriptdesk.export.columns import table_of
from scriptdesk.export.formatting import format_seconds, yes_no

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: A fixed creation date so that the same data gives the same XLSX bytes.
XLSX_CREATED = dt.datetime(2000, 1, 1)


def csv_value(value: Any) -> str:
    """A raw column value as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, float):
        return format_seconds(value)
    if isinstance(value, int):
        return str(value)
    return neutralise_formula(clean_text(str(value)))


def neutralise_formula(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would take for a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(data: object, path: Path) -> Path:
    """Write a tabular report (shot list, clearance or footage log) as CSV."""
    columns, rows = table_of(data)
    with atomic_path(Path(path)) as temp:
        with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([column.header for column in columns])
            for row in rows:
                writer.writerow([csv_value(column.value(row)) for column in columns])
    return Path(path)


def write_xlsx(data: object, path: Path) -> Path:
    """Write a tabular report as an XLSX workbook with typed cells and a frozen header."""
    import xlsxwriter  # only the spreadsheet export needs it

    columns, rows = table_of(data)
    with atomic_path(Path(path)) as temp:
        workbook = xlsxwriter.Workbook(str(temp), {"strings_to_formulas": False, "strings_to_urls": False})
        workbook.set_properties({"created": XLSX_CREATED, "author": "ScriptDesk"})
        sheet = workbook.add_worksheet("Report")
        bold = workbook.add_format({"bold": True, "bg_color": "#E4E4E4", "border": 1})
        date_format = workbook.add_format({"num_format": "d mmm yyyy"})
        money_format = workbook.add_format({"num_format": "#,##0.00"})
        for index, column in enumerate(columns):
            sheet.write_string(0, index, column.header, bold)
            sheet.set_column(index, index, max(10, min(60, int(column.width * 14))))
        for row_index, row in enumerate(rows, start=1):
            for index, column in enumerate(columns):
                _write_cell(sheet, row_index, index, column.value(row), date_format, money_format)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(columns) - 1)
        workbook.close()
    return Path(path)


def _write_cell(sheet: Any, row: int, col: int, value: Any, date_format: Any, money_format: Any) -> None:
    if value is None or value == "":
        sheet.write_blank(row, col, None)
    elif isinstance(value, bool):
        sheet.write_string(row, col, yes_no(value))
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), date_format)
    elif isinstance(value, Decimal):
        sheet.write_number(row, col, float(value), money_format)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, clean_text(str(value)))
