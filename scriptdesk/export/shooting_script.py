"""The shooting script: the documentary two-column A/V format editors print.

VIDEO on the left (shots, archive material, graphics, lower thirds), AUDIO on
the right (narration, quotations with their speaker, sync), rows aligned. A
title page gives the production, revision and runtime estimate; each scene is
one table whose heading row repeats as "(cont'd)" on the next page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from scriptdesk.export.formatting import format_date, format_runtime, revision_name
from scriptdesk.export.pdf_base import (
    ContinuedTable,
    ReportDocument,
    literal,
    literal_paragraphs,
    write_pdf,
)
from scriptdesk.export.report_data import AVRow, ShootingScene, ShootingScriptData
from scriptdesk.export.safe_markup import escape
from scriptdesk.export.settings import DEFAULT_SETTINGS, ReportSettings, ReportStyles
from scriptdesk.export.tables import table_style

REPORT_TITLE = "Shooting script"
VIDEO_SHARE = 0.42  # of the frame width; audio gets the rest


def write_shooting_script(
    data: ShootingScriptData, path: Path, settings: ReportSettings = DEFAULT_SETTINGS
) -> Path:
    """Write the two-column shooting script of ``data`` to ``path`` (atomically)."""
    styles = settings.styles()

    def story(document: ReportDocument) -> list[Flowable]:
        flowables = title_page(data, styles)
        width = document.page_settings.frame_width
        for scene in data.scenes:
            flowables.append(CondPageBreak(40 * mm))  # no heading alone at a page foot
            flowables.append(scene_table(scene, styles, settings, width))
            flowables.append(Spacer(1, 5 * mm))
        if not data.scenes:
            flowables.append(Paragraph("This script has no scenes to print.", styles["body"]))
        return flowables

    return write_pdf(path, data.header, REPORT_TITLE, story, settings, title_page=True)


def title_page(data: ShootingScriptData, styles: ReportStyles) -> list[Flowable]:
    """Production, script, revision label and date, runtime estimate."""
    header = data.header
    runtime = f"Estimated runtime {format_runtime(data.runtime_seconds)}"
    if data.target_runtime_seconds:
        runtime += f" (target {format_runtime(data.target_runtime_seconds)})"
    # A script named after its film is not named twice.
    same_title = " ".join(header.script_title.split()).casefold() == " ".join(header.production.split()).casefold()
    script_title = [] if same_title else [literal(header.script_title, styles["subtitle"])]
    return [
        Spacer(1, 55 * mm),
        literal(header.production, styles["title"]),
        *script_title,
        Spacer(1, 8 * mm),
        literal(REPORT_TITLE.upper(), styles["subtitle"]),
        Spacer(1, 14 * mm),
        literal(revision_name(header.revision_label), styles["subtitle"]),
        literal(format_date(header.revision_date), styles["subtitle"]),
        Spacer(1, 6 * mm),
        literal(f"{len(data.scenes)} scenes · {runtime}", styles["subtitle"]),
        NextPageTemplate("body"),
        PageBreak(),
    ]


def scene_heading(scene: ShootingScene, *, continued: bool = False) -> str:
    """``SCENE 3 — The Metropol · 1927 · est. 1:45`` as escaped markup."""
    parts = [f"SCENE {scene.number}"]
    if scene.title:
        parts[0] += f" — {scene.title}"
    if scene.time_context:
        parts.append(scene.time_context)
    parts.append(f"est. {format_runtime(scene.estimated_seconds)}")
    text = escape(" · ".join(parts))
    return f"{text} <i>(cont'd)</i>" if continued else text


def scene_table(
    scene: ShootingScene, styles: ReportStyles, settings: ReportSettings, width: float
) -> ContinuedTable:
    """One scene: heading row, VIDEO | AUDIO captions, one row per aligned cue."""
    video_width = width * VIDEO_SHARE
    heading = [Paragraph(scene_heading(scene), styles["scene"]), ""]
    captions = [Paragraph("VIDEO", styles["cell_label"]), Paragraph("AUDIO", styles["cell_label"])]
    rows: list[list[object]] = [heading, captions]
    for row in scene.rows:
        rows.append([video_cell(row, styles), audio_cell(row, styles)])
    if not scene.rows:
        rows.append(["", Paragraph("<i>(no script text)</i>", styles["cell"])])
    table = ContinuedTable(
        rows, colWidths=[video_width, width - video_width], repeatRows=2, splitInRow=1
    )
    table.continued_row = [Paragraph(scene_heading(scene, continued=True), styles["scene"]), ""]
    palette = settings.palette
    table.setStyle(
        table_style(
            palette,
            [
                ("SPAN", (0, 0), (1, 0)),
                ("BACKGROUND", (0, 0), (1, 0), palette.heading_fill),
                ("LINEBELOW", (0, 1), (1, -1), 0.3, palette.grid),
                ("LINEAFTER", (0, 1), (0, -1), 0.3, palette.grid),
                ("BOX", (0, 0), (-1, -1), 0.5, palette.rule),
            ],
        )
    )
    return table


def video_cell(row: AVRow, styles: ReportStyles) -> list[Flowable]:
    """Shots, archive material, graphics and lower thirds of one row."""
    cell: list[Flowable] = []
    for cue in row.video:
        if cue.label:
            cell.append(literal(cue.label, styles["cell_label"]))
        style = styles["cell_italic"] if cue.kind in {"transition", "direction"} else styles["cell"]
        cell.extend(literal_paragraphs(cue.text, style))
        if cue.detail:
            cell.append(literal(cue.detail, styles["muted"]))
        cell.append(Spacer(1, 2))
    return cell


def audio_cell(row: AVRow, styles: ReportStyles) -> list[Flowable]:
    """Narration, quotations with their speaker, sync sound of one row."""
    cell: list[Flowable] = []
    for cue in row.audio:
        if cue.label:
            cell.append(literal(cue.label, styles["cell_label"]))
        style = styles["cell_italic"] if cue.kind == "note" else styles["cell"]
        cell.extend(literal_paragraphs(cue.text, style, emphasis=True))
        cell.append(Spacer(1, 2))
    return cell
