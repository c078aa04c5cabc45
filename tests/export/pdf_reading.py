"""Reading exported PDFs back: text, page count, fonts and table cells."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pypdf import PdfReader


@dataclass
class ReadBack:
    pages: list[str]
    fonts: set[str]
    tables: list[list[list[str | None]]]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """All text with line breaks as spaces (wrapped lines joined)."""
        return " ".join(self.text.split())


def read_pdf(path: Path, *, tables: bool = False) -> ReadBack:
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
        found = [table for page in pdf.pages for table in page.extract_tables()] if tables else []
    return ReadBack(pages, fonts, found)


def embedded_fonts(path: Path) -> set[str]:
    """Base names of the fonts whose program is embedded in the PDF."""
    names = set()
    for page in PdfReader(path).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = font.get("/FontDescriptor")
            if descendants:
                descriptor = descendants[0].get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                names.add(str(font["/BaseFont"]))
    return names
