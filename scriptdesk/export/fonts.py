"""The Unicode font family every report uses: DejaVu Sans, shipped with ScriptDesk.

The TTF files live in ``scriptdesk/export/fonts`` (licence beside them), so
Cyrillic, accented Latin, typographic quotes and dashes print with real,
embedded glyphs on a machine without any system fonts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from scriptdesk.domain.errors import ExportError

FONT_DIR = Path(__file__).with_name("fonts")

#: The family name reportlab knows the regular face by.
FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FACES = {
    FAMILY: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


@cache
def register_fonts() -> str:
    """Register the four faces once per process; returns the family name."""
    for name, file_name in _FACES.items():
        path = FONT_DIR / file_name
        if not path.is_file():
            raise ExportError(f"{path}: the report font is missing from this installation")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # So that <b> and <i> inside paragraphs pick the right faces.
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return FAMILY
