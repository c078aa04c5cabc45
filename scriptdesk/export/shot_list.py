"""The shot list: every shot per scene on landscape pages, with totals.

Columns are those of :data:`scriptdesk.export.columns.SHOT_LIST_COLUMNS`
(the CSV and XLSX exports use the same).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from scriptdesk.export.columns import SHOT_LIST_COLUMNS, Column, shown_in_pdf, widths
from scriptdesk.export.formatting import format_runtime
from scriptdesk.export.pdf_base import ReportDocument, literal, write_pdf
from scriptdesk.export.report_data import ShotListData, ShotListScene
from scriptdesk.export.safe_markup import escape
from scriptdesk.export.settings import DEFAULT_SETTINGS, ReportSettings, ReportStyles
from scriptdesk.export.tables import column_cells, column_table, total_row

REPORT_TITLE = "Shot list"


def write_shot_list(data: ShotListData, path: Path, settings: ReportSettings = DEFAULT_SETTINGS) -> Path:
    """Write the landscape shot list of ``data`` to ``path`` (atomically)."""
    styles = settings.styles()
    columns = shown_in_pdf(SHOT_LIST_COLUMNS, data.rows)

    def story(document: ReportDocument) -> list[Flowable]:
        width = document.page_settings.frame_width
        shots = len(data.rows)
        flowables: list[Flowable] = [
            literal(f"{REPORT_TITLE} — {data.header.script_title}", styles["h1"]),
            literal(
                f"{len(data.scenes)} scenes · {shots} shots · total {format_runtime(data.total_seconds)}",
                styles["body"],
            ),
            Spacer(1, 3 * mm),
        ]
        for scene in data.scenes:
            flowables.append(CondPageBreak(30 * mm))
            flowables.append(_scene_table(scene, columns, styles, settings, width))
            flowables.append(Spacer(1, 4 * mm))
        flowables.append(CondPageBreak(40 * mm))
        flowables.append(Paragraph("Totals", styles["h2"]))
        flowables.append(_totals_table(data, styles, settings, width))
        return flowables

    return write_pdf(path, data.header, REPORT_TITLE, story, settings, landscape=True)


def _scene_heading(scene: ShotListScene) -> str:
    title = f"SCENE {scene.number}" + (f" — {scene.title}" if scene.title else "")
    count = f"{len(scene.shots)} shot" + ("" if len(scene.shots) == 1 else "s")
    return escape(f"{title} · {count} · {format_runtime(scene.total_seconds)}")


def _scene_table(
    scene: ShotListScene,
    columns: tuple[Column[Any], ...],
    styles: ReportStyles,
    settings: ReportSettings,
    width: float,
) -> Flowable:
    headers = [c.header for c in columns]
    rows: list[list[object]] = [column_cells(columns, shot, styles) for shot in scene.shots]
    if not scene.shots:
        empty = [Paragraph("", styles["cell"]) for _ in columns]
        empty[headers.index("Description")] = Paragraph("<i>No shots listed yet.</i>", styles["cell"])
        rows.append(empty)
    rows.append(
        total_row(
            columns,
            "Scene total",
            {headers.index("Duration (s)"): f"{scene.total_seconds:.1f} ({format_runtime(scene.total_seconds)})"},
            styles,
        )
    )
    heading = _scene_heading(scene)
    return column_table(
        [c.pdf_header for c in columns],
        rows,
        widths(columns, width),
        styles,
        settings.palette,
        heading=heading,
        continued_heading=f"{heading} <i>(cont'd)</i>",
        extra=[
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, settings.palette.rule),
            ("SPAN", (0, -1), (2, -1)),  # room for the "Scene total" label
        ],
    )


def _totals_table(data: ShotListData, styles: ReportStyles, settings: ReportSettings, width: float) -> Flowable:
    rows: list[list[object]] = []
    for scene in data.scenes:
        rows.append(
            [
                Paragraph(escape(scene.number), styles["cell"]),
                Paragraph(escape(scene.title), styles["cell"]),
                Paragraph(str(len(scene.shots)), styles["cell_right"]),
                Paragraph(escape(format_runtime(scene.total_seconds)), styles["cell_right"]),
            ]
        )
    rows.append(
        [
            Paragraph("<b>Overall</b>", styles["cell"]),
            Paragraph("", styles["cell"]),
            Paragraph(f"<b>{len(data.rows)}</b>", styles["cell_right"]),
            Paragraph(f"<b>{escape(format_runtime(data.total_seconds))}</b>", styles["cell_right"]),
        ]
    )
    share = width * 0.6
    return column_table(
        ["Scene", "Title", "Shots", "Duration"],
        rows,
        [share * 0.12, share * 0.58, share * 0.12, share * 0.18],
        styles,
        settings.palette,
        extra=[("LINEABOVE", (0, -1), (-1, -1), 0.6, settings.palette.rule)],
    )
