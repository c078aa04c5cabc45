"""The quote-source sheet a researcher hands to the lawyer.

A summary of quotations by verification state, the exceptions to look at
(unverified, single-source, discrepancies), then every quotation in full with
its speaker, medium and work, citations with locators, who verified it and
when, discrepancies and notes.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from scriptdesk.domain.enums import MatchClass
from scriptdesk.export.bibliography import citation_text
from scriptdesk.export.formatting import format_date, label
from scriptdesk.export.pdf_base import ContinuedTable, ReportDocument, literal, literal_paragraphs, write_pdf
from scriptdesk.export.report_data import CitationEntry, QuoteEntry, QuoteSheetData
from scriptdesk.export.safe_markup import escape
from scriptdesk.export.settings import DEFAULT_SETTINGS, ReportSettings, ReportStyles
from scriptdesk.export.tables import column_table, table_style

REPORT_TITLE = "Quote-source sheet"
LABEL_SHARE = 0.2
KEEP_WHOLE_SHARE = 0.4  # of the page: records up to this tall never split


def write_quote_sheet(data: QuoteSheetData, path: Path, settings: ReportSettings = DEFAULT_SETTINGS) -> Path:
    """Write the quote-source sheet of ``data`` to ``path`` (atomically)."""
    styles = settings.styles()

    def story(document: ReportDocument) -> list[Flowable]:
        width = document.page_settings.frame_width
        flowables: list[Flowable] = [
            literal(f"{REPORT_TITLE} — {data.header.script_title}", styles["h1"]),
            literal(f"{len(data.quotations)} quotations", styles["body"]),
        ]
        flowables += _summary(data, styles, settings, width)
        flowables += _exceptions(data, styles, settings, width)
        flowables.append(CondPageBreak(60 * mm))  # never the heading alone at a page foot
        flowables.append(Paragraph("Quotations", styles["h2"]))
        keep_whole = document.page_settings.frame_height * KEEP_WHOLE_SHARE
        for quote in data.quotations:
            table = quotation_table(quote, styles, settings, width)
            # A short record moves whole to the next page; a long one splits with "(cont'd)".
            table.keep_whole_below = keep_whole
            flowables.append(table)
            flowables.append(Spacer(1, 4 * mm))
        return flowables

    return write_pdf(path, data.header, REPORT_TITLE, story, settings)


def _summary(data: QuoteSheetData, styles: ReportStyles, settings: ReportSettings, width: float) -> list[Flowable]:
    rows = [
        [Paragraph(escape(label(state)), styles["cell"]), Paragraph(str(count), styles["cell_right"])]
        for state, count in data.counts_by_state
    ]
    rows.append(
        [Paragraph("<b>All quotations</b>", styles["cell"]),
         Paragraph(f"<b>{len(data.quotations)}</b>", styles["cell_right"])]
    )  # fmt: skip
    table = column_table(
        ["Verification state", "Count"], rows, [width * 0.35, width * 0.12], styles, settings.palette,
        extra=[("LINEABOVE", (0, -1), (-1, -1), 0.6, settings.palette.rule)],
    )  # fmt: skip
    return [Paragraph("Summary", styles["h2"]), table]


def _exceptions(data: QuoteSheetData, styles: ReportStyles, settings: ReportSettings, width: float) -> list[Flowable]:
    flowables: list[Flowable] = [Paragraph("Exceptions", styles["h2"])]
    if not data.exceptions:
        flowables.append(Paragraph("None: every quotation is verified in more than one source.", styles["body"]))
        return flowables
    rows = [
        [
            Paragraph(escape(item.number), styles["cell"]),
            Paragraph(escape(item.scene), styles["cell"]),
            Paragraph(escape(item.reason[:1].upper() + item.reason[1:]), styles["cell_bold"]),
            Paragraph(escape(item.excerpt), styles["cell"]),
        ]
        for item in data.exceptions
    ]
    flowables.append(
        column_table(
            ["Quote", "Scene", "Why", "Excerpt"], rows,
            [width * 0.08, width * 0.08, width * 0.24, width * 0.60], styles, settings.palette,
        )  # fmt: skip
    )
    return flowables


def _heading(quote: QuoteEntry) -> str:
    scene = f" · Scene {quote.scene}" if quote.scene else ""
    return escape(f"{quote.number}{scene} · {label(quote.state)}")


def _citation(citation: CitationEntry, styles: ReportStyles) -> list[Flowable]:
    if citation.source is None and citation.match_class == MatchClass.NOT_FOUND:
        return [Paragraph("<i>No passage in the source library matches yet.</i>", styles["muted"])]
    facts = [label(citation.match_class), label(citation.review_state)]
    if citation.confirmed_by:
        facts.append(f"confirmed by {citation.confirmed_by}")
    if citation.attribution_mismatch:
        facts.append("speaker differs in the source")
    cell = [literal(citation_text(citation), styles["cell"])]
    detail = " · ".join(fact for fact in facts if fact)
    if detail:
        cell.append(literal(detail, styles["muted"]))
    if citation.note:
        cell.append(literal(citation.note, styles["cell_italic"]))
    return cell


def quotation_table(
    quote: QuoteEntry, styles: ReportStyles, settings: ReportSettings, width: float
) -> ContinuedTable:
    """One quotation as a labelled record; a very long text splits across pages."""
    def row(name: str, value: object) -> list[object]:
        cell = value if isinstance(value, list) else [literal(value, styles["cell"])]
        return [Paragraph(escape(name), styles["cell_label"]), cell]

    rows: list[list[object]] = [[Paragraph(_heading(quote), styles["scene"]), ""]]
    rows.append(row("Quotation", literal_paragraphs(quote.text, styles["cell"]) or [Paragraph("", styles["cell"])]))
    rows.append(row("Speaker", quote.speaker or "unknown"))
    medium = ", ".join(part for part in (label(quote.medium), quote.work) if part)
    rows.append(row("Medium and work", medium or "unknown"))
    if quote.date_text:
        rows.append(row("Date", quote.date_text))
    citations: list[Flowable] = []
    for citation in quote.citations:
        citations += _citation(citation, styles)
    rows.append(row("Citations", citations or [Paragraph("<i>none recorded</i>", styles["cell"])]))
    verification = label(quote.state)
    if quote.verified_by:
        verification += f" by {quote.verified_by}"
    if quote.verified_at:
        verification += f" on {format_date(quote.verified_at)}"
    rows.append(row("Verification", verification))
    if quote.eo_class:
        rows.append(row("E&O class", label(quote.eo_class)))
    alert_rows = []
    if quote.discrepancies:
        alert_rows.append(len(rows))
        rows.append(row("Discrepancies", [literal(item, styles["cell"]) for item in quote.discrepancies]))
    if quote.notes:
        rows.append(row("Notes", [literal(item, styles["cell"]) for item in quote.notes]))
    label_width = width * LABEL_SHARE
    table = ContinuedTable(rows, colWidths=[label_width, width - label_width], repeatRows=1, splitInRow=1)
    table.continued_row = [Paragraph(f"{_heading(quote)} <i>(cont'd)</i>", styles["scene"]), ""]
    palette = settings.palette
    commands = [
        ("SPAN", (0, 0), (1, 0)),
        ("BACKGROUND", (0, 0), (1, 0), palette.heading_fill),
        ("LINEBELOW", (0, 1), (1, -1), 0.25, palette.grid),
        ("BOX", (0, 0), (-1, -1), 0.5, palette.rule),
    ]
    commands += [("TEXTCOLOR", (0, index), (0, index), palette.alert) for index in alert_rows]
    table.setStyle(table_style(palette, commands))
    return table
