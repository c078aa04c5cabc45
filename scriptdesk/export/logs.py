"""The clearance log and the archival footage log, on landscape pages with cost totals.

Columns are those of :mod:`scriptdesk.export.columns`, as in the CSV and
XLSX exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from scriptdesk.export.columns import CLEARANCE_COLUMNS, FOOTAGE_COLUMNS, Column, shown_in_pdf, widths
from scriptdesk.export.formatting import format_money, format_runtime, label
from scriptdesk.export.pdf_base import ReportDocument, literal, write_pdf
from scriptdesk.export.report_data import ClearanceLogData, FootageLogData
from scriptdesk.export.settings import DEFAULT_SETTINGS, ReportSettings, ReportStyles
from scriptdesk.export.tables import column_cells, column_table, total_row

CLEARANCE_TITLE = "Clearance log"
FOOTAGE_TITLE = "Archival footage log"


def write_clearance_log(
    data: ClearanceLogData, path: Path, settings: ReportSettings = DEFAULT_SETTINGS
) -> Path:
    """Write every rights item with holder, status, term, fee and totals to ``path``."""
    styles = _log_styles(settings)
    columns = shown_in_pdf(CLEARANCE_COLUMNS, data.items)
    fee = _index(columns, "Fee")
    totals = _money_totals(data.totals, fee, columns, styles)
    cleared = sum(1 for item in data.items if item.status in {"cleared", "public_domain", "fair_use"})
    summary = f"{len(data.items)} items · {cleared} cleared or not needing a licence"
    counts = _status_counts(item.status for item in data.items)

    def story(document: ReportDocument) -> list[Flowable]:
        return _log_story(
            CLEARANCE_TITLE, summary, counts, columns, data.items, totals, document, styles, settings
        )

    return write_pdf(path, data.header, CLEARANCE_TITLE, story, settings, landscape=True)


def write_footage_log(
    data: FootageLogData, path: Path, settings: ReportSettings = DEFAULT_SETTINGS
) -> Path:
    """Write every footage need with archive, clip, timecodes, cost and orders to ``path``."""
    styles = _log_styles(settings)
    columns = shown_in_pdf(FOOTAGE_COLUMNS, data.items)
    cost = _index(columns, "Cost")
    duration = _index(columns, "Duration (s)")
    totals = _money_totals(data.totals, cost, columns, styles)
    timed = any(item.duration_seconds is not None for item in data.items)
    seconds = f"{data.total_seconds:.1f}".removesuffix(".0") if timed else ""
    if totals:
        totals[0][duration] = Paragraph(f"<b>{seconds}</b>", styles["cell_right"])
    elif timed:
        totals = [total_row(columns, "Total", {duration: seconds}, styles)]
    logged = f"{format_runtime(data.total_seconds)} of material logged" if timed else "no durations logged yet"
    summary = f"{len(data.items)} footage needs · {logged}"
    counts = _status_counts(item.status for item in data.items)

    def story(document: ReportDocument) -> list[Flowable]:
        return _log_story(
            FOOTAGE_TITLE, summary, counts, columns, data.items, totals, document, styles, settings
        )

    return write_pdf(path, data.header, FOOTAGE_TITLE, story, settings, landscape=True)


def _log_styles(settings: ReportSettings) -> ReportStyles:
    """Logs have many columns: their type is a size smaller than other reports'."""
    return replace(settings, body_size=settings.body_size - 1.5).styles()


def _index(columns: Sequence[Column[Any]], header: str) -> int:
    return [column.header for column in columns].index(header)


def _status_counts(statuses: Any) -> str:
    counts: dict[str, int] = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return " · ".join(f"{label(status)}: {count}" for status, count in sorted(counts.items()))


def _money_totals(
    totals: Sequence[tuple[str, Any]], column: int, columns: Sequence[Column[Any]], styles: ReportStyles
) -> list[list[object]]:
    """One bold totals row per currency."""
    rows = []
    currency_column = column + 1
    for currency, amount in totals:
        rows.append(
            total_row(
                columns,
                "Total",
                {column: format_money(amount), currency_column: currency},
                styles,
            )
        )
    return rows


def _total_commands(first: int, count: int, palette: Any) -> list[tuple[Any, ...]]:
    """A rule above the totals rows; their label spans the first three columns."""
    if not count:
        return []
    commands: list[tuple[Any, ...]] = [("LINEABOVE", (0, first), (-1, first), 0.6, palette.rule)]
    commands += [("SPAN", (0, row), (2, row)) for row in range(first, first + count)]
    return commands


def _log_story(
    title: str,
    summary: str,
    counts: str,
    columns: Sequence[Column[Any]],
    items: Sequence[object],
    totals: list[list[object]],
    document: ReportDocument,
    styles: ReportStyles,
    settings: ReportSettings,
) -> list[Flowable]:
    width = document.page_settings.frame_width
    rows: list[list[object]] = [column_cells(columns, item, styles) for item in items]
    flowables: list[Flowable] = [
        literal(title, styles["h1"]),
        literal(summary, styles["body"]),
    ]
    if counts:
        flowables.append(literal(counts, styles["note"]))
    flowables.append(Spacer(1, 3 * mm))
    if not items:
        flowables.append(Paragraph("Nothing is logged yet.", styles["body"]))
        return flowables
    palette = settings.palette
    flowables.append(
        column_table(
            [column.pdf_header for column in columns],
            rows + totals,
            widths(tuple(columns), width),
            styles,
            palette,
            extra=_total_commands(len(rows) + 1, len(totals), palette),
        )
    )
    return flowables
