"""The annotated script, the errors-and-omissions deliverable.

The script text in order, each narration line or quotation keyed by a note
number to its E&O class (factual / fictionalised but based on fact /
author-created) and its sources with page or archive locators, followed by a
bibliography of every source cited.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from scriptdesk.domain.enums import EOClass
from scriptdesk.export.bibliography import full_record
from scriptdesk.export.formatting import label
from scriptdesk.export.pdf_base import ReportDocument, literal, literal_paragraphs, write_pdf
from scriptdesk.export.report_data import AnnotatedLine, AnnotatedScriptData, AnnotationNote
from scriptdesk.export.safe_markup import escape
from scriptdesk.export.settings import DEFAULT_SETTINGS, ReportSettings, ReportStyles
from scriptdesk.export.tables import column_table

REPORT_TITLE = "Annotated script"
EXPLANATION = (
    "Each narration line and quotation carries the numbers of its notes. A note gives the "
    "errors-and-omissions class of the line (factual; fictionalised but based on fact; "
    "author-created) and the sources it rests on, with page or archive locators; the "
    "bibliography at the end lists every source in full."
)


def write_annotated_script(
    data: AnnotatedScriptData, path: Path, settings: ReportSettings = DEFAULT_SETTINGS
) -> Path:
    """Write the annotated (E&O) script of ``data`` to ``path`` (atomically)."""
    styles = settings.styles()
    notes = {note.number: note for note in data.notes}

    def story(document: ReportDocument) -> list[Flowable]:
        width = document.page_settings.frame_width
        flowables: list[Flowable] = [
            literal(f"{REPORT_TITLE} — {data.header.script_title}", styles["h1"]),
            Paragraph(EXPLANATION, styles["note"]),
            Spacer(1, 3 * mm),
        ]
        for (scene, title), lines in groupby(data.lines, key=lambda line: (line.scene, line.scene_title)):
            flowables.append(CondPageBreak(30 * mm))
            flowables.append(_scene_table(scene, title, list(lines), notes, styles, settings, width))
            flowables.append(Spacer(1, 4 * mm))
        if not data.lines:
            flowables.append(Paragraph("This script has no lines to annotate.", styles["body"]))
        flowables.append(CondPageBreak(40 * mm))
        flowables.append(Paragraph("Bibliography", styles["h2"]))
        if not data.bibliography:
            flowables.append(Paragraph("No sources are cited yet.", styles["body"]))
        for source in data.bibliography:
            flowables.append(literal(full_record(source), styles["body"], prefix=f"<b>[{source.key}]</b> "))
        return flowables

    return write_pdf(path, data.header, REPORT_TITLE, story, settings)


def _line_cell(line: AnnotatedLine, styles: ReportStyles) -> list[Flowable]:
    cell: list[Flowable] = []
    if line.kind == "quotation":
        who = f"QUOTE — {line.speaker}:" if line.speaker else "QUOTE:"
        cell.append(literal(who, styles["cell_label"]))
    elif line.speaker:
        cell.append(literal(f"{line.speaker.upper()}:", styles["cell_label"]))
    cell += literal_paragraphs(line.text, styles["cell"], emphasis=True)
    return cell


def _note_cell(
    numbers: tuple[int, ...], notes: dict[int, AnnotationNote], styles: ReportStyles, alert: str
) -> list[Flowable]:
    cell: list[Flowable] = []
    for number in numbers:
        note = notes.get(number)
        if note is None:
            continue
        eo = escape(label(note.eo_class)) if note.eo_class else f'<font color="{alert}">Not classified</font>'
        cell.append(Paragraph(f"<b>[{number}]</b> {escape(note.subject)} — <b>{eo}</b>", styles["cell"]))
        if note.state:
            cell.append(literal(f"Verification: {label(note.state)}", styles["muted"]))
        for reference in note.sources:
            where = f", {reference.locator}" if reference.locator else ""
            cell.append(literal(f"[{reference.source_key}] {reference.short}{where}", styles["cell"]))
        # An author-created line rests on no source; any other line should name one.
        if not note.sources and note.eo_class != EOClass.AUTHOR_CREATED:
            cell.append(Paragraph("<i>No source recorded.</i>", styles["muted"]))
        for remark in note.remarks:
            cell.append(literal(remark, styles["cell_italic"]))
    return cell


def _scene_table(
    scene: str,
    title: str,
    lines: list[AnnotatedLine],
    notes: dict[int, AnnotationNote],
    styles: ReportStyles,
    settings: ReportSettings,
    width: float,
) -> Flowable:
    alert = settings.palette.alert.hexval().replace("0x", "#")
    rows = [
        [
            Paragraph(escape(", ".join(str(n) for n in line.note_numbers)), styles["cell_bold"]),
            _line_cell(line, styles),
            _note_cell(line.note_numbers, notes, styles, alert),
        ]
        for line in lines
    ]
    heading = escape(f"SCENE {scene}" + (f" — {title}" if title else "")) if scene else "OUTSIDE ANY SCENE"
    return column_table(
        ["Note", "Script", "E&O class and sources"],
        rows,
        [width * 0.07, width * 0.53, width * 0.40],
        styles,
        settings.palette,
        heading=heading,
        continued_heading=f"{heading} <i>(cont'd)</i>",
        extra=[("LINEAFTER", (0, 1), (1, -1), 0.25, settings.palette.grid)],
    )
