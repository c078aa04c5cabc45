"""Table building blocks shared by the writers: base style and column tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Paragraph, TableStyle

from scriptdesk.export.pdf_base import ContinuedTable
from scriptdesk.export.safe_markup import escape
from scriptdesk.export.settings import Palette, ReportStyles

Command = tuple[Any, ...]


def table_style(palette: Palette, commands: Sequence[Command] = ()) -> TableStyle:
    """Top-aligned cells with modest padding, plus the caller's commands."""
    base: list[Command] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    return TableStyle(base + list(commands))


def column_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    styles: ReportStyles,
    palette: Palette,
    *,
    heading: str | None = None,
    continued_heading: str | None = None,
    extra: Sequence[Command] = (),
) -> ContinuedTable:
    """A grid with a bold header row repeated on each page.

    With ``heading`` (already escaped markup) a full-width row precedes the
    header row; its ``continued_heading`` variant starts every later part.
    ``rows`` hold flowables or lists of flowables, never raw data strings.
    """
    header_row = [Paragraph(escape(text), styles["column_header"]) for text in headers]
    data: list[list[object]] = []
    first_body = 1
    if heading is not None:
        data.append([Paragraph(heading, styles["scene"])] + [""] * (len(headers) - 1))
        first_body = 2
    data.append(header_row)
    data.extend(list(row) for row in rows)
    table = ContinuedTable(
        data, colWidths=list(widths), repeatRows=first_body, splitInRow=1, hAlign="LEFT"
    )
    commands: list[Command] = [
        ("BACKGROUND", (0, first_body - 1), (-1, first_body - 1), palette.column_fill),
        ("LINEBELOW", (0, first_body - 1), (-1, first_body - 1), 0.6, palette.rule),
        ("LINEBELOW", (0, first_body), (-1, -1), 0.25, palette.grid),
        ("LINEAFTER", (0, first_body - 1), (-2, -1), 0.25, palette.grid),
        ("BOX", (0, 0), (-1, -1), 0.5, palette.rule),
    ]
    if heading is not None:
        commands += [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), palette.heading_fill),
        ]
        if continued_heading is not None:
            table.continued_row = [Paragraph(continued_heading, styles["scene"])] + [""] * (
                len(headers) - 1
            )
    table.setStyle(table_style(palette, commands + list(extra)))
    return table


def column_cells(columns: Sequence[Any], row: object, styles: ReportStyles) -> list[Paragraph]:
    """The cells of one data row, each printed literally; numbers right-aligned."""
    return [
        Paragraph(escape(column.text(row)), styles["cell_right" if column.numeric else "cell"])
        for column in columns
    ]


def total_row(
    columns: Sequence[Any], label_text: str, values: dict[int, str], styles: ReportStyles
) -> list[object]:
    """A bold totals row: ``label_text`` in the first cell, ``values`` by column index."""
    row: list[object] = [Paragraph(escape(label_text), styles["cell_bold"])]
    for index, column in enumerate(columns[1:], start=1):
        text = values.get(index, "")
        style = styles["cell_bold"]
        if column.numeric:
            style = styles["cell_right"]
            text = f"<b>{escape(text)}</b>" if text else ""
            row.append(Paragraph(text, style))
        else:
            row.append(Paragraph(escape(text), style))
    return row
