"""The columns of the tabular reports, shared by the PDF, CSV and XLSX writers.

One definition per report keeps the three formats identical: the same
headers in the same order. Each column gives the raw value of a row (for CSV
and spreadsheets) and how it prints in a PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from scriptdesk.export.formatting import format_date, format_seconds, label, yes_no
from scriptdesk.export.report_data import (
    ClearanceLogData,
    ClearanceRow,
    FootageLogData,
    FootageRow,
    ShotListData,
    ShotRow,
)

Row = TypeVar("Row")


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: header, raw value of a row, relative PDF width."""

    header: str
    value: Callable[[Row], Any]
    width: float = 1.0
    numeric: bool = False
    short: str = ""  # a shorter header for narrow PDF columns
    optional: bool = False  # left out of a PDF when no row has a value in it

    @property
    def pdf_header(self) -> str:
        return self.short or self.header

    def text(self, row: Row) -> str:
        """The value as the PDF prints it."""
        return display(self.value(row))


def display(value: Any) -> str:
    """A raw column value as text: dates unambiguous, money with two decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return format_seconds(value)
    return str(value)


SHOT_LIST_COLUMNS: tuple[Column[ShotRow], ...] = (
    Column("Scene", lambda r: r.scene, 0.6),
    Column("Shot", lambda r: r.number, 0.6),
    Column("Type", lambda r: label(r.shot_type), 1.1),
    Column("Description", lambda r: r.description, 4.0),
    Column("Footage need", lambda r: r.footage, 2.6),
    Column("Archive", lambda r: r.archive, 1.6, optional=True),
    Column("Duration (s)", lambda r: r.duration_seconds, 0.9, numeric=True),
    Column("Status", lambda r: label(r.status), 1.2),
)

CLEARANCE_COLUMNS: tuple[Column[ClearanceRow], ...] = (
    Column("No.", lambda r: r.number, 0.48, numeric=True),
    Column("Kind", lambda r: label(r.kind), 0.95),
    Column("Subject", lambda r: r.subject, 2.2),
    Column("Holder", lambda r: r.holder, 1.4),
    Column("Contact", lambda r: r.contact, 1.4, optional=True),
    Column("Status", lambda r: label(r.status), 1.0),
    Column("Territory", lambda r: r.territory, 0.95),
    Column("Media", lambda r: r.media, 0.95, optional=True),
    Column("Licence", lambda r: r.licence_type, 1.2, optional=True),
    Column("Term start", lambda r: r.term_start, 0.85, optional=True),
    Column("Expiry", lambda r: r.term_end, 0.85),
    Column("Fee", lambda r: r.fee, 0.95, numeric=True),
    Column("Currency", lambda r: r.currency if r.fee is not None else "", 0.55, short="Cur.", optional=True),
    Column("Credit line", lambda r: r.credit_line, 1.3, optional=True),
    Column("Notes", lambda r: r.notes, 1.4, optional=True),
)

FOOTAGE_COLUMNS: tuple[Column[FootageRow], ...] = (
    Column("No.", lambda r: r.number, 0.48, numeric=True),
    Column("Scene", lambda r: r.scene, 0.8),
    Column("Kind", lambda r: label(r.kind), 1.2),
    Column("Description", lambda r: r.description, 2.2),
    Column("Archive", lambda r: r.archive, 1.4),
    Column("Clip ID", lambda r: r.clip_id, 1.25, optional=True),
    Column("TC in", lambda r: r.timecode_in, 1.45, optional=True),
    Column("TC out", lambda r: r.timecode_out, 1.45, optional=True),
    Column("Duration (s)", lambda r: r.duration_seconds, 0.75, numeric=True, short="Dur. (s)"),
    Column("Cost", lambda r: r.cost, 0.95, numeric=True),
    Column("Currency", lambda r: r.currency if r.cost is not None else "", 0.55, short="Cur.", optional=True),
    Column("Status", lambda r: label(r.status), 1.1),
    Column("Screener ordered", lambda r: r.screener_ordered, 0.9, short="Screener"),
    Column("Master ordered", lambda r: r.master_ordered, 0.75, short="Master"),
    Column("Notes", lambda r: r.notes, 1.3, optional=True),
)


def shown_in_pdf(columns: tuple[Column[Any], ...], rows: Sequence[Any]) -> tuple[Column[Any], ...]:
    """The columns a PDF prints: optional ones only when some row has a value in them.

    CSV and XLSX keep every column so that their layout never changes.
    """
    return tuple(
        column for column in columns if not column.optional or any(column.text(row) for row in rows)
    )


def widths(columns: tuple[Column[Any], ...], total: float) -> list[float]:
    """Column widths in points sharing ``total`` by each column's relative width."""
    share = sum(column.width for column in columns)
    return [total * column.width / share for column in columns]


def table_of(data: object) -> tuple[tuple[Column[Any], ...], tuple[Any, ...]]:
    """The columns and rows of a tabular report's data (shot list and logs)."""
    if isinstance(data, ShotListData):
        return SHOT_LIST_COLUMNS, data.rows
    if isinstance(data, ClearanceLogData):
        return CLEARANCE_COLUMNS, data.items
    if isinstance(data, FootageLogData):
        return FOOTAGE_COLUMNS, data.items
    raise TypeError(f"{type(data).__name__} is not a tabular report")
