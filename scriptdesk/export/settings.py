"""Page geometry, colours and paragraph styles of the reports, in one settings object.

Writers take a :class:`ReportSettings` (defaults: A4, portrait or landscape)
so that a production can change paper size or type size in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from scriptdesk.export.fonts import BOLD, FAMILY, ITALIC, register_fonts


@dataclass(frozen=True, slots=True)
class PageSettings:
    """Paper size and margins (points)."""

    size: tuple[float, float] = A4
    left: float = 18 * mm
    right: float = 18 * mm
    top: float = 22 * mm  # room for the running header
    bottom: float = 18 * mm  # room for the footer

    def landscape(self) -> PageSettings:
        return replace(self, size=landscape(self.size))

    @property
    def frame_width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.size[1] - self.top - self.bottom


@dataclass(frozen=True, slots=True)
class Palette:
    """The few colours the reports use; all print well in greyscale."""

    rule: colors.Color = colors.HexColor("#555555")
    grid: colors.Color = colors.HexColor("#b0b0b0")
    heading_fill: colors.Color = colors.HexColor("#e4e4e4")
    column_fill: colors.Color = colors.HexColor("#f2f2f2")
    muted: colors.Color = colors.HexColor("#555555")
    alert: colors.Color = colors.HexColor("#9b1c1c")


@dataclass(frozen=True)
class ReportStyles:
    """Paragraph styles built on the shipped Unicode font."""

    body_size: float = 9.5
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.styles[name]


@cache
def build_styles(body_size: float = 9.5) -> ReportStyles:
    """The named styles every writer uses (``body``, ``cell``, ``heading`` ...)."""
    register_fonts()
    leading = body_size * 1.3
    body = ParagraphStyle(
        "body", fontName=FAMILY, fontSize=body_size, leading=leading, spaceAfter=3
    )
    small = body_size - 1.5
    cell = ParagraphStyle("cell", parent=body, fontSize=small, leading=small * 1.25, spaceAfter=1.5)
    styles = {
        "body": body,
        "cell": cell,
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        "cell_italic": ParagraphStyle("cell_italic", parent=cell, fontName=ITALIC),
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "cell_label": ParagraphStyle(
            "cell_label", parent=cell, fontName=BOLD, fontSize=small - 0.5, textColor=Palette().muted
        ),
        "column_header": ParagraphStyle("column_header", parent=cell, fontName=BOLD),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=24, leading=30, alignment=TA_CENTER, spaceAfter=14
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=13, leading=18, alignment=TA_CENTER, spaceAfter=6
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=BOLD, fontSize=14, leading=18, spaceBefore=6, spaceAfter=8
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
        ),
        "scene": ParagraphStyle("scene", parent=body, fontName=BOLD, fontSize=10.5, leading=13.5),
        "note": ParagraphStyle("note", parent=body, fontSize=small, leading=small * 1.3),
        "muted": ParagraphStyle("muted", parent=cell, textColor=Palette().muted),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=14, rightIndent=14),
    }
    return ReportStyles(body_size=body_size, styles=styles)


@dataclass(frozen=True)
class ReportSettings:
    """Everything a writer needs to know about how the page looks."""

    page: PageSettings = field(default_factory=PageSettings)
    palette: Palette = field(default_factory=Palette)
    body_size: float = 9.5

    def styles(self) -> ReportStyles:
        return build_styles(self.body_size)


DEFAULT_SETTINGS = ReportSettings()
