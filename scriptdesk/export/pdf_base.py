"""What every PDF report shares: page templates, running header and footer, safe build.

* A title page template and a body template; the body header names the
  production and report on the left and the script revision label and date on
  the right, the footer prints "Page N of M".
* "M" is drawn once at the end as a PDF form that every page refers to, so the
  document is laid out in a single pass.
* :class:`ContinuedTable` repeats its heading row with a "(cont'd)" variant on
  each new page and makes the page end with "(continued)" when a scene, shot
  group or quotation runs on.
* Output is deterministic (reportlab's invariant mode) and written atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table
from reportlab.platypus.doctemplate import FrameBreak, LayoutError

from scriptdesk.domain.errors import ExportError
from scriptdesk.export.atomic import atomic_path
from scriptdesk.export.fonts import BOLD, FAMILY, ITALIC, register_fonts
from scriptdesk.export.formatting import format_date, revision_name
from scriptdesk.export.report_data import ReportHeader
from scriptdesk.export.safe_markup import escape, paragraphs_of, with_emphasis
from scriptdesk.export.settings import DEFAULT_SETTINGS, ReportSettings

TOTAL_PAGES_FORM = "scriptdeskTotalPages"
HEADER_SIZE = 8
CONTINUED_MARK = "(continued)"


class TotalPagesCanvas(Canvas):
    """A canvas that defines the total-pages form once every page is drawn."""

    def save(self) -> None:
        # The last showPage has already advanced the counter past the final page.
        total = self.getPageNumber() - 1
        self.beginForm(TOTAL_PAGES_FORM)
        self.setFont(FAMILY, HEADER_SIZE)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()


class ContinuedTable(Table):
    """A table whose parts after a page break start with a "(cont'd)" heading row.

    ``continued_row`` replaces row 0 in every part after the first; the caller
    sets ``repeatRows`` to at least 1 so the heading is repeated at all.
    A table no taller than ``keep_whole_below`` points is never split: it
    moves whole to the next page (cheaper than wrapping it in ``KeepTogether``,
    which lays the table out once more only to learn its height).
    """

    continued_row: list[Any] | None = None
    runs_on: bool = False  # this part is followed by another on the next page
    keep_whole_below: float = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self._short_enough_to_keep_whole(availWidth):
            return []
        parts = super().split(availWidth, availHeight)
        if len(parts) < 2:
            return parts
        for index, part in enumerate(parts):
            part.continued_row = self.continued_row
            part.runs_on = index < len(parts) - 1 or self.runs_on
            if index > 0 and self.continued_row is not None:
                part._cellvalues[0] = list(self.continued_row)
        # The table was split because it does not fit here, so what follows the first
        # part belongs on the next page. Without the break, a first part cut between
        # rows leaves room in which the rest would be split again, inside a row, and
        # a "(cont'd)" heading would appear in the middle of the same page.
        spaced: list[Flowable] = [parts[0]]
        for part in parts[1:]:
            spaced += [FrameBreak(), part]
        return spaced

    def _short_enough_to_keep_whole(self, avail_width: float) -> bool:
        # The frame has just wrapped the table at this width, so its height is known.
        if not self.keep_whole_below or getattr(self, "availWidth", None) != avail_width:
            return False
        height = getattr(self, "_height", None)
        return height is not None and height <= self.keep_whole_below


def header_right(header: ReportHeader) -> str:
    """The revision label and date every header carries."""
    return f"{revision_name(header.revision_label)} · {format_date(header.revision_date)}"


class ReportDocument(BaseDocTemplate):
    """The document template of every report: title page, body pages, running header."""

    def __init__(
        self,
        path: Path,
        header: ReportHeader,
        report_title: str,
        settings: ReportSettings = DEFAULT_SETTINGS,
        *,
        landscape: bool = False,
        title_page: bool = False,
    ) -> None:
        register_fonts()
        page = settings.page.landscape() if landscape else settings.page
        self.report_header = header
        self.report_title = report_title
        self.settings = settings
        self.page_settings = page
        self._runs_on = False
        super().__init__(
            str(path),
            pagesize=page.size,
            leftMargin=page.left,
            rightMargin=page.right,
            topMargin=page.top,
            bottomMargin=page.bottom,
            title=f"{header.production} — {report_title}",
            author="ScriptDesk",
            subject=header_right(header),
            creator="ScriptDesk",
            producer="ScriptDesk",
            invariant=1,
            initialFontName=FAMILY,
        )
        frame = Frame(
            page.left, page.bottom, page.frame_width, page.frame_height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )  # fmt: skip
        templates = [
            PageTemplate(
                id="body", frames=[frame], onPage=self._draw_header, onPageEnd=self._draw_continued
            ),
            PageTemplate(id="title", frames=[frame], onPage=self._draw_footer),
        ]
        # The first template is the one the first page uses.
        self.addPageTemplates(templates[::-1] if title_page else templates)

    # -- page decoration ----------------------------------------------------

    def _draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        page = self.page_settings
        width, height = page.size
        top = height - page.top + 8 * mm
        canvas.saveState()
        canvas.setFont(BOLD, HEADER_SIZE)
        left_text = f"{self.report_header.production} — {self.report_title}"
        right_text = header_right(self.report_header)
        room = page.frame_width - canvas.stringWidth(right_text, FAMILY, HEADER_SIZE) - 12
        canvas.drawString(page.left, top, _fit(canvas, left_text, BOLD, room))
        canvas.setFont(FAMILY, HEADER_SIZE)
        canvas.drawRightString(width - page.right, top, right_text)
        canvas.setStrokeColor(self.settings.palette.rule)
        canvas.setLineWidth(0.5)
        canvas.line(page.left, top - 3, width - page.right, top - 3)
        canvas.restoreState()
        self._draw_footer(canvas, doc)

    def _draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        page = self.page_settings
        width = page.size[0]
        bottom = page.bottom - 10 * mm
        canvas.saveState()
        canvas.setFont(FAMILY, HEADER_SIZE)
        text = f"Page {doc.page} of "
        canvas.drawString(page.left, bottom, text)
        canvas.saveState()
        canvas.translate(page.left + canvas.stringWidth(text, FAMILY, HEADER_SIZE), bottom)
        canvas.doForm(TOTAL_PAGES_FORM)
        canvas.restoreState()
        title = self.report_header.script_title
        room = page.frame_width / 2
        canvas.drawRightString(width - page.right, bottom, _fit(canvas, title, FAMILY, room))
        canvas.restoreState()

    def _draw_continued(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not self._runs_on:
            return
        page = self.page_settings
        canvas.saveState()
        canvas.setFont(ITALIC, HEADER_SIZE)
        canvas.drawRightString(page.size[0] - page.right, page.bottom - 4 * mm, CONTINUED_MARK)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's hook name)
        # The last flowable drawn on a page decides whether the page ends mid-scene.
        self._runs_on = bool(getattr(flowable, "runs_on", False))

    def handle_pageBegin(self) -> None:  # noqa: N802
        self._runs_on = False
        super().handle_pageBegin()


def literal(value: object, style: ParagraphStyle, *, prefix: str = "") -> Paragraph:
    """A paragraph printing ``value`` literally, after optional trusted ``prefix`` markup."""
    return Paragraph(prefix + escape(value), style)


def literal_paragraphs(value: object, style: ParagraphStyle, *, emphasis: bool = False) -> list[Paragraph]:
    """One paragraph per blank-line-separated part of ``value``, printed literally.

    Separate paragraphs let a table cell with a very long text split across pages.
    With ``emphasis`` the script's ``*titles*`` print in italics instead of with stars.
    """
    parts = paragraphs_of(value)
    return [Paragraph(with_emphasis(markup) if emphasis else markup, style) for markup in parts]


def _fit(canvas: Canvas, text: str, font: str, room: float) -> str:
    """Shorten a header text with an ellipsis so that it fits ``room`` points."""
    text = " ".join(text.split())
    if canvas.stringWidth(text, font, HEADER_SIZE) <= room:
        return text
    while text and canvas.stringWidth(text + "…", font, HEADER_SIZE) > room:
        text = text[:-1]
    return text + "…"


StoryBuilder = Callable[[ReportDocument], Sequence[Flowable]]


def write_pdf(
    path: Path,
    header: ReportHeader,
    report_title: str,
    build_story: StoryBuilder,
    settings: ReportSettings = DEFAULT_SETTINGS,
    *,
    landscape: bool = False,
    title_page: bool = False,
) -> Path:
    """Lay out the story a writer builds and write it atomically to ``path``.

    A story that starts with a title page switches to the body template
    itself (``NextPageTemplate("body")`` before its first ``PageBreak``).
    """
    with atomic_path(Path(path)) as temp:
        document = ReportDocument(
            temp, header, report_title, settings, landscape=landscape, title_page=title_page
        )
        story = list(build_story(document))
        try:
            document.build(story, canvasmaker=TotalPagesCanvas)
        except LayoutError as error:
            raise ExportError(
                f"{path}: a part of the report does not fit on a page ({error})"
            ) from error
    return Path(path)
